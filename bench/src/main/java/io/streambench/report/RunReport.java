package io.streambench.report;

import io.streambench.driver.AttemptRow;
import io.streambench.driver.ErrorClass;
import io.streambench.driver.ErrorSummary;
import io.streambench.driver.Metric;
import io.streambench.driver.RunConfig;
import io.streambench.driver.RunObserver;
import io.streambench.driver.RunOutcome;
import io.streambench.driver.StageMetrics;
import io.streambench.driver.StageWindow;
import io.streambench.driver.limits.StageFigures;
import io.streambench.driver.limits.StageVerdict;
import io.streambench.report.folder.CsvOut;
import io.streambench.report.folder.RequestsCsv;
import io.streambench.report.folder.RunFolder;
import io.streambench.report.folder.RunJson;
import io.streambench.report.folder.RunJsonResults;
import io.streambench.report.folder.SummaryCsv;
import io.streambench.report.folder.SummaryRow;
import io.streambench.report.folder.TimelineCsv;
import io.streambench.report.folder.TimelineRow;
import io.streambench.report.folder.TurnsCsv;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.HdrHistogram.Histogram;

/**
 * Writes one run's folder: streams {@code requests.csv}, {@code timeline.csv} and the {@code *.hlog}
 * interval logs while the run goes, then {@code summary.csv}, {@code turns.csv} (conversations) and
 * {@code run.json} at {@link #finish}.
 * Attempts arrive on event loops into a queue; everything else happens on the ticking thread under this
 * object's lock, so memory stays constant however long the run.
 *
 * <pre>{@code
 * try (RunReport report = new RunReport(dir, config, transportName)) {
 *     // runner.run() with report as its observer; report.tick() once a second from a timer
 *     report.finish(outcome, driver);
 * }
 * }</pre>
 */
public final class RunReport implements RunObserver, AutoCloseable {

    private final Path dir;
    private final RunConfig config;
    private final String transport;
    private final Instant start = Instant.now();
    private final long startNanos = System.nanoTime();
    private final Queue<AttemptRow> rows = new ConcurrentLinkedQueue<>();
    private final CsvOut<AttemptRow> requests;
    private final CsvOut<TimelineRow> timeline;
    private final HlogFiles hlogs;
    private final HeapWatch heap = new HeapWatch();
    private final List<StageSummary> finished = new ArrayList<>();
    private final TurnFigures turns = new TurnFigures();

    private StageMetrics stage;
    private Map<Metric, Histogram> stageTotals;
    private Map<ErrorClass, Long> stageErrors;
    private ErrorMessages stageMessages;
    private StageMetrics.Counters lastCounters;
    private long lastTickNanos;
    private long lastTickMillis;
    private long stageStartNanos;
    private final Map<Metric, Histogram> recycled = new EnumMap<>(Metric.class);
    private boolean closed;

    public RunReport(Path dir, RunConfig config, String transport) {
        this.dir = dir;
        this.config = config;
        this.transport = transport;
        this.requests = RequestsCsv.COLUMNS.open(dir.resolve(RunFolder.REQUESTS_CSV));
        this.timeline = TimelineCsv.COLUMNS.open(dir.resolve(RunFolder.TIMELINE_CSV));
        this.hlogs = new HlogFiles(dir, start.toEpochMilli());
    }

    /** The run's folder. */
    public Path dir() {
        return dir;
    }

    /** The run's start, as {@code System.nanoTime()}. */
    public long startNanos() {
        return startNanos;
    }

    @Override
    public void attempt(AttemptRow row) {
        rows.add(row);
    }

    @Override
    public synchronized void stageStarted(StageMetrics metrics) {
        stage = metrics;
        stageTotals = new EnumMap<>(Metric.class);
        for (Metric metric : Metric.values()) {
            stageTotals.put(metric, new Histogram(3));
        }
        stageErrors = new EnumMap<>(ErrorClass.class);
        stageMessages = new ErrorMessages();
        recycled.clear();
        lastCounters = metrics.counters();
        stageStartNanos = System.nanoTime();
        lastTickNanos = stageStartNanos;
        lastTickMillis = System.currentTimeMillis();
    }

