package io.streambench.report;

import io.streambench.driver.ErrorClass;
import io.streambench.driver.Metric;
import io.streambench.driver.StageMetrics;
import io.streambench.driver.StageWindow;
import io.streambench.report.folder.Csv;
import io.streambench.report.folder.RequestsCsv;
import io.streambench.report.folder.RunJson;
import io.streambench.report.folder.RunJsonResults;
import io.streambench.report.folder.RunJsonResults.Totals;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.apache.commons.csv.CSVPrinter;

/**
 * What {@link RunMerge} makes of its sources besides the interval logs: the stages' counters added up, the
 * requests concatenated with their driver, and the merged {@code run.json}.
 */
final class MergedRun {

    private MergedRun() {
    }

    /** Per stage index: the merged histograms and the sources' counters and errors added up. */
    static List<StageSummary> stages(List<SourceRun> runs, Map<Metric, Map<Integer, Histogram>> histograms) {
        int count = runs.stream().mapToInt(r -> r.json().results().stageList().size()).max().orElse(0);
        List<StageSummary> stages = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Totals sum = new Totals(0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L);
            Map<ErrorClass, Long> errors = new EnumMap<>(ErrorClass.class);
            ErrorMessages messages = new ErrorMessages();
            String workload = null;
            double seconds = 0;
            StageWindow.Figures window = null;
            boolean windowKnown = true;
            for (SourceRun run : runs) {
                RunJsonResults.Stage stage = stage(run, i);
                if (stage == null) {
                    continue;
                }
                StageWindow.Figures w = stage.phases() == null ? null : stage.phases().figures();
                windowKnown &= w != null;
                window = window == null ? w : w == null ? window : plus(window, w);
                workload = workload == null ? String.valueOf(stage.workload()) : workload;
                seconds = Math.max(seconds, stage.seconds() == null ? 0 : stage.seconds());
                sum = plus(sum, stage.totals());
                for (Map.Entry<String, Long> e : stage.errorsByClass().entrySet()) {
                    errors.merge(errorClass(run, e.getKey()), n(e.getValue()), Long::sum);
                }
                if (stage.errorMessages() != null) { // absent in runs written before they existed
                    stage.errorMessages().forEach((label, top) -> messages.add(errorClass(run, label), top));
                }
            }
            // A finished run has nothing in flight: every request started has completed.
            StageMetrics.Counters counters = new StageMetrics.Counters(sum.requests(), sum.requests(),
                    sum.succeeded(), sum.failed(), 0, sum.attempts(), sum.failedAttempts(), sum.retries(),
                    sum.outputTokens(), sum.chunks(), sum.bytes());
            Map<Metric, Histogram> h = new EnumMap<>(Metric.class);
            for (Map.Entry<Metric, Map<Integer, Histogram>> e : histograms.entrySet()) {
                Histogram stageHistogram = e.getValue().get(i);
                if (stageHistogram != null) {
                    h.put(e.getKey(), stageHistogram);
                }
            }
            stages.add(new StageSummary(i, workload, h, counters, errors, seconds, messages.top(ErrorMessages.KEPT),
                    windowKnown ? window : null));
        }
        return stages;
    }

    /** Totals added; a total the source's run.json lacks adds 0. */
    private static Totals plus(Totals a, Totals b) {
        return new Totals(a.requests() + n(b.requests()), a.succeeded() + n(b.succeeded()), a.failed() + n(b.failed()),
                a.attempts() + n(b.attempts()), a.failedAttempts() + n(b.failedAttempts()),
                a.retries() + n(b.retries()), a.outputTokens() + n(b.outputTokens()), a.chunks() + n(b.chunks()),
                a.bytes() + n(b.bytes()));
    }

    private static long n(Long value) {
        return value == null ? 0 : value;
    }

    /**
     * Drivers that ran together: what their windows hold is added up and each phase lasts as long as the longest
     * driver's, so the merged rates are the sum of the drivers' rates when their windows coincide.
     */
    private static StageWindow.Figures plus(StageWindow.Figures a, StageWindow.Figures b) {
        return new StageWindow.Figures(Math.max(a.warmupSeconds(), b.warmupSeconds()),
                Math.max(a.windowSeconds(), b.windowSeconds()), Math.max(a.drainSeconds(), b.drainSeconds()),
                a.warmup().plus(b.warmup()), a.window().plus(b.window()), a.drain().plus(b.drain()));
    }

    private static RunJsonResults.Stage stage(SourceRun run, int index) {
        for (RunJsonResults.Stage stage : run.json().results().stageList()) {
            if (stage.index() != null && stage.index() == index) {
                return stage;
            }
        }
        return null;
    }

    private static ErrorClass errorClass(SourceRun run, String label) {
        try {
            return ErrorClass.valueOf(label.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(run.dir().resolve("run.json") + " has an unknown error class '"
                    + label + "'");
        }
    }

    /**
     * Concatenates the sources' rows, adding the {@code driver} column and moving {@code intended_ms} and
     * {@code start_ms} from each driver's start to the merged start.
     */
    static void requests(List<SourceRun> runs, long baseMillis, Path file) {
        List<String> columns = new ArrayList<>(RequestsCsv.COLUMNS.names());
        columns.add("driver");
        int intended = RequestsCsv.COLUMNS.indexOf("intended_ms");
        int start = RequestsCsv.COLUMNS.indexOf("start_ms");
        try (CSVPrinter printer = Csv.open(file, columns)) {
            for (SourceRun run : runs) {
                BigDecimal shift = BigDecimal.valueOf(Duration.between(Instant.ofEpochMilli(baseMillis), run.start())
                        .toNanos()).movePointLeft(6);
                run.folder().requests(record -> {
                    List<String> values = new ArrayList<>(record.values());
                    shift(values, intended, shift);
                    shift(values, start, shift);
                    values.add(run.driverId());
                    try {
                        printer.printRecord(values);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot merge requests.csv into " + file + ": " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new UncheckedIOException("cannot merge requests.csv into " + file + ": " + e.getMessage(), e.getCause());
        }
    }

    private static void shift(List<String> values, int column, BigDecimal millis) {
        String v = values.get(column);
        if (!v.isEmpty()) {
            values.set(column, new BigDecimal(v).add(millis).setScale(3, RoundingMode.HALF_EVEN).toPlainString());
        }
    }

    /** The merged run.json: the sources with their measured windows, the stages added up, the largest heap. */
    static void writeRunJson(List<SourceRun> runs, List<StageSummary> stages, Path file,
            Map<Path, Map<Integer, MeasuredWindow>> windows, boolean disjoint) {
        List<RunJson.Source> sources = new ArrayList<>();
        boolean interrupted = false;
        double maxHeap = 0;
        double maxHeapAfterGc = 0;
        for (SourceRun run : runs) {
            RunJson.Run json = run.json();
            List<RunJson.Measured> measured = new ArrayList<>();
            windows.get(run.dir()).forEach((stage, w) -> measured.add(new RunJson.Measured(stage, w.start().toString(),
                    w.end().toString())));
            sources.add(new RunJson.Source(run.dir().toAbsolutePath().normalize().toString(), json.name(),
                    run.driverId(), json.driver().driverIndex(), json.driver().startAt(), run.start().toString(),
                    run.end().toString(), json.status(), measured, json.environment(), json.results()));
            interrupted |= "interrupted".equals(json.status());
            maxHeap = Math.max(maxHeap, n(json.results().maxHeapUsedMb()));
            maxHeapAfterGc = Math.max(maxHeapAfterGc, n(json.results().maxHeapAfterGcMb()));
        }
        long completed = stages.stream().mapToLong(s -> s.counters().completed()).sum();
        long succeeded = stages.stream().mapToLong(s -> s.counters().succeeded()).sum();
        String status = interrupted ? "interrupted" : completed > 0 && succeeded == 0 ? "failed" : "completed";
        Instant start = runs.stream().map(SourceRun::start).min(Comparator.naturalOrder()).orElseThrow();
        Instant end = runs.stream().map(SourceRun::end).max(Comparator.naturalOrder()).orElseThrow();
        RunDocuments.writeMerged(file, runs.get(0).json().name(), status, start, end, disjoint,
                runs.get(0).json().config(), sources, stages, maxHeap, maxHeapAfterGc);
    }

    private static double n(Double value) {
        return value == null ? 0 : value;
    }
}
