package io.streambench.report.html;

import io.streambench.report.folder.FewSamples;
import io.streambench.report.folder.RunFolder;
import io.streambench.report.folder.RunJson;
import io.streambench.report.folder.RunJsonConfig;
import io.streambench.report.folder.RunJsonResults;
import io.streambench.report.folder.Stat;
import io.streambench.report.folder.SummaryRow;
import io.streambench.report.folder.TimelineRow;
import io.streambench.report.html.Plots.Line;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.HdrHistogram.Histogram;

/**
 * Renders a run folder's {@code report.html} from its files alone ({@code run.json}, {@code summary.csv},
 * {@code timeline.csv}, {@code turns.csv}, the {@code *.hlog} logs): summary tables, percentile spectra,
 * throughput and streams in flight over time, latency against load level for staged runs, lengths, cache hits,
 * schedule lag and per-turn figures, errors by class and the run's settings. The page is self-contained (plots are inline PNGs, CSS inline, no script).
 *
 * <pre>{@code
 * Path html = HtmlReport.render(Path.of("reports/20261124-101500-run"));
 * }</pre>
 */
public final class HtmlReport {

    /** The file written into the run folder. */
    public static final String FILE = "report.html";

    /** Metrics drawn as percentile spectra (their hlogs are read). */
    static final List<String> SPECTRA = List.of("ttft", "itl", "e2e");

    private final RunFolder files;
    private final RunJson.Document run;
    private final List<RunJsonResults.Stage> results;
    private final Map<Integer, String> stageNames = new TreeMap<>();

    private HtmlReport(RunFolder files) {
        this.files = files;
        this.run = files.json();
        this.results = run.results() == null ? List.of() : run.results().stageList();
        for (RunJsonResults.Stage stage : results) {
            stageNames.put(index(stage), text(stage.workload(), ""));
        }
        for (SummaryRow row : files.summary()) {
            stageNames.putIfAbsent(row.stage(), row.workload());
        }
        for (TimelineRow row : files.timeline()) {
            stageNames.putIfAbsent(row.interval().stage(), "");
        }
    }

    /** A stage's index, 0 when its run.json has none (as a page shows it). */
    static int index(RunJsonResults.Stage stage) {
        return stage.index() == null ? 0 : stage.index();
    }

    static String text(Object value, String none) {
        return value == null ? none : value.toString();
    }

    private static double number(Number value) {
        return value == null ? Double.NaN : value.doubleValue();
    }

    private static long count(Long value) {
        return value == null ? 0 : value;
    }

    /**
     * Reads {@code runDir} and writes {@code runDir/report.html}; returns its path.
     *
     * @throws IllegalArgumentException when {@code runDir} is not a run folder or one of its files cannot be read
     */
    public static Path render(Path runDir) {
        return new HtmlReport(RunFolder.open(runDir)).page().writeTo(runDir.resolve(FILE));
    }

    private Page page() {
        String name = text(run.name(), "run");
        String url = run.config() == null || run.config().target() == null ? null : run.config().target().url();
        Page page = new Page("streambench: " + name);
        page.h1("streambench run: " + name);
        page.raw("<p class=\"meta\">" + Page.escape("status " + text(run.status(), "?") + " · started "
                + text(run.start(), "?") + " · " + Page.number(number(run.durationS())) + " s · target "
                + text(url, "?") + " · folder " + files.dir().toAbsolutePath().getFileName()) + "</p>\n");
        page.raw("<nav>" + (LimitsSection.has(results, run.results()) ? "<a href=\"#limits\">Objectives</a>" : "")
                + "<a href=\"#summary\">Summary</a><a href=\"#percentiles\">Percentiles</a>"
                + "<a href=\"#timeline\">Over time</a>" + (staged() ? "<a href=\"#stages\">Load levels</a>" : "")
                + (GatewaySection.present(run) ? "<a href=\"#gateway\">Gateway</a>" : "")
                + (WorkloadSection.has(files) ? "<a href=\"#workload\">Workload</a>" : "")
                + "<a href=\"#errors\">Errors</a><a href=\"#settings\">Settings</a></nav>\n");
        if (LimitsSection.has(results, run.results())) {
            // a sweep's or a search's answer first: it is what the run was for
            Map<String, Map<Integer, SummaryRow>> byMetric = new TreeMap<>();
            for (String metric : List.of("ttft", "itl")) {
                byMetric.put(metric, summaryOf(metric));
            }
            LimitsSection.write(page, results, run.results().limits(), byMetric, this::stageLabel);
        }
        summary(page);
        percentiles(page);
        timeline(page);
        if (staged()) {
            stages(page);
        }
        if (GatewaySection.present(run)) {
            GatewaySection.render(page, run, files.dir());
        }
        if (WorkloadSection.has(files)) {
            WorkloadSection.write(page, files, this::stageLabel);
        }
        ErrorsSection.write(page, results, stageNames.keySet(), this::shortStageLabel);
        SettingsSection.write(page, run);
        return page;
    }