    @Override
    public synchronized void stageEnded(StageMetrics metrics) {
        if (stage != metrics) {
            return;
        }
        tick();
        StageWindow.Figures window = metrics.window().figures();
        StageVerdict verdict = StageVerdict.of(new StageFigures(metrics.index(), metrics.workload(), stageTotals,
                window, metrics.slo().counts()));
        finished.add(new StageSummary(metrics.index(), metrics.workload().label(), stageTotals, metrics.counters(),
                stageErrors, (System.nanoTime() - stageStartNanos) / 1e9, stageMessages.top(ErrorMessages.KEPT),
                window, verdict));
        stage = null;
    }

    /**
     * Writes what happened since the last tick: queued rows, one timeline row, one interval per hlog.
     * Returns the progress, or null between stages.
     */
    public synchronized Progress tick() {
        drainRows();
        heap.sample();
        if (stage == null || closed) {
            return null;
        }
        long nowNanos = System.nanoTime();
        long nowMillis = System.currentTimeMillis();
        for (Metric metric : Metric.values()) {
            // A recorder takes back only histograms it handed out itself.
            Histogram interval = stage.interval(metric, recycled.get(metric));
            hlogs.write(metric, stage.index(), interval, lastTickMillis, nowMillis);
            stageTotals.get(metric).add(interval);
            recycled.put(metric, interval);
        }
        hlogs.flush();
        StageMetrics.Counters now = stage.counters();
        double seconds = Math.max(1e-9, (nowNanos - lastTickNanos) / 1e9);
        TimelineRow row = TimelineRow.measured(new TimelineRow.Interval(stage.index(), (nowNanos - startNanos) / 1e9,
                seconds, nowMillis), TimelineRow.Tally.between(lastCounters, now), heap.lastUsed() / 1048576.0);
        timeline.write(row);
        timeline.flush();
        Progress progress = new Progress(row, stage.workload().label(), now.completed(), now.failedAttempts());
        lastCounters = now;
        lastTickNanos = nowNanos;
        lastTickMillis = nowMillis;
        return progress;
    }

    private void drainRows() {
        AttemptRow row;
        boolean any = false;
        while ((row = rows.poll()) != null) {
            requests.write(row);
            turns.add(row);
            any = true;
            AttemptRow.Ending ending = row.ending();
            if (!ending.error().ok() && stageErrors != null) {
                stageErrors.merge(ending.error(), 1L, Long::sum);
                stageMessages.add(ending.error(), ErrorSummary.of(ending.error(), ending.status(), ending.message()), 1);
            }
        }
        if (any) {
            requests.flush();
        }
    }

    /** The stages finished so far. */
    public synchronized List<StageSummary> stages() {
        return List.copyOf(finished);
    }

    /**
     * Ends the run: writes the last rows, {@code summary.csv} and {@code run.json}, and closes every file.
     *
     * @param driver how this driver was started and what it started with (the embedded mock's settings and stats)
     */
    public synchronized void finish(RunOutcome outcome, RunJson.Driver driver) {
        finish(outcome, driver, null);
    }

    /** ... with a sweep's or a search's outcome for run.json ({@code results.limits}; null for none). */
    public synchronized void finish(RunOutcome outcome, RunJson.Driver driver, RunJsonResults.Limits limits) {
        if (stage != null) {
            stageEnded(stage);
        }
        drainRows();
        heap.sample();
        SummaryCsv.write(dir.resolve(RunFolder.SUMMARY_CSV), summaryRows(finished));
        if (turns.any()) {
            Map<Integer, String> workloads = new TreeMap<>();
            finished.forEach(stage -> workloads.put(stage.index(), stage.workload()));
            TurnsCsv.write(dir.resolve(RunFolder.TURNS_CSV), turns.rows(workloads));
        }
        RunDocuments.write(dir.resolve(RunFolder.RUN_JSON), config, outcome, start, Instant.now(), finished,
                Environment.describe(transport), heap.maxUsed(), heap.maxAfterGc(), driver, limits);
        close();
    }

    /** Per stage, a row per metric with values, in metric order. */
    static List<SummaryRow> summaryRows(List<StageSummary> stages) {
        List<SummaryRow> rows = new ArrayList<>();
        for (StageSummary stage : stages) {
            stage.histograms().forEach((metric, h) -> {
                if (h.getTotalCount() > 0) {
                    rows.add(SummaryRow.of(stage.index(), stage.workload(), metric, h));
                }
            });
            rows.addAll(SloFigures.summaryRows(stage));
        }
        return rows;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        requests.close();
        timeline.close();
        hlogs.close();
    }
}
