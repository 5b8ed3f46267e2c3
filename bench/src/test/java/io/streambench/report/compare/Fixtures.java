package io.streambench.report.compare;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Small run folders and JMH result folders written for tests, in the formats of reports/README.md. */
public final class Fixtures {

    private Fixtures() {
    }

    /**
     * A run folder with one stage ({@code concurrency=4}): run.json totals and a summary.csv with itl and ttft.
     *
     * @param requests     requests ended, each with 100 chunks of one token unless {@code tokens} says otherwise
     * @param tokens       output tokens of the stage
     * @param errors       failed attempts (class http_status)
     * @param seconds      stage length
     * @param itlP50Ms     itl.p50
     * @param ttftP99Ms    ttft.p99
     */
    public static Path run(Path parent, String name, long requests, long tokens, long errors, double seconds,
            double itlP50Ms, double ttftP99Ms) {
        Path dir = parent.resolve(name);
        String json = String.format(Locale.ROOT, """
                {"name": "%s", "status": "completed",
                 "results": {"stages": [{"index": 0, "workload": "concurrency=4", "seconds": %s,
                   "requests": %d, "succeeded": %d, "failed": %d, "attempts": %d, "failed_attempts": %d,
                   "retries": 0, "output_tokens": %d, "chunks": %d, "bytes": %d,
                   "errors_by_class": {%s}}],
                   "max_heap_used_mb": 30.5, "max_heap_after_gc_mb": 4.0}}
                """, name, seconds, requests, requests - errors, errors, requests, errors, tokens, tokens,
                tokens * 240, errors > 0 ? "\"http_status\": " + errors : "");
        String summary = "stage,workload,metric,unit,count,mean,stddev,min,p50,p90,p95,p99,p999,max\n"
                + String.format(Locale.ROOT, "0,concurrency=4,itl,ms,%d,%s,1.0,0.1,%s,%s,%s,%s,%s,%s%n", tokens,
                        itlP50Ms, itlP50Ms, itlP50Ms + 1, itlP50Ms + 2, itlP50Ms + 3, itlP50Ms + 4, itlP50Ms + 5)
                + String.format(Locale.ROOT, "0,concurrency=4,ttft,ms,%d,%s,1.0,1.0,%s,%s,%s,%s,%s,%s%n", requests,
                        ttftP99Ms - 5, ttftP99Ms - 5, ttftP99Ms - 2, ttftP99Ms - 1, ttftP99Ms, ttftP99Ms, ttftP99Ms);
        write(dir.resolve("run.json"), json);
        write(dir.resolve("summary.csv"), summary);
        return dir;
    }

    /** A JMH result folder whose results.csv has the given rows (benchmark,params,score,error,unit,bytes_per_op). */
    public static Path jmh(Path parent, String name, String... rows) {
        Path dir = parent.resolve(name);
        List<String> lines = new ArrayList<>();
        lines.add("benchmark,params,score,error,unit,bytes_per_op");
        lines.addAll(List.of(rows));
        write(dir.resolve("results.csv"), String.join("\n", lines) + "\n");
        return dir;
    }

    static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
