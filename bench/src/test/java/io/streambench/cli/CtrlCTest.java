package io.streambench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C (SIGINT) ends {@code run} with exit status 130, as documented, after writing what was measured. The
 * driver runs in its own JVM: only a real process gets a real signal and a real exit status.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CtrlCTest {

    private static final int SIGINT_BIT = 1 << (2 - 1);

    /** A driver process, its output lines as they come, and a way to interrupt it. */
    private static final class Driver implements AutoCloseable {
        final Process process;
        final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
        final List<String> seen = new ArrayList<>();

        Driver(String... args) throws IOException {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-Xmx256m", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
            command.addAll(List.of(args));
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
            CompletableFuture.runAsync(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    in.lines().forEach(lines::add);
                } catch (IOException | java.io.UncheckedIOException e) {
                    // the process ended
                }
            });
        }

        /** Waits (bounded) for a line that matches; fails with everything seen so far. */
        void await(Predicate<String> line) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline) {
                String next = lines.poll(100, TimeUnit.MILLISECONDS);
                if (next != null) {
                    seen.add(next);
                    if (line.test(next)) {
                        return;
                    }
                } else if (!process.isAlive()) {
                    break;
                }
            }
            throw new AssertionError("no such line; output so far: " + seen);
        }

        /** Sends SIGINT as a terminal's Ctrl-C does, and returns the exit status. */
        int interrupt() throws Exception {
            // A JVM started with SIGINT ignored (a background job of a non-interactive shell) keeps ignoring it.
            Path status = Path.of("/proc", Long.toString(process.pid()), "status");
            Assumptions.assumeTrue(Files.isReadable(status), "needs /proc to see the driver's signal handlers");
            String caught = Files.readAllLines(status).stream().filter(l -> l.startsWith("SigCgt:")).findFirst()
                    .orElse("SigCgt: 0").substring(7).trim();
            Assumptions.assumeTrue((Long.parseUnsignedLong(caught, 16) & SIGINT_BIT) != 0,
                    "SIGINT is ignored in this environment");
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start();
            assertEquals(0, kill.waitFor());
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "driver still running after SIGINT: " + seen);
            String rest;
            while ((rest = lines.poll(1, TimeUnit.SECONDS)) != null) {
                seen.add(rest);
            }
            return process.exitValue();
        }

        @Override
        public void close() {
            process.destroyForcibly();
        }
    }

    @Test
    void shouldExitWith130AndWriteTheReportWhenInterruptedDuringARun(@TempDir Path out) throws Exception {
        try (Driver driver = new Driver("run", "--mock-profile", "paced", "--concurrency", "2", "--duration", "60s",
                "--out", out.toString())) {
            driver.await(line -> line.contains("in flight")); // a progress line: the load is running

            assertEquals(RunCommand.EXIT_INTERRUPTED, driver.interrupt(), () -> String.join("\n", driver.seen));
            assertTrue(driver.seen.stream().anyMatch(l -> l.startsWith("interrupted; report: ")), driver.seen::toString);
            try (Stream<Path> dirs = Files.list(out)) {
                Path dir = dirs.findFirst().orElseThrow();
                assertEquals("interrupted", new ObjectMapper().readTree(dir.resolve("run.json").toFile())
                        .get("status").asText());
            }
        }
    }

    @Test
    void shouldExitWith130WhenInterruptedWhileWaitingForStartAt(@TempDir Path out) throws Exception {
        String at = Instant.now().plusSeconds(600).toString();
        try (Driver driver = new Driver("run", "--mock-profile", "instant", "--requests", "1", "--start-at", at,
                "--out", out.toString())) {
            driver.await(line -> line.contains("waiting for --start-at"));

            assertEquals(RunCommand.EXIT_INTERRUPTED, driver.interrupt(), () -> String.join("\n", driver.seen));
            assertTrue(driver.seen.stream().anyMatch(l -> l.contains("nothing was measured")), driver.seen::toString);
        }
    }
}
