package io.streambench.report.compare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streambench.driver.ErrorClass;
import io.streambench.driver.Metric;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads one run folder ({@code run.json}, and {@code summary.csv} when present) into figures by stage:
 * the totals of each stage from run.json, figures derived from them (per request, per second), and every
 * {@code metric.stat} of summary.csv ({@code ttft.p99}). The run's own totals (largest heap) are in scope
 * {@code run}. Every name is listed in {@link #knownMetrics()} and in the README.
 */
final class RunFolder {

    static final String RUN_JSON = "run.json";
    static final String SUMMARY_CSV = "summary.csv";

    /** summary.csv's statistic columns, each a metric suffix ({@code ttft.p99}). */
    static final List<String> STATS = List.of("count", "mean", "stddev", "min", "p50", "p90", "p95", "p99", "p999",
            "max");

    /** Stage totals straight from run.json. */
    static final List<String> COUNTERS = List.of("requests", "succeeded", "failed", "attempts", "failed_attempts",
            "retries", "output_tokens", "chunks", "bytes");

    /** Figures derived per stage. */
    static final List<String> DERIVED = List.of("errors", "error_rate", "tokens_per_request", "chunks_per_request",
            "bytes_per_request", "tokens_per_s", "chunks_per_s", "requests_per_s", "seconds");

    /** Figures of the whole run. */
    static final List<String> RUN_LEVEL = List.of("max_heap_used_mb", "max_heap_after_gc_mb");

    private static final ObjectMapper JSON = new ObjectMapper();

    private RunFolder() {
    }

    /** Every metric name a run comparison knows, whether or not a given run has it. */
    static Set<String> knownMetrics() {
        Set<String> names = new LinkedHashSet<>(COUNTERS);
        names.addAll(DERIVED);
        for (ErrorClass e : ErrorClass.values()) {
            if (!e.ok()) {
                names.add("errors." + e.label());
            }
        }
        names.addAll(RUN_LEVEL);
        for (Metric m : Metric.values()) {
            for (String stat : STATS) {
                names.add(m.label() + "." + stat);
            }
        }
        return names;
    }

    static Map<Scope, Map<String, Measured>> read(Path dir) {
        Map<Scope, Map<String, Measured>> out = new LinkedHashMap<>();
        Map<Integer, Scope> stages = new LinkedHashMap<>();
        JsonNode root = readJson(dir.resolve(RUN_JSON));
        JsonNode results = root.path("results");
        JsonNode stageList = results.path("stages");
        if (!stageList.isArray()) {
            throw new IllegalArgumentException(dir.resolve(RUN_JSON) + ": no results.stages array");
        }
        for (JsonNode s : stageList) {
            int index = s.path("index").asInt(-1);
            if (index < 0) {
                throw new IllegalArgumentException(dir.resolve(RUN_JSON) + ": a stage without an index");
            }
            Scope scope = stageScope(index, s.path("workload").asText(""));
            stages.put(index, scope);
            out.put(scope, stageTotals(s));
        }
        Map<String, Measured> run = new LinkedHashMap<>();
        for (String name : RUN_LEVEL) {
            JsonNode v = results.path(name);
            if (v.isNumber()) {
                run.put(name, new Measured(Figure.of(v.asDouble()), MetricUnit.MIB));
            }
        }
        Path summary = dir.resolve(SUMMARY_CSV);
        if (Files.isRegularFile(summary)) {
            readSummary(summary, stages, out);
        }
        if (!run.isEmpty()) {
            out.put(new Scope("run", "run", List.of("run"), Map.of()), run);
        }
        return out;
    }

    private static Scope stageScope(int index, String workload) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("stage", Integer.toString(index));
        for (String token : workload.split("\\s+")) {
            int eq = token.indexOf('=');
            if (eq > 0) {
                params.put(token.substring(0, eq), token.substring(eq + 1));
            }
        }
        String label = "stage " + index + (workload.isEmpty() ? "" : " " + workload);
        return new Scope("stage " + index, label, List.of(Integer.toString(index)), params);
    }

    private static Map<String, Measured> stageTotals(JsonNode s) {
        Map<String, Measured> m = new LinkedHashMap<>();
        for (String name : COUNTERS) {
            JsonNode v = s.path(name);
            if (v.isNumber()) {
                m.put(name, new Measured(Figure.of(v.asDouble()), name.equals("bytes") ? MetricUnit.BYTES
                        : MetricUnit.NONE));
            }
        }
        JsonNode byClass = s.path("errors_by_class");
        double errors = 0;
        for (ErrorClass e : ErrorClass.values()) {
            if (!e.ok()) {
                double n = byClass.path(e.label()).asDouble(0);
                errors += n;
                m.put("errors." + e.label(), count(n));
            }
        }
        m.put("errors", count(errors));
        double attempts = value(m, "attempts");
        double failedAttempts = value(m, "failed_attempts");
        if (attempts > 0 && !Double.isNaN(failedAttempts)) {
            m.put("error_rate", count(failedAttempts / attempts));
        }
        double requests = value(m, "requests");
        if (requests > 0) {
            perRequest(m, "output_tokens", "tokens_per_request", requests, MetricUnit.NONE);
            perRequest(m, "chunks", "chunks_per_request", requests, MetricUnit.NONE);
            perRequest(m, "bytes", "bytes_per_request", requests, MetricUnit.BYTES);
        }
        double seconds = s.path("seconds").asDouble(0);
        if (seconds > 0) {
            m.put("seconds", new Measured(Figure.of(seconds), new MetricUnit("s", MetricUnit.Dimension.TIME, 1000)));
        }
        double window = s.path("window_s").asDouble(0);
        if (window > 0) {
            // Rates over the measured window: what arrived (tokens, chunks) or succeeded (requests) in it.
            JsonNode w = s.path("window");
            perSecond(m, "tokens_per_s", w.path("output_tokens"), window, "tokens/s");
            perSecond(m, "chunks_per_s", w.path("chunks"), window, "chunks/s");
            perSecond(m, "requests_per_s", w.path("succeeded"), window, "requests/s");
        } else if (seconds > 0) {
            // A run.json written before the window was recorded: totals over the whole stage.
            rate(m, "output_tokens", "tokens_per_s", seconds, "tokens/s");
            rate(m, "chunks", "chunks_per_s", seconds, "chunks/s");
            rate(m, "requests", "requests_per_s", seconds, "requests/s");
        }
        return m;
    }

    private static void readSummary(Path file, Map<Integer, Scope> stages, Map<Scope, Map<String, Measured>> out) {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (CSVRecord r : format.parse(in)) {
                int index = Integer.parseInt(r.get("stage"));
                Scope scope = stages.computeIfAbsent(index, i -> stageScope(i, r.get("workload")));
                Map<String, Measured> m = out.computeIfAbsent(scope, k -> new LinkedHashMap<>());
                MetricUnit unit = "ms".equals(r.get("unit")) ? MetricUnit.MS
                        : new MetricUnit(r.get("unit"), MetricUnit.Dimension.COUNT, 1);
                for (String stat : STATS) {
                    String cell = r.get(stat);
                    if (!cell.isEmpty()) {
                        m.put(r.get("metric") + "." + stat, new Measured(Figure.of(Double.parseDouble(cell)),
                                stat.equals("count") ? MetricUnit.NONE : unit));
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static JsonNode readJson(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + firstLine(e.getMessage()), e);
        }
    }

    static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    private static Measured count(double n) {
        return new Measured(Figure.of(n), MetricUnit.NONE);
    }

    private static double value(Map<String, Measured> m, String name) {
        Measured v = m.get(name);
        return v == null ? Double.NaN : v.figure().value();
    }

    private static void perRequest(Map<String, Measured> m, String total, String name, double requests,
            MetricUnit unit) {
        double v = value(m, total);
        if (!Double.isNaN(v)) {
            m.put(name, new Measured(Figure.of(v / requests), unit));
        }
    }

    private static void rate(Map<String, Measured> m, String total, String name, double seconds, String label) {
        double v = value(m, total);
        if (!Double.isNaN(v)) {
            m.put(name, new Measured(Figure.of(v / seconds), new MetricUnit(label, MetricUnit.Dimension.COUNT, 1)));
        }
    }

    private static void perSecond(Map<String, Measured> m, String name, JsonNode count, double seconds, String label) {
        if (count.isNumber()) {
            m.put(name, new Measured(Figure.of(count.asDouble() / seconds),
                    new MetricUnit(label, MetricUnit.Dimension.COUNT, 1)));
        }
    }

    /** Names in the order a table shows them: totals, derived, errors by class, then summary.csv's. */
    static List<String> order(Set<String> names) {
        List<String> ordered = new ArrayList<>();
        for (String n : knownMetrics()) {
            if (names.contains(n)) {
                ordered.add(n);
            }
        }
        for (String n : names) {
            if (!ordered.contains(n)) {
                ordered.add(n);
            }
        }
        return ordered;
    }
}
