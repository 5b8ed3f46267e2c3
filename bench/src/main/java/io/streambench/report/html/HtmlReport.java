package io.streambench.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import io.streambench.report.FewSamples;
import io.streambench.report.html.Plots.Bars;
import io.streambench.report.html.Plots.Line;
import io.streambench.report.html.RunFiles.SummaryRow;
import io.streambench.report.html.RunFiles.TimelineRow;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.HdrHistogram.Histogram;

/**
 * Renders a run folder's {@code report.html} from its files alone ({@code run.json}, {@code summary.csv},
 * {@code timeline.csv}, the {@code *.hlog} logs): summary tables, percentile spectra, throughput and
 * streams in flight over time, latency against load level for staged runs, errors by class and the run's
 * settings. The page is self-contained (plots are inline PNGs, CSS inline, no script).
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

    private final RunFiles files;
    private final Map<Integer, String> stageNames = new TreeMap<>();

    private HtmlReport(RunFiles files) {
        this.files = files;
        for (JsonNode stage : files.run().path("results").path("stages")) {
            stageNames.put(stage.path("index").asInt(), stage.path("workload").asText(""));
        }
        for (SummaryRow row : files.summary()) {
            stageNames.putIfAbsent(row.stage(), row.workload());
        }
        for (TimelineRow row : files.timeline()) {
            stageNames.putIfAbsent(row.stage(), "");
        }
    }

    /**
     * Reads {@code runDir} and writes {@code runDir/report.html}; returns its path.
     *
     * @throws IllegalArgumentException when {@code runDir} is not a run folder or one of its files cannot be read
     */
    public static Path render(Path runDir) {
        RunFiles files = RunFiles.read(runDir, SPECTRA);
        return new HtmlReport(files).page().writeTo(runDir.resolve(FILE));
    }

    private Page page() {
        JsonNode run = files.run();
        String name = run.path("name").asText("run");
        Page page = new Page("streambench: " + name);
        page.h1("streambench run: " + name);
        page.raw("<p class=\"meta\">" + Page.escape("status " + run.path("status").asText("?") + " · started "
                + run.path("start").asText("?") + " · " + Page.number(run.path("duration_s").asDouble(Double.NaN))
                + " s · target " + run.path("config").path("target").path("url").asText("?") + " · folder "
                + files.dir().toAbsolutePath().getFileName()) + "</p>\n");
        page.raw("<nav><a href=\"#summary\">Summary</a><a href=\"#percentiles\">Percentiles</a>"
                + "<a href=\"#timeline\">Over time</a>" + (staged() ? "<a href=\"#stages\">Load levels</a>" : "")
                + "<a href=\"#errors\">Errors</a><a href=\"#settings\">Settings</a></nav>\n");
        summary(page);
        percentiles(page);
        timeline(page);
        if (staged()) {
            stages(page);
        }
        errors(page);
        settings(page);
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
        for (JsonNode s : files.run().path("results").path("stages")) {
            boolean window = s.path("window_s").isNumber();
            windows &= window;
            double seconds = window ? s.path("window_s").asDouble() : s.path("seconds").asDouble(Double.NaN);
            totals.add(List.of(String.valueOf(s.path("index").asInt()), s.path("workload").asText(""),
                    Page.number(seconds), window ? Page.number(s.path("drain_s").asDouble()) : "-",
                    Page.count(s.path("requests").asLong()), Page.count(s.path("succeeded").asLong()),
                    Page.count(s.path("failed").asLong()), Page.count(s.path("retries").asLong()),
                    Page.count(s.path("output_tokens").asLong()),
                    Page.number(window ? s.path("requests_per_s").asDouble(Double.NaN)
                            : s.path("requests").asLong() / seconds),
                    Page.number(window ? s.path("tokens_per_s").asDouble(Double.NaN)
                            : s.path("output_tokens").asLong() / seconds),
                    window ? Page.count(s.path("drain").path("output_tokens").asLong()) : "-"));
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
            byStage.computeIfAbsent(r.stage(), s -> new ArrayList<>()).add(List.of(r.metric(), r.unit(),
                    Page.count(n), Page.number(r.mean()), Page.number(r.stddev()), Page.number(r.min()),
                    FewSamples.mark(Page.number(r.p50()), n, 50), FewSamples.mark(Page.number(r.p90()), n, 90),
                    FewSamples.mark(Page.number(r.p95()), n, 95), FewSamples.mark(Page.number(r.p99()), n, 99),
                    FewSamples.mark(Page.number(r.p999()), n, 99.9), Page.number(r.max())));
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
            Map<Integer, Histogram> hlog = files.histograms().getOrDefault(metric, Map.of());
            Map<Integer, SummaryRow> summary = files.summaryOf(metric);
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
            double interval = r.intervalSeconds() > 0 ? r.intervalSeconds() : 1.0;
            t[i] = r.elapsedSeconds();
            tokens[i] = Double.isNaN(r.tokensPerSecond()) ? r.tokens() / interval : r.tokensPerSecond();
            requests[i] = r.done() / interval;
            errors[i] = r.errors() / interval;
            inFlight[i] = r.inFlight();
            heap[i] = Double.isNaN(r.heapUsedMiB()) ? 0 : r.heapUsedMiB();
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
        for (JsonNode s : files.run().path("config").path("stages")) {
            String type = s.path("type").asText("");
            double value = "open".equals(type) ? s.path("rate_per_s").asDouble(Double.NaN)
                    : s.path("concurrency").asDouble(Double.NaN);
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
            Map<Integer, SummaryRow> rows = files.summaryOf(metric);
            if (rows.isEmpty()) {
                continue;
            }
            double[] x = new double[rows.size()];
            double[] p50 = new double[rows.size()];
            double[] p99 = new double[rows.size()];
            int i = 0;
            for (Map.Entry<Integer, SummaryRow> e : rows.entrySet()) {
                x[i] = byLevel ? level.get(e.getKey()) : e.getKey();
                p50[i] = e.getValue().p50();
                p99[i] = e.getValue().p99();
                i++;
            }
            page.img(Plots.lineChart(metric + " against load", xTitle, metric + " (ms)",
                    List.of(new Line(metric + " p50", x, p50), new Line(metric + " p99", x, p99)), null, List.of(),
                    true, logX), metric + " against load level");
        }
    }

    private void errors(Page page) {
        page.h2("errors", "Errors by class");
        Map<String, Map<Integer, Long>> byClass = new TreeMap<>();
        for (JsonNode s : files.run().path("results").path("stages")) {
            int stage = s.path("index").asInt();
            Iterator<Map.Entry<String, JsonNode>> it = s.path("errors_by_class").fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                byClass.computeIfAbsent(e.getKey(), k -> new TreeMap<>()).merge(stage, e.getValue().asLong(), Long::sum);
            }
        }
        if (byClass.isEmpty()) {
            page.p("No failed attempts.");
            return;
        }
        List<Integer> stages = new ArrayList<>(stageNames.keySet());
        List<String> header = new ArrayList<>(List.of("error class"));
        stages.forEach(s -> header.add("stage " + s));
        header.add("total");
        List<List<String>> rows = new ArrayList<>();
        List<String> classes = new ArrayList<>(byClass.keySet());
        List<Bars> bars = new ArrayList<>();
        for (int stage : stages) {
            List<Double> values = new ArrayList<>();
            for (String c : classes) {
                values.add(byClass.get(c).getOrDefault(stage, 0L).doubleValue());
            }
            bars.add(new Bars(stages.size() > 1 ? shortStageLabel(stage) : "", values, null));
        }
        for (String c : classes) {
            List<String> row = new ArrayList<>(List.of(c));
            long total = 0;
            for (int stage : stages) {
                long v = byClass.get(c).getOrDefault(stage, 0L);
                row.add(Page.count(v));
                total += v;
            }
            row.add(Page.count(total));
            rows.add(row);
        }
        page.img(Plots.barChart("Failed attempts by error class", "error class", "failed attempts", classes, bars),
                "failed attempts by error class");
        page.table(header, rows);
        page.note("Failed attempts, retried ones and warmup included (run.json errors_by_class); every attempt is a "
                + "row of requests.csv with its error_class and error_message.");
        errorMessages(page);
    }

    /** The most frequent messages per stage and class (run.json error_messages). */
    private void errorMessages(Page page) {
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode s : files.run().path("results").path("stages")) {
            String stage = Integer.toString(s.path("index").asInt());
            Iterator<Map.Entry<String, JsonNode>> it = s.path("error_messages").fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                for (JsonNode m : e.getValue().path("messages")) {
                    rows.add(List.of(stage, e.getKey(), Page.count(m.path("count").asLong()), m.path("message").asText()));
                }
                long other = e.getValue().path("other").asLong();
                if (other > 0) {
                    rows.add(List.of(stage, e.getKey(), Page.count(other), "(other messages)"));
                }
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        page.h3("Most frequent error messages");
        page.table(List.of("stage", "error class", "failed attempts", "message"), rows);
        page.note("Per stage and class, the most frequent messages (run.json error_messages): the status and the "
                + "server's error message, or the driver's reason. Counts, times and ids in the server's text show "
                + "as #, <time> and <id>, so that messages differing only there count together; requests.csv has "
                + "each message as it came.");
    }

    private void settings(Page page) {
        page.h2("settings", "Run settings");
        JsonNode run = files.run();
        List<List<String>> general = new ArrayList<>();
        for (String key : List.of("name", "status", "start", "end", "duration_s")) {
            if (run.has(key)) {
                general.add(List.of(key, run.get(key).asText()));
            }
        }
        page.table(List.of("key", "value"), general);
        Map<String, String> sections = new LinkedHashMap<>();
        sections.put("config", "Configuration (target, stages, bounds, timeouts, retry, client: parser, flush, accumulate)");
        sections.put("environment", "Environment (JDK, OS, CPUs, transport, git commit)");
        sections.put("mock_server", "Embedded mock server");
        Iterator<String> names = run.fieldNames();
        while (names.hasNext()) {
            String key = names.next();
            if (!general.stream().anyMatch(r -> r.get(0).equals(key)) && !"results".equals(key)) {
                sections.putIfAbsent(key, key);
            }
        }
        for (Map.Entry<String, String> e : sections.entrySet()) {
            JsonNode node = run.get(e.getKey());
            if (node == null || node.isNull()) {
                continue;
            }
            List<List<String>> rows = new ArrayList<>();
            flatten("", node, rows);
            page.h3(e.getValue());
            page.table(List.of("key", "value"), rows);
        }
        JsonNode results = run.path("results");
        if (results.has("max_heap_used_mb")) {
            page.note("Largest heap in use " + Page.number(results.path("max_heap_used_mb").asDouble()) + " MiB; largest "
                    + "live heap after a collection " + Page.number(results.path("max_heap_after_gc_mb").asDouble())
                    + " MiB.");
        }
    }

    /** One row per leaf: {@code target.url}, {@code stages[0].concurrency}... */
    private static void flatten(String prefix, JsonNode node, List<List<String>> rows) {
        if (node.isObject()) {
            if (node.isEmpty()) {
                rows.add(List.of(prefix, "{}"));
            }
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), rows);
            }
        } else if (node.isArray()) {
            if (node.isEmpty()) {
                rows.add(List.of(prefix, "[]"));
            }
            for (int i = 0; i < node.size(); i++) {
                flatten(prefix + "[" + i + "]", node.get(i), rows);
            }
        } else {
            rows.add(List.of(prefix, node.isNull() ? "null" : node.asText()));
        }
    }
}
