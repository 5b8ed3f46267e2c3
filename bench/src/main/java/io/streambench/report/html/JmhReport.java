package io.streambench.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streambench.report.folder.CsvRows;
import io.streambench.report.html.Plots.Bars;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders a JMH results folder's {@code report.html} (what {@code streambench jmh} writes): per benchmark,
 * the score per strategy (parser, flush policy, accumulation strategy) as bars with JMH's 99.9 % error,
 * B/op when {@code -prof gc} ran, and each auxiliary counter (flushes, display delay, retained bytes...).
 *
 * <pre>{@code
 * Path html = JmhReport.render(Path.of("reports/jmh/20261124-101500"));
 * }</pre>
 */
public final class JmhReport {

    /** The normalized table this report reads (see reports/README.md). */
    public static final String RESULTS = "results.csv";
    static final String JSON = "jmh-result.json";

    /** The parameter that names the compared strategy, in order of preference. */
    private static final List<String> STRATEGY_KEYS = List.of("parser", "policy", "strategy", "stack");

    /** What one operation is, per benchmark class (each class's javadoc says so). */
    private static final Map<String, String> OPERATION = Map.of("SseParserBenchmark", "events",
            "StackEndToEndBenchmark", "events", "FlushStrategyBenchmark", "chunks", "AccumulatorBenchmark", "tokens", "EndToEndBenchmark", "events", "ChunkEncodeBenchmark", "events");

    private static final Map<String, String> COUNTER_UNIT = Map.ofEntries(Map.entry("bytes", "bytes/s"),
            Map.entry("delayMeanMs", "ms"), Map.entry("delayMaxMs", "ms"), Map.entry("flushesPerStream", "flushes"),
            Map.entry("retainedBytes", "bytes"), Map.entry("streamsPerGiB", "streams"),
            Map.entry("layoutEstimateBytes", "bytes"), Map.entry("ttftMicros", "µs"), Map.entry("streamsHeld", "streams"),
            Map.entry("heapUsedMiB", "MiB"), Map.entry("bytesPerStream", "bytes"), Map.entry("gcPercent", "%"),
            Map.entry("stopReason", "code"));

    /** One {@code results.csv} row; NaN for an empty cell. */
    record Row(String benchmark, Map<String, String> params, double score, double error, String unit,
            double bytesPerOp) {

        String counter() {
            int colon = benchmark.indexOf(':');
            return colon < 0 ? null : benchmark.substring(colon + 1);
        }

        String primary() {
            int colon = benchmark.indexOf(':');
            return colon < 0 ? benchmark : benchmark.substring(0, colon);
        }
    }

    private JmhReport() {
    }

    /**
     * Reads {@code dir/results.csv} (and {@code jmh-result.json} for the settings, when present) and writes
     * {@code dir/report.html}; returns its path.
     *
     * @throws IllegalArgumentException when {@code results.csv} is missing or cannot be read
     */
    public static Path render(Path dir) {
        List<Row> rows = read(dir.resolve(RESULTS));
        Page page = new Page("streambench jmh: " + dir.toAbsolutePath().getFileName());
        page.h1("streambench JMH results: " + dir.toAbsolutePath().getFileName());
        page.note("Bars are JMH's score (mean over measured iterations and forks); error bars are JMH's 99.9 % "
                + "confidence half-width, where it has one. B/op is gc.alloc.rate.norm (-prof gc). Compare strategies "
                + "within one run; --quick runs are smoke tests, never figures to quote.");
        Map<String, List<Row>> byBenchmark = new LinkedHashMap<>();
        for (Row row : rows) {
            byBenchmark.computeIfAbsent(row.primary(), b -> new ArrayList<>()).add(row);
        }
        if (byBenchmark.isEmpty()) {
            page.p("results.csv has no rows.");
        }
        StringBuilder nav = new StringBuilder("<nav>");
        for (String benchmark : byBenchmark.keySet()) {
            nav.append("<a href=\"#").append(Page.escape(anchor(benchmark))).append("\">").append(Page.escape(benchmark))
                    .append("</a>");
        }
        page.raw(nav.append("</nav>\n").toString());
        for (Map.Entry<String, List<Row>> e : byBenchmark.entrySet()) {
            benchmark(page, e.getKey(), e.getValue());
        }
        settings(page, dir.resolve(JSON));
        return page.writeTo(dir.resolve(HtmlReport.FILE));
    }

