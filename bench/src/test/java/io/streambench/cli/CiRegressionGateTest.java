package io.streambench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streambench.report.JmhResults;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CI regression check: a short real driver run against the embedded mock and a quick forked JMH run,
 * each compared with {@code streambench compare} against the committed baselines in reports/baselines/ on
 * figures that machine noise does not move (error counts, chunks and tokens per stream, B/op of the
 * parsers, flush counters, loose throughput bounds). Then the same gates on a doctored result prove that a
 * regression fails them.
 *
 * <p>Regenerate the baselines (after a deliberate change) with
 * {@code mvn -B -pl bench -am verify -Dtest=CiRegressionGateTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dstreambench.updateBaselines=true}, or {@code scripts/update-baselines.sh}.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class CiRegressionGateTest {

    /** The driver run: 8 paced streams of exactly 100 one-token chunks, 4 at a time (about 1 s each once warm). */
    static final List<String> RUN_ARGS = List.of("run", "--mock-profile", "paced", "--ttft-ms", "50", "--itl-ms", "10",
            "--output-tokens", "100", "--tokens-per-chunk", "1", "--concurrency", "4", "--requests", "8", "--seed",
            "7", "--quiet", "--name", "ci-smoke");

    /** Gates on figures the mock fixes; tokens/s is fixed by the mock's pacing, so -50 % means a broken driver. */
    static final List<String> RUN_GATES = List.of("errors>0", "failed>0", "retries>0",
            "chunks_per_request<-1%", "chunks_per_request>+1%", "tokens_per_request<-1%", "tokens_per_request>+1%",
            "bytes_per_request<-5%", "bytes_per_request>+5%", "tokens_per_s<-50%");

    /** The JMH run: three forks of the quick profile with the gc profiler. */
    static final List<String> JMH_ARGS = List.of("jmh", "--quick", "FlushStrategyBenchmark.chunk",
            "SseParserBenchmark.parseStream", "-p", "policy=hybrid", "-p", "parser=bytes-scan,sdk-style",
            "-prof", "gc");

    /**
     * B/op: a new object per event is at least 16 bytes; counters of the fake-clock replay are exact. No speed
     * figure, not even a ratio: in a quick run on a busy machine bytes-scan/sdk-style fell from 20.8 to 4.2.
     */
    static final List<String> JMH_GATES = List.of("B/op>+16B", "flushesPerStream>+1%", "flushesPerStream<-1%",
            "delayMeanMs>+1%", "delayMeanMs<-1%");

    static final boolean UPDATE = Boolean.getBoolean("streambench.updateBaselines");

    @TempDir
    Path out;

    @Test
    void shouldHoldTheDriverRunToItsBaselineAndFailADoctoredOne() throws IOException {
        List<String> args = new ArrayList<>(RUN_ARGS);
        args.addAll(List.of("--out", out.toString()));
        Cli.Outcome run = Cli.execute(args.toArray(String[]::new));
        assertEquals(0, run.code(), run::toString);
        Path current = onlyFolder(out);
        Path baseline = baselines().resolve("run");
        if (UPDATE) {
            Files.createDirectories(baseline);
            for (String file : List.of("run.json", "summary.csv")) {
                Files.copy(current.resolve(file), baseline.resolve(file), StandardCopyOption.REPLACE_EXISTING);
            }
        }

        Cli.Outcome held = compare(baseline, current, RUN_GATES);
        assertEquals(0, held.code(), held::toString);
        assertTrue(held.out().contains("0 tripped"), held::out);

        // The same run with one failed attempt and 10 % fewer chunks: two gates trip, named in the output.
        Path doctored = copy(current, out.resolve("doctored"));
        Path json = doctored.resolve("run.json");
        String text = Files.readString(json, StandardCharsets.UTF_8);
        // the stage's total, the first "chunks" (its window and drain repeat the key)
        long chunks = Long.parseLong(text.replaceAll("(?s).*?\"chunks\" : (\\d+).*", "$1"));
        text = text.replaceFirst("\"chunks\" : \\d+", "\"chunks\" : " + chunks * 9 / 10)
                .replaceFirst("\"errors_by_class\" : \\{ }", "\"errors_by_class\" : { \"reset\" : 1 }");
        Files.writeString(json, text, StandardCharsets.UTF_8);
        Cli.Outcome tripped = compare(baseline, doctored, RUN_GATES);
        assertEquals(1, tripped.code(), tripped::toString);
        assertTrue(tripped.err().contains("FAILED errors [stage 0 concurrency=4]: 1 (baseline 0), above 0, gate errors>0"),
                tripped::err);
        assertTrue(tripped.err().contains("FAILED chunks_per_request [stage 0 concurrency=4]: 100 -> 90 (-10, -10.0%) "
                + "past -1%, gate chunks_per_request<-1%"), tripped::err);
    }

    @Test
    void shouldHoldTheQuickJmhRunToItsBaselineAndFailADoctoredOne() throws IOException {
        List<String> args = new ArrayList<>(JMH_ARGS);
        args.add(1, "--out");
        args.add(2, out.toString());
        Cli.Outcome jmh = Cli.execute(args.toArray(String[]::new));
        assertEquals(0, jmh.code(), jmh::toString);
        Path current = onlyFolder(out);
        Path baseline = baselines().resolve("jmh");
        if (UPDATE) {
            Files.createDirectories(baseline);
            // Trimmed: results.csv only, without the throughput counter nobody gates on.
            List<String> rows = Files.readAllLines(current.resolve(JmhResults.NORMALIZED), StandardCharsets.UTF_8)
                    .stream().filter(r -> !r.contains(":bytes,")).toList();
            Files.write(baseline.resolve(JmhResults.NORMALIZED), rows, StandardCharsets.UTF_8);
        }

        Cli.Outcome held = compare(baseline, current, JMH_GATES);
        assertEquals(0, held.code(), held::toString);
        assertTrue(held.out().contains("0 tripped"), held::out);

        // bytes-scan suddenly allocating 48 more bytes per event must trip B/op>+16B.
        Path doctored = copy(current, out.resolve("doctored"));
        Path csv = doctored.resolve(JmhResults.NORMALIZED);
        List<String> rows = new ArrayList<>();
        for (String row : Files.readAllLines(csv, StandardCharsets.UTF_8)) {
            if (row.startsWith("SseParserBenchmark.parseStream,dialect=chat;parser=bytes-scan")) {
                String[] cells = row.split(",", -1);
                cells[5] = String.valueOf(Double.parseDouble(cells[5]) + 48);
                row = String.join(",", cells);
            }
            rows.add(row);
        }
        Files.write(csv, rows, StandardCharsets.UTF_8);
        Files.delete(doctored.resolve(JmhResults.JSON)); // its B/op error bound would not match the doctored figure
        Cli.Outcome tripped = compare(baseline, doctored, JMH_GATES);
        assertEquals(1, tripped.code(), tripped::toString);
        assertTrue(tripped.err().lines().anyMatch(l -> l.startsWith("streambench compare: FAILED B/op "
                + "[SseParserBenchmark.parseStream dialect=chat;parser=bytes-scan;reads=segment;shape=short]: ")
                && l.endsWith("past +16B, gate B/op>+16B")), tripped::err);
    }

    private static Cli.Outcome compare(Path baseline, Path current, List<String> gates) {
        List<String> args = new ArrayList<>(List.of("compare", baseline.toString(), current.toString(), "--no-table"));
        for (String gate : gates) {
            args.add("--fail-if");
            args.add(gate);
        }
        return Cli.execute(args.toArray(String[]::new));
    }

    /** reports/baselines of this checkout (tests run in bench/). */
    static Path baselines() {
        Path here = Path.of("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("reports")) && Files.isRegularFile(p.resolve("pom.xml"))
                    && Files.isDirectory(p.resolve("bench"))) {
                return p.resolve("reports").resolve("baselines");
            }
        }
        throw new IllegalStateException("no reports/ folder above " + here);
    }

    private static Path onlyFolder(Path parent) throws IOException {
        try (Stream<Path> list = Files.list(parent)) {
            List<Path> dirs = list.filter(Files::isDirectory).toList();
            assertEquals(1, dirs.size(), dirs::toString);
            return dirs.get(0);
        }
    }

    private static Path copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> list = Files.list(from)) {
            for (Path f : list.filter(Files::isRegularFile).toList()) {
                Files.copy(f, to.resolve(f.getFileName().toString()));
            }
        }
        return to;
    }
}