    private String stageLabel(int stage) {
        String workload = stageNames.getOrDefault(stage, "");
        return "stage " + stage + (workload.isEmpty() ? "" : " (" + workload + ")");
    }

    /** For legends: {@code stage 1 (rate=20/s)}, without the arrival and limit details. */
    private String shortStageLabel(int stage) {
        String workload = stageNames.getOrDefault(stage, "");
        int space = workload.indexOf(' ');
        return "stage " + stage + (workload.isEmpty() ? "" : " (" + (space < 0 ? workload : workload.substring(0, space)) + ")");
    }

    private boolean staged() {
        return stageNames.size() > 1;
    }

    private void summary(Page page) {
        page.h2("summary", "Summary");
        List<List<String>> totals = new ArrayList<>();
        boolean windows = true;
        for (RunJsonResults.Stage s : results) {
            RunJsonResults.Phases phases = s.phases();
            boolean window = phases != null;
            windows &= window;
            RunJsonResults.Totals t = s.totals();
            double seconds = window ? phases.windowS() : number(s.seconds());
            totals.add(List.of(String.valueOf(index(s)), text(s.workload(), ""), Page.number(seconds),
                    window ? Page.number(phases.drainS() == null ? 0 : phases.drainS()) : "-",
                    Page.count(count(t.requests())),
                    Page.count(count(t.succeeded())), Page.count(count(t.failed())), Page.count(count(t.retries())),
                    Page.count(count(t.outputTokens())),
                    Page.number(window ? number(phases.requestsPerS()) : count(t.requests()) / seconds),
                    Page.number(window ? number(phases.tokensPerS()) : count(t.outputTokens()) / seconds),
                    window ? Page.count(phases.drain() == null ? 0 : phases.drain().outputTokens()) : "-"));
        }
        if (!totals.isEmpty()) {
            page.table(List.of("stage", "workload", "window (s)", "drain (s)", "requests", "succeeded", "failed",
                    "retries", "output tokens", "requests/s", "tokens/s", "drain tokens"), totals);
            page.note(windows
                    ? "requests/s: requests that succeeded within the measured window (after the warmup, until the "
                    + "stage stopped sending), per second of window; tokens/s: output tokens that arrived within it. "
                    + "What arrived while in-flight streams finished is the drain, apart. Requests and output tokens "
                    + "are totals, warmup and drain included; the latency figures below are the requests sent after "
                    + "the warmup (see docs/metrics.md)."
                    : "This run.json has no measured window (written by an older version): rates are totals over the "
                    + "whole stage, warmup and drain included.");
        }
        if (files.summary().isEmpty()) {
            page.p("No summary.csv figures (no measured request finished).");
            return;
        }
        Map<Integer, List<List<String>>> byStage = new TreeMap<>();
        boolean flagged = false;
        for (SummaryRow r : files.summary()) {
            long n = r.count();
            flagged |= FewSamples.flagged(n, 99.9);
            List<String> cells = new ArrayList<>(List.of(r.metric(), r.unit(), Page.count(n)));
            for (Stat stat : Stat.values()) {
                String cell = Page.number(r.get(stat));
                cells.add(stat.isPercentile() && !"-".equals(cell) ? FewSamples.mark(cell, n, stat.percentile()) : cell);
            }
            byStage.computeIfAbsent(r.stage(), s -> new ArrayList<>()).add(cells);
        }
        for (Map.Entry<Integer, List<List<String>>> e : byStage.entrySet()) {
            page.h3(stageLabel(e.getKey()));
            page.table(List.of("metric", "unit", "count", "mean", "stddev", "min", "p50", "p90", "p95", "p99",
                    "p99.9", "max"), e.getValue());
        }
        if (flagged) {
            page.note(FewSamples.NOTE + ".");
        }
        page.note("Metric definitions: ttft send to first token, itl gap between content events, e2e send to [DONE]; "
                + "response_* count from the intended send (see docs/metrics.md).");
    }

    private void percentiles(Page page) {
        page.h2("percentiles", "Latency percentile spectrum");
        page.note("HdrHistogram style: the x axis is 1/(1-p) on a log scale, so 90%, 99%, 99.9% are evenly spaced "
                + "and the tail is visible; the last point of each line is the maximum.");
        boolean any = false;
        for (String metric : SPECTRA) {
            List<Line> lines = new ArrayList<>();
            Map<Integer, Histogram> hlog = files.stageHistograms(metric);
            Map<Integer, SummaryRow> summary = summaryOf(metric);
            TreeSet<Integer> stages = new TreeSet<>(hlog.keySet());
            stages.addAll(summary.keySet());
            for (int stage : stages) {
                Histogram h = hlog.get(stage);
                if (h != null && h.getTotalCount() > 0) {
                    lines.add(Plots.spectrum(shortStageLabel(stage), h));
                } else if (summary.containsKey(stage)) {
                    lines.add(Plots.spectrum(shortStageLabel(stage) + " [summary.csv]", summary.get(stage)));
                }
            }
            if (!lines.isEmpty()) {
                page.img(Plots.spectrumChart(metric + " percentile spectrum", lines), metric + " percentile spectrum");
                any = true;
            }
        }
        if (!any) {
            page.p("No latency values were recorded.");
        }
    }

