package io.streambench.cli;

import static io.streambench.cli.Cli.execute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streambench.cli.Cli.Outcome;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streambench.report.JmhResults;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JmhCommandTest {

    @Test
    void shouldRunWhileAnotherJmhRunHoldsTheLock(@TempDir Path out) throws Exception {
        // JMH's Runner will not start while another run holds ${java.io.tmpdir}/jmh.lock, so a test that runs
        // JMH failed whenever a benchmark ran elsewhere on the machine. The build starts this JVM with
        // -Djmh.ignoreLock=true (a smoke run measures nothing) and a temp folder of its own under the module,
        // so the lock held here stops no other run; outside that build, fail before taking it.
        Path lock = Path.of(System.getProperty("java.io.tmpdir"), "jmh.lock").toAbsolutePath();
        assertTrue(lock.startsWith(Path.of("").toAbsolutePath()),
                "run through Maven (bench/pom.xml gives this JVM its own java.io.tmpdir): " + lock);
        try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock held = channel.lock()) {
            // In process (-f 0): the lock is taken, or not, by the Runner in this JVM; no fork is needed.
            Outcome o = execute("jmh", "--out", out.toString(), "FlushStrategyBenchmark.chunk",
                    "-p", "policy=immediate", "-f", "0", "-wi", "0", "-i", "1", "-r", "100ms");

            assertEquals(0, o.code(), () -> o.toString());
        }
    }

    @Test
    void shouldWriteJmhJsonAndCsvAndTheNormalizedCsvForAQuickForkedRun(@TempDir Path out) throws Exception {
        // One benchmark, one parameter combination, one forked 100 ms iteration with the gc profiler.
        Outcome o = execute("jmh", "--quick", "--out", out.toString(), "FlushStrategyBenchmark.chunk",
                "-p", "policy=immediate", "-f", "1", "-wi", "0", "-i", "1", "-r", "100ms", "-prof", "gc");

        assertEquals(0, o.code(), () -> o.toString());
        List<Path> folders;
        try (Stream<Path> list = Files.list(out)) {
            folders = list.toList();
        }
        assertEquals(1, folders.size(), folders::toString);
        Path dir = folders.get(0);
        assertTrue(dir.getFileName().toString().matches("\\d{8}-\\d{6}"), dir::toString);
        assertTrue(o.out().contains(dir.getFileName().toString()), o::out);

        JsonNode json = new ObjectMapper().readTree(dir.resolve(JmhResults.JSON).toFile());
        assertEquals(1, json.size());
        assertEquals("io.streambench.jmh.FlushStrategyBenchmark.chunk", json.get(0).get("benchmark").asText());
        assertTrue(json.get(0).get("secondaryMetrics").has("gc.alloc.rate.norm"));

        List<String> jmhCsv = Files.readAllLines(dir.resolve(JmhResults.CSV), StandardCharsets.UTF_8);
        assertTrue(jmhCsv.get(0).startsWith("\"Benchmark\""), jmhCsv::toString);
        assertTrue(jmhCsv.size() > 1, jmhCsv::toString);

        List<String> rows = Files.readAllLines(dir.resolve(JmhResults.NORMALIZED), StandardCharsets.UTF_8);
        assertEquals("benchmark,params,score,error,unit,bytes_per_op", rows.get(0));
        String[] primary = rows.get(1).split(",", -1);
        assertEquals(6, primary.length, rows::toString);
        assertEquals("FlushStrategyBenchmark.chunk", primary[0]);
        assertEquals("policy=immediate", primary[1]);
        assertTrue(Double.parseDouble(primary[2]) > 0, rows::toString);
        assertEquals("ops/s", primary[4]);
        assertTrue(Double.parseDouble(primary[5]) >= 0, rows::toString);
        assertTrue(rows.stream().anyMatch(r -> r.startsWith("FlushStrategyBenchmark.chunk:flushesPerStream,")), rows::toString);
        assertFalse(rows.stream().anyMatch(r -> r.contains("gc.count")), rows::toString);
    }

    @Test
    void shouldShowJmhOwnHelpForDashH() {
        Outcome o = execute("jmh", "-h");

        assertEquals(0, o.code(), () -> o.toString());
    }

    @Test
    void shouldExitWithTwoAndOneLineOnABadJmhOption(@TempDir Path out) {
        Outcome o = execute("jmh", "--out", out.toString(), "-f", "many");

        assertEquals(2, o.code(), () -> o.toString());
        assertEquals(1, o.err().strip().lines().count(), o::err);
    }
}