    private static void benchmark(Page page, String benchmark, List<Row> rows) {
        page.h2(anchor(benchmark), benchmark);
        List<Row> primary = rows.stream().filter(r -> r.counter() == null).toList();
        Map<String, List<Row>> counters = new LinkedHashMap<>();
        rows.stream().filter(r -> r.counter() != null)
                .forEach(r -> counters.computeIfAbsent(r.counter(), c -> new ArrayList<>()).add(r));
        List<String> keys = new ArrayList<>();
        for (Row r : rows) {
            r.params().keySet().stream().filter(k -> !keys.contains(k)).forEach(keys::add);
        }
        String strategy = STRATEGY_KEYS.stream().filter(keys::contains).findFirst()
                .orElseGet(() -> mostValues(keys, rows));
        List<String> others = new ArrayList<>(keys);
        others.remove(strategy);
        String className = benchmark.contains(".") ? benchmark.substring(0, benchmark.indexOf('.')) : benchmark;
        if (!primary.isEmpty()) {
            String unit = primary.get(0).unit();
            String label = "ops/s".equals(unit) && OPERATION.containsKey(className) ? OPERATION.get(className) + "/s" : unit;
            bars(page, benchmark + ": " + ("ops/s".equals(unit) ? "throughput" : "score") + " (" + label + ")", label, strategy, others, primary, Row::score, true);
            if (primary.stream().anyMatch(r -> !Double.isNaN(r.bytesPerOp()))) {
                String per = OPERATION.getOrDefault(className, "op");
                bars(page, benchmark + ": bytes allocated per " + singular(per), "B/" + singular(per), strategy, others,
                        primary, Row::bytesPerOp, false);
            }
        }
        for (Map.Entry<String, List<Row>> c : counters.entrySet()) {
            String unit = COUNTER_UNIT.getOrDefault(c.getKey(), "#".equals(c.getValue().get(0).unit()) ? "value"
                    : c.getValue().get(0).unit());
            bars(page, benchmark + ": " + c.getKey(), c.getKey() + " (" + unit + ")", strategy, others, c.getValue(),
                    Row::score, true);
        }
        table(page, keys, primary, counters);
    }

    /**
     * Bar charts of one figure: categories are the strategy's values, one series per value of the last other
     * parameter, one chart per combination of the remaining ones.
     */
    private static void bars(Page page, String title, String yTitle, String strategy, List<String> others, List<Row> rows,
            java.util.function.ToDoubleFunction<Row> value, boolean withErrors) {
        String seriesKey = others.isEmpty() ? null : others.get(others.size() - 1);
        List<String> chartKeys = others.isEmpty() ? List.of() : others.subList(0, others.size() - 1);
        Map<String, List<Row>> charts = new LinkedHashMap<>();
        for (Row r : rows) {
            List<String> parts = new ArrayList<>();
            chartKeys.forEach(k -> parts.add(k + "=" + r.params().getOrDefault(k, "")));
            charts.computeIfAbsent(String.join(", ", parts), k -> new ArrayList<>()).add(r);
        }
        for (Map.Entry<String, List<Row>> chart : charts.entrySet()) {
            Set<String> categories = new LinkedHashSet<>();
            Set<String> seriesNames = new LinkedHashSet<>();
            for (Row r : chart.getValue()) {
                categories.add(strategy == null ? r.primary() : r.params().getOrDefault(strategy, ""));
                seriesNames.add(seriesKey == null ? "" : seriesKey + "=" + r.params().getOrDefault(seriesKey, ""));
            }
            List<String> categoryList = new ArrayList<>(categories);
            List<Bars> series = new ArrayList<>();
            boolean any = false;
            boolean anyError = false;
            for (String name : seriesNames) {
                List<Double> values = new ArrayList<>();
                List<Double> errors = new ArrayList<>();
                for (String category : categoryList) {
                    Row match = null;
                    for (Row r : chart.getValue()) {
                        String c = strategy == null ? r.primary() : r.params().getOrDefault(strategy, "");
                        String s = seriesKey == null ? "" : seriesKey + "=" + r.params().getOrDefault(seriesKey, "");
                        if (c.equals(category) && s.equals(name)) {
                            match = r;
                        }
                    }
                    double v = match == null ? Double.NaN : value.applyAsDouble(match);
                    any |= !Double.isNaN(v);
                    values.add(Double.isNaN(v) ? 0.0 : v);
                    boolean hasError = match != null && !Double.isNaN(match.error());
                    anyError |= hasError;
                    errors.add(hasError ? match.error() : 0.0);
                }
                series.add(new Bars(name, values, errors));
            }
            if (!withErrors || !anyError) {
                series.replaceAll(b -> new Bars(b.label(), b.values(), null));
            }
            if (!any) {
                continue;
            }
            String fullTitle = chart.getKey().isEmpty() ? title : title + " (" + chart.getKey() + ")";
            page.img(Plots.barChart(fullTitle, strategy == null ? "benchmark" : strategy, yTitle, categoryList, series),
                    fullTitle);
        }
    }