    private void timeline(Page page) {
        page.h2("timeline", "Over time");
        List<TimelineRow> rows = files.timeline();
        if (rows.isEmpty()) {
            page.p("timeline.csv is empty.");
            return;
        }
        int n = rows.size();
        double[] t = new double[n];
        double[] tokens = new double[n];
        double[] requests = new double[n];
        double[] errors = new double[n];
        double[] inFlight = new double[n];
        double[] heap = new double[n];
        for (int i = 0; i < n; i++) {
            TimelineRow r = rows.get(i);
            TimelineRow.Tally tally = r.tally();
            double interval = r.interval().seconds() > 0 ? r.interval().seconds() : 1.0;
            t[i] = r.interval().elapsedSeconds();
            tokens[i] = Double.isNaN(r.tokensPerSecond()) ? tally.tokens() / interval : r.tokensPerSecond();
            requests[i] = tally.done() / interval;
            errors[i] = tally.errors() / interval;
            inFlight[i] = tally.inFlight();
            heap[i] = Double.isNaN(r.heapUsedMb()) ? 0 : r.heapUsedMb();
        }
        page.img(Plots.lineChart("Throughput", "time since start (s)", "output tokens/s",
                List.of(new Line("output tokens/s (as they arrive)", t, tokens)), "requests/s",
                List.of(new Line("requests ended/s", t, requests), new Line("failed attempts/s", t, errors)), false,
                false), "throughput over time");
        page.img(Plots.lineChart("Streams in flight", "time since start (s)", "streams in flight",
                List.of(new Line("in flight", t, inFlight)), "heap used (MiB)",
                List.of(new Line("heap used (MiB)", t, heap)), false, false), "streams in flight over time");
        if (staged()) {
            page.note("Stages run one after another; timeline.csv's stage column says which second belongs to which.");
        }
    }

    private void stages(Page page) {
        page.h2("stages", "Latency against load level");
        Map<Integer, Double> level = new TreeMap<>();
        String kind = null;
        int index = 0;
        for (RunJsonConfig.StageConfig s : run.config() == null ? List.<RunJsonConfig.StageConfig>of()
                : run.config().stages()) {
            String type = text(s.type(), "");
            double value = "open".equals(type) ? number(s.ratePerS()) : number(s.concurrency());
            kind = kind == null || kind.equals(type) ? type : "mixed";
            level.put(index++, value);
        }
        boolean byLevel = !"mixed".equals(kind) && level.keySet().containsAll(stageNames.keySet())
                && level.values().stream().noneMatch(v -> v.isNaN() || v <= 0);
        String xTitle = !byLevel ? "stage" : "open".equals(kind) ? "offered rate (requests/s)" : "concurrency (streams)";
        double min = level.values().stream().mapToDouble(Double::doubleValue).min().orElse(1);
        double max = level.values().stream().mapToDouble(Double::doubleValue).max().orElse(1);
        boolean logX = byLevel && max / min >= 100; // XChart labels whole decades only
        for (String metric : List.of("ttft", "itl")) {
            Map<Integer, SummaryRow> rows = summaryOf(metric);
            if (rows.isEmpty()) {
                continue;
            }
            double[] x = new double[rows.size()];
            double[] p50 = new double[rows.size()];
            double[] p99 = new double[rows.size()];
            int i = 0;
            for (Map.Entry<Integer, SummaryRow> e : rows.entrySet()) {
                x[i] = byLevel ? level.get(e.getKey()) : e.getKey();
                p50[i] = e.getValue().get(Stat.P50);
                p99[i] = e.getValue().get(Stat.P99);
                i++;
            }
            page.img(Plots.lineChart(metric + " against load", xTitle, metric + " (ms)",
                    List.of(new Line(metric + " p50", x, p50), new Line(metric + " p99", x, p99)), null, List.of(),
                    true, logX), metric + " against load level");
        }
    }

    /** The summary rows of one metric, by stage. */
    private Map<Integer, SummaryRow> summaryOf(String metric) {
        Map<Integer, SummaryRow> rows = new TreeMap<>();
        for (SummaryRow row : files.summary()) {
            if (row.metric().equals(metric)) {
                rows.put(row.stage(), row);
            }
        }
        return rows;
    }
}
