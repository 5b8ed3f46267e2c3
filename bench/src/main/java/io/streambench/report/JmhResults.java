package io.streambench.report;

import io.streambench.report.folder.Csv;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVPrinter;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;

/**
 * Writes a JMH run's results into {@code <parent>/<yyyyMMdd-HHmmss>/}: JMH's own {@value #JSON} and
 * {@value #CSV}, and {@value #NORMALIZED}, one row per result with the columns of {@link #HEADER}
 * (see reports/README.md).
 *
 * <pre>{@code
 * Collection<RunResult> results = new Runner(options).run();
 * Path dir = JmhResults.write(results, Path.of("reports", "jmh"));
 * }</pre>
 */
public final class JmhResults {

    public static final String JSON = "jmh-result.json";
    public static final String CSV = "jmh-result.csv";
    public static final String NORMALIZED = "results.csv";
    public static final List<String> HEADER = List.of("benchmark", "params", "score", "error", "unit", "bytes_per_op");

    /** The {@code -prof gc} secondary result that is bytes allocated per operation. */
    static final String ALLOC_NORM = "gc.alloc.rate.norm";

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private JmhResults() {
    }

    /** Creates a new timestamped folder below {@code parent}, writes the three files there and returns it. */
    public static Path write(Collection<RunResult> results, Path parent) {
        Path dir = newFolder(parent);
        ResultFormatFactory.getInstance(ResultFormatType.JSON, dir.resolve(JSON).toString()).writeOut(results);
        ResultFormatFactory.getInstance(ResultFormatType.CSV, dir.resolve(CSV).toString()).writeOut(results);
        writeNormalized(results, dir.resolve(NORMALIZED));
        return dir;
    }

    /**
     * One row per benchmark and parameter combination (the primary score, with {@code bytes_per_op}
     * from {@value #ALLOC_NORM} when {@code -prof gc} ran), then one row per auxiliary counter
     * ({@code Benchmark.method:counter}, {@code bytes_per_op} empty). Profiler outputs other than
     * {@value #ALLOC_NORM} are left out ({@code gc.count}, {@code gc.time}: they are in JMH's files).
     */
    static void writeNormalized(Collection<RunResult> results, Path file) {
        try (CSVPrinter csv = Csv.open(file, HEADER)) {
            for (RunResult run : results) {
                BenchmarkParams params = run.getParams();
                String benchmark = shortName(params.getBenchmark());
                String paramText = params(params);
                Result<?> primary = run.getPrimaryResult();
                Map<String, Result> secondary = run.getSecondaryResults();
                Result<?> alloc = secondary.get(ALLOC_NORM);
                csv.printRecord(benchmark, paramText, Csv.num(primary.getScore(), 3),
                        Csv.num(primary.getScoreError(), 3), primary.getScoreUnit(),
                        alloc == null ? "" : Csv.num(alloc.getScore(), 3));
                for (Map.Entry<String, Result> entry : secondary.entrySet()) {
                    if (entry.getKey().startsWith("gc.") || entry.getKey().startsWith("·")) {
                        continue;
                    }
                    Result<?> result = entry.getValue();
                    csv.printRecord(benchmark + ":" + entry.getKey(), paramText, Csv.num(result.getScore(), 3),
                            Csv.num(result.getScoreError(), 3), result.getScoreUnit(), "");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** {@code io.streambench.jmh.SseParserBenchmark.parseStream} as {@code SseParserBenchmark.parseStream}. */
    static String shortName(String benchmark) {
        int method = benchmark.lastIndexOf('.');
        int type = method <= 0 ? -1 : benchmark.lastIndexOf('.', method - 1);
        return benchmark.substring(type + 1);
    }

    /** {@code parser=bytes-scan;shape=short}, in the benchmark's parameter order; empty without parameters. */
    static String params(BenchmarkParams params) {
        List<String> pairs = new ArrayList<>();
        for (String key : params.getParamsKeys()) {
            pairs.add(key + "=" + params.getParam(key));
        }
        return String.join(";", pairs);
    }

    private static Path newFolder(Path parent) {
        String base = STAMP.format(LocalDateTime.now());
        try {
            Files.createDirectories(parent);
            for (int i = 1; ; i++) {
                try {
                    return Files.createDirectory(parent.resolve(i == 1 ? base : base + "-" + i));
                } catch (java.nio.file.FileAlreadyExistsException e) {
                    // two runs in one second: try the next suffix
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a folder in " + parent + ": " + e.getMessage(), e);
        }
    }
}