    private static void table(Page page, List<String> keys, List<Row> primary, Map<String, List<Row>> counters) {
        List<String> header = new ArrayList<>(keys);
        header.addAll(List.of("score", "± error", "unit", "B/op"));
        header.addAll(counters.keySet());
        List<List<String>> out = new ArrayList<>();
        for (Row r : primary) {
            List<String> row = new ArrayList<>();
            keys.forEach(k -> row.add(r.params().getOrDefault(k, "")));
            row.add(Page.number(r.score()));
            row.add(Page.number(r.error()));
            row.add(r.unit());
            row.add(Page.number(r.bytesPerOp()));
            for (List<Row> counter : counters.values()) {
                row.add(counter.stream().filter(c -> c.params().equals(r.params())).findFirst()
                        .map(c -> Page.number(c.score())).orElse("-"));
            }
            out.add(row);
        }
        if (!out.isEmpty()) {
            page.table(header, out);
        }
    }

    private static void settings(Page page, Path json) {
        if (!Files.isRegularFile(json)) {
            return;
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json.toFile());
        } catch (IOException e) {
            page.note("jmh-result.json could not be read: " + e.getMessage());
            return;
        }
        page.h2("settings", "JMH settings");
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode b : root) {
            String name = shortName(b.path("benchmark").asText(""));
            if (rows.stream().anyMatch(r -> r.get(0).equals(name))) {
                continue;
            }
            rows.add(List.of(name, b.path("mode").asText(""), b.path("forks").asText(""),
                    b.path("warmupIterations").asText("") + " x " + b.path("warmupTime").asText(""),
                    b.path("measurementIterations").asText("") + " x " + b.path("measurementTime").asText(""),
                    b.path("jdkVersion").asText("") + " " + b.path("vmName").asText(""),
                    b.path("jmhVersion").asText("")));
        }
        page.table(List.of("benchmark", "mode", "forks", "warmup", "measurement", "JVM", "JMH"), rows);
    }

    static List<Row> read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("not a JMH results folder (no " + RESULTS + "): " + file.getParent());
        }
        List<String> header = CsvRows.header(file);
        for (String column : List.of("benchmark", "params", "score", "error", "unit", "bytes_per_op")) {
            if (!header.contains(column)) {
                throw new IllegalArgumentException(file + ": column=" + column + " missing");
            }
        }
        return CsvRows.read(file, r -> new Row(r.text("benchmark"), params(r.text("params")), r.number("score"),
                r.number("error"), r.text("unit"), r.number("bytes_per_op")));
    }

    private static Map<String, String> params(String text) {
        Map<String, String> params = new LinkedHashMap<>();
        if (text == null || text.isEmpty()) {
            return params;
        }
        for (String pair : text.split(";")) {
            int eq = pair.indexOf('=');
            params.put(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : pair.substring(eq + 1));
        }
        return params;
    }

    private static String mostValues(List<String> keys, List<Row> rows) {
        String best = null;
        long most = 0;
        for (String k : keys) {
            long n = rows.stream().map(r -> r.params().get(k)).distinct().count();
            if (n > most) {
                most = n;
                best = k;
            }
        }
        return best;
    }

    private static String singular(String plural) {
        return plural.endsWith("s") ? plural.substring(0, plural.length() - 1) : plural;
    }

    private static String anchor(String benchmark) {
        return "b-" + benchmark.replaceAll("[^A-Za-z0-9]", "-");
    }

    /** JMH's full benchmark name shortened as results.csv does ({@code SseParserBenchmark.parseStream}). */
    private static String shortName(String benchmark) {
        int method = benchmark.lastIndexOf('.');
        int type = method <= 0 ? -1 : benchmark.lastIndexOf('.', method - 1);
        return benchmark.substring(type + 1);
    }
}
