package io.streambench.report.compare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streambench.report.JmhResults;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads one JMH result folder written by {@code streambench jmh}: {@code results.csv} gives, per benchmark
 * and parameter combination, {@value #SCORE} (with JMH's error as its interval), {@value #BYTES_PER_OP}
 * when {@code -prof gc} ran, and one metric per auxiliary counter ({@code flushesPerStream}). When
 * {@code jmh-result.json} is there too, it adds the error bound of B/op, which results.csv does not keep.
 */
final class JmhFolder {

    static final String RESULTS_CSV = JmhResults.NORMALIZED;
    static final String SCORE = "score";
    static final String BYTES_PER_OP = "B/op";

    private static final ObjectMapper JSON = new ObjectMapper();

    private JmhFolder() {
    }

    static Map<Scope, Map<String, Measured>> read(Path dir) {
        Path file = dir.resolve(RESULTS_CSV);
        Map<String, Double> allocErrors = allocErrors(dir.resolve(JmhResults.JSON));
        Map<Scope, Map<String, Measured>> out = new LinkedHashMap<>();
        Map<String, Scope> scopes = new LinkedHashMap<>();
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (CSVRecord r : format.parse(in)) {
                String benchmark = r.get("benchmark");
                String counter = null;
                int colon = benchmark.indexOf(':');
                if (colon > 0) {
                    counter = benchmark.substring(colon + 1);
                    benchmark = benchmark.substring(0, colon);
                }
                String params = r.get("params");
                String key = key(benchmark, parse(params));
                final String name = benchmark;
                Scope scope = scopes.computeIfAbsent(key, k -> Scope.benchmark(k,
                        params.isEmpty() ? name : name + " " + params, name, parse(params)));
                Map<String, Measured> m = out.computeIfAbsent(scope, s -> new LinkedHashMap<>());
                String score = r.get("score");
                if (score.isEmpty()) {
                    continue;
                }
                Figure figure = Figure.withError(Double.parseDouble(score), number(r.get("error")));
                MetricUnit unit = MetricUnit.jmh(r.get("unit"));
                if (counter != null) {
                    m.put(counter, new Measured(figure, unit));
                    continue;
                }
                m.put(SCORE, new Measured(figure, unit));
                String alloc = r.isMapped("bytes_per_op") ? r.get("bytes_per_op") : "";
                if (!alloc.isEmpty()) {
                    double error = allocErrors.getOrDefault(key, Double.NaN);
                    m.put(BYTES_PER_OP, new Measured(Figure.withError(Double.parseDouble(alloc), error),
                            MetricUnit.BYTES_PER_OP));
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + RunFigures.firstLine(e.getMessage()), e);
        }
        return out;
    }

    /** {@code Class.method} and its parameters sorted by name: the same in any parameter order. */
    static String key(String benchmark, Map<String, String> params) {
        return benchmark + " " + new TreeMap<>(params);
    }

    /** {@code parser=bytes-scan;shape=short} as a map, in order. */
    static Map<String, String> parse(String params) {
        Map<String, String> map = new LinkedHashMap<>();
        if (params.isEmpty()) {
            return map;
        }
        for (String pair : params.split(";")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("bad params cell " + params);
            }
            map.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return map;
    }

    /** The error of gc.alloc.rate.norm by scope key, from JMH's JSON; empty when the file is absent. */
    private static Map<String, Double> allocErrors(Path file) {
        Map<String, Double> errors = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            return errors;
        }
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + RunFigures.firstLine(e.getMessage()), e);
        }
        for (JsonNode run : root) {
            JsonNode alloc = run.path("secondaryMetrics").path("gc.alloc.rate.norm");
            if (alloc.isMissingNode()) {
                continue;
            }
            String benchmark = run.path("benchmark").asText();
            int method = benchmark.lastIndexOf('.');
            int type = method <= 0 ? -1 : benchmark.lastIndexOf('.', method - 1);
            Map<String, String> params = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = run.path("params").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                params.put(e.getKey(), e.getValue().asText());
            }
            errors.put(key(benchmark.substring(type + 1), params), number(alloc.path("scoreError").asText("")));
        }
        return errors;
    }

    private static double number(String cell) {
        if (cell == null || cell.isEmpty()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            return Double.NaN; // JMH writes "NaN" for an error it could not compute
        }
    }
}
