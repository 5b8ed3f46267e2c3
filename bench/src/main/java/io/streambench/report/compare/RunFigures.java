package io.streambench.report.compare;

import io.streambench.driver.ErrorClass;
import io.streambench.driver.Metric;
import io.streambench.report.folder.RunFolder;
import io.streambench.report.folder.RunJsonResults;
import io.streambench.report.folder.RunJsonResults.Totals;
import io.streambench.report.folder.Stat;
import io.streambench.report.folder.SummaryRow;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * One run folder ({@code run.json}, and {@code summary.csv} when present) as figures by stage:
 * the totals of each stage from run.json, figures derived from them (per request, per second), and every
 * {@code metric.stat} of summary.csv ({@code ttft.p99}). The run's own totals (largest heap) are in scope
 * {@code run}. Every name is listed in {@link #knownMetrics()} and in the README.
 */
final class RunFigures {

    /** Stage totals straight from run.json, by their run.json key. */
    private static final Map<String, Function<Totals, Long>> COUNTERS = counters();

    /** Figures derived per stage. */
    static final List<String> DERIVED = List.of("errors", "error_rate", "tokens_per_request", "chunks_per_request",
            "bytes_per_request", "tokens_per_s", "chunks_per_s", "requests_per_s", "seconds");

    /** Figures of the whole run. */
    static final List<String> RUN_LEVEL = List.of("max_heap_used_mb", "max_heap_after_gc_mb", "max_rate",
            "max_concurrency");

    private RunFigures() {
    }

    /** Every metric name a run comparison knows, whether or not a given run has it. */
    static Set<String> knownMetrics() {
        Set<String> names = new LinkedHashSet<>(COUNTERS.keySet());
        names.addAll(DERIVED);
        for (ErrorClass e : ErrorClass.values()) {
            if (!e.ok()) {
                names.add("errors." + e.label());
            }
        }
        names.addAll(RUN_LEVEL);
        for (Metric m : Metric.values()) {
            names.add(m.label() + ".count");
            for (Stat stat : Stat.values()) {
                names.add(m.label() + "." + stat.column());
            }
        }
        return names;
    }

    static Map<Scope, Map<String, Measured>> read(Path dir) {
        RunFolder folder = RunFolder.open(dir);
        Map<Scope, Map<String, Measured>> out = new LinkedHashMap<>();
        Map<Integer, Scope> stages = new LinkedHashMap<>();
        RunJsonResults.Results results = folder.json().results();
        if (results == null || results.stages() == null) {
            throw new IllegalArgumentException(dir.resolve(RunFolder.RUN_JSON) + ": no results.stages array");
        }
        for (RunJsonResults.Stage s : results.stages()) {
            if (s.index() == null || s.index() < 0) {
                throw new IllegalArgumentException(dir.resolve(RunFolder.RUN_JSON) + ": a stage without an index");
            }
            Scope scope = stageScope(s.index(), s.workload() == null ? "" : s.workload());
            stages.put(s.index(), scope);
            out.put(scope, stageTotals(s));
        }
        Map<String, Measured> run = new LinkedHashMap<>();
        runLevel(run, "max_heap_used_mb", results.maxHeapUsedMb());
        runLevel(run, "max_heap_after_gc_mb", results.maxHeapAfterGcMb());
        RunJsonResults.Limits limits = results.limits();
        if (limits != null && limits.answer() != null && limits.search() != null
                && limits.search().startsWith("max_")) {
            // --find-max-rate's or --find-max-concurrency's answer: the highest load that met every objective
            run.put(limits.search(), new Measured(Figure.of(limits.answer()), new MetricUnit(limits.unit() == null
                    ? "" : limits.unit(), MetricUnit.Dimension.COUNT, 1)));
        }
        for (SummaryRow r : folder.summary()) {
            Scope scope = stages.computeIfAbsent(r.stage(), i -> stageScope(i, r.workload()));
            Map<String, Measured> m = out.computeIfAbsent(scope, k -> new LinkedHashMap<>());
            MetricUnit unit = "ms".equals(r.unit()) ? MetricUnit.MS
                    : new MetricUnit(r.unit(), MetricUnit.Dimension.COUNT, 1);
            m.put(r.metric() + ".count", new Measured(Figure.of(r.count()), MetricUnit.NONE));
            for (Stat stat : Stat.values()) {
                if (!Double.isNaN(r.get(stat))) {
                    m.put(r.metric() + "." + stat.column(), new Measured(Figure.of(r.get(stat)), unit));
                }
            }
        }
        if (!run.isEmpty()) {
            out.put(new Scope("run", "run", List.of("run"), Map.of()), run);
        }
        return out;
    }

    private static void runLevel(Map<String, Measured> run, String name, Double value) {
        if (value != null) {
            run.put(name, new Measured(Figure.of(value), MetricUnit.MIB));
        }
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

    private static Map<String, Function<Totals, Long>> counters() {
        Map<String, Function<Totals, Long>> c = new LinkedHashMap<>();
        c.put("requests", Totals::requests);
        c.put("succeeded", Totals::succeeded);
        c.put("failed", Totals::failed);
        c.put("attempts", Totals::attempts);
        c.put("failed_attempts", Totals::failedAttempts);
        c.put("retries", Totals::retries);
        c.put("output_tokens", Totals::outputTokens);
        c.put("chunks", Totals::chunks);
        c.put("bytes", Totals::bytes);
        return Collections.unmodifiableMap(c);
    }

    private static Map<String, Measured> stageTotals(RunJsonResults.Stage s) {
        Map<String, Measured> m = new LinkedHashMap<>();
        COUNTERS.forEach((name, total) -> {
            Long v = total.apply(s.totals());
            if (v != null) {
                m.put(name, new Measured(Figure.of(v), name.equals("bytes") ? MetricUnit.BYTES : MetricUnit.NONE));
            }
        });
        double errors = 0;
        for (ErrorClass e : ErrorClass.values()) {
            if (!e.ok()) {
                Long byClass = s.errorsByClass().get(e.label());
                double n = byClass == null ? 0 : byClass;
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
        double seconds = s.seconds() == null ? 0 : s.seconds();
        if (seconds > 0) {
            m.put("seconds", new Measured(Figure.of(seconds), new MetricUnit("s", MetricUnit.Dimension.TIME, 1000)));
        }
        double window = s.phases() == null ? 0 : s.phases().windowS();
        RunJsonResults.PhaseCounts w = s.phases() == null ? null : s.phases().window();
        if (window > 0 && w != null) {
            // Rates over the measured window: what arrived (tokens, chunks) or succeeded (requests) in it.
            perSecond(m, "tokens_per_s", w.outputTokens(), window, "tokens/s");
            perSecond(m, "chunks_per_s", w.chunks(), window, "chunks/s");
            perSecond(m, "requests_per_s", w.succeeded(), window, "requests/s");
        } else if (seconds > 0) {
            // A run.json written before the window was recorded: totals over the whole stage.
            rate(m, "output_tokens", "tokens_per_s", seconds, "tokens/s");
            rate(m, "chunks", "chunks_per_s", seconds, "chunks/s");
            rate(m, "requests", "requests_per_s", seconds, "requests/s");
        }
        return m;
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

    private static void perSecond(Map<String, Measured> m, String name, long count, double seconds, String label) {
        m.put(name, new Measured(Figure.of(count / seconds), new MetricUnit(label, MetricUnit.Dimension.COUNT, 1)));
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
