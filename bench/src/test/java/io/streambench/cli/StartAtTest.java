package io.streambench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streambench.driver.Bounds;
import io.streambench.driver.ClientTls;
import io.streambench.driver.ClientOptions;
import io.streambench.driver.Requests;
import io.streambench.driver.RetryPolicy;
import io.streambench.driver.RunConfig;
import io.streambench.driver.Target;
import io.streambench.driver.Timeouts;
import io.streambench.driver.Workload;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StartAtTest {

    /** How close two drivers' starts must be to each other and to the agreed time (typically < 1 ms). */
    private static final long SLACK_MILLIS = 50;

    private static int execute(StringWriter err, String... args) {
        CommandLine cmd = Main.configure(new CommandLine(new Main()));
        cmd.setErr(new PrintWriter(err, true));
        return cmd.execute(args);
    }

    private static JsonNode runJson(Path parent) throws Exception {
        try (Stream<Path> dirs = Files.list(parent)) {
            Path dir = dirs.findFirst().orElseThrow();
            return new ObjectMapper().readTree(dir.resolve("run.json").toFile());
        }
    }

    @Test
    void shouldStartTwoDriversTogetherAtTheAgreedTime(@TempDir Path out) throws Exception {
        Instant at = Instant.now().plusMillis(3000).truncatedTo(ChronoUnit.MILLIS);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> codes = Stream.of("d0", "d1").map(id -> pool.submit(() -> execute(new StringWriter(),
                    "run", "--mock-profile", "paced", "--ttft-ms", "5", "--itl-ms", "1", "--output-tokens", "3",
                    "--concurrency", "1", "--requests", "2", "--quiet", "--start-at", at.toString(),
                    "--driver-id", id, "--out", out.resolve(id).toString()))).toList();
            for (Future<Integer> code : codes) {
                assertEquals(0, code.get(30, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        JsonNode a = runJson(out.resolve("d0"));
        JsonNode b = runJson(out.resolve("d1"));
        Instant startA = Instant.parse(a.get("start").asText());
        Instant startB = Instant.parse(b.get("start").asText());

        assertEquals(at.toString(), a.get("start_at").asText());
        assertEquals("d0", a.get("driver_id").asText());
        assertEquals("d1", b.get("driver_id").asText());
        for (Instant start : List.of(startA, startB)) {
            long lateMicros = ChronoUnit.MICROS.between(at, start);
            assertTrue(lateMicros >= 0 && lateMicros <= SLACK_MILLIS * 1000, "started " + lateMicros + " us after " + at);
        }
        long apartMicros = Math.abs(ChronoUnit.MICROS.between(startA, startB));
        assertTrue(apartMicros <= SLACK_MILLIS * 1000, "started " + apartMicros + " us apart");
        // hlog intervals are written relative to an explicit, absolute BaseTime (the run's start)
        try (Stream<Path> dirs = Files.list(out.resolve("d0"))) {
            String log = Files.readString(dirs.findFirst().orElseThrow().resolve("e2e.hlog"));
            assertTrue(log.contains(String.format(java.util.Locale.ROOT, "#[BaseTime: %.3f",
                    startA.toEpochMilli() / 1000.0)), log);
        }
    }

    @Test
    void shouldRejectAStartInThePastWithOneLine(@TempDir Path out) {
        for (String time : List.of("2020-01-01T00:00:00Z", "1577836800000", "tomorrow", "25:00")) {
            StringWriter err = new StringWriter();
            int code = execute(err, "run", "--start-at", time, "--requests", "1", "--quiet", "--out", out.toString());

            assertEquals(2, code, time);
            assertEquals(1, err.toString().strip().lines().count(), err::toString);
            assertTrue(err.toString().contains("--start-at"), err::toString);
        }
        assertFalse(Files.exists(out) && out.toFile().list().length > 0, "no report for a rejected start");
    }

    @Test
    void shouldReadInstantsEpochMillisAndTimesOfDay() {
        ZoneId zone = ZoneId.of("Europe/Paris");
        Clock clock = Clock.fixed(Instant.parse("2026-11-24T09:30:00Z"), zone); // 10:30 in Paris

        assertEquals(Instant.parse("2026-11-24T10:00:00Z"), Launch.parseStartAt("2026-11-24T10:00:00Z", clock));
        assertEquals(Instant.parse("2026-11-24T10:00:00Z"), Launch.parseStartAt("2026-11-24T11:00:00+01:00", clock));
        assertEquals(Instant.parse("2026-11-24T10:00:00.250Z"),
                Launch.parseStartAt(Long.toString(Instant.parse("2026-11-24T10:00:00.250Z").toEpochMilli()), clock));
        assertEquals(Instant.parse("2026-11-24T10:00:00Z"), Launch.parseStartAt("11:00", clock));
        assertEquals(Instant.parse("2026-11-24T10:00:05Z"), Launch.parseStartAt("11:00:05", clock));
        // a time of day already past is tomorrow's, unless within the tolerance
        assertEquals(Instant.parse("2026-11-25T08:00:00Z"), Launch.parseStartAt("9:00", clock));
        assertEquals(Instant.parse("2026-11-24T09:29:59.500Z"), Launch.parseStartAt("10:29:59.5", clock));
        assertEquals(Instant.parse("2026-11-24T09:29:59.500Z"), Launch.parseStartAt("2026-11-24T09:29:59.500Z", clock));
        assertThrows(IllegalArgumentException.class, () -> Launch.parseStartAt("2026-11-24T09:29:58Z", clock));
        assertThrows(IllegalArgumentException.class, () -> Launch.parseStartAt("2026-11-24T10:00:00", clock));
    }

    @Test
    void shouldWaitForAStartCenturiesAheadWithoutOverflowing() {
        // Duration.toNanos() overflows past ~292 years: was "unexpected error: ArithmeticException", exit 1
        Launch far = new Launch(Instant.parse("9999-12-31T23:59:59Z"), "far", Map.of());

        assertFalse(far.await(() -> true));
    }

    @Test
    void shouldNameTheDriverAfterTheKubernetesCompletionIndex() {
        Launch indexed = new Launch(null, null, Map.of("JOB_COMPLETION_INDEX", "3"));
        Launch named = new Launch(null, "eu-1", Map.of("JOB_COMPLETION_INDEX", "3"));
        Launch plain = new Launch(null, null, Map.of("HOSTNAME", "box"));

        assertEquals("index-3", indexed.driverId());
        assertEquals(3, indexed.driverIndex());
        assertEquals("eu-1", named.driverId());
        assertEquals("box-" + ProcessHandle.current().pid(), plain.driverId());
        assertNull(plain.driverIndex());
        assertThrows(IllegalArgumentException.class, () -> new Launch(null, "a b", Map.of()));
    }

    @Test
    void shouldExitWithoutAReportWhenStoppedWhileWaiting(@TempDir Path out) throws Exception {
        Target target = new Target(URI.create("http://127.0.0.1/v1/chat/completions"), Map.of(), null,
                Requests.ofPrompt("instant", "Hi", 0, true), true);
        RunConfig config = new RunConfig("waiting", target, List.of(new Workload.Closed(1)),
                new Bounds(null, 1, Duration.ZERO), Timeouts.DEFAULTS, RetryPolicy.DEFAULTS, ClientOptions.defaults(),
                1, 1);
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        RunSession session = new RunSession(config, new EmbeddedMock("instant", null), out,
                new PrintStream(console, true, StandardCharsets.UTF_8), true, ClientTls.DEFAULT,
                new Launch(Instant.now().plusSeconds(30), "w", Map.of()));
        RunSessionTest.Stopped stopped = RunSessionTest.executeStoppedAfter(session, 300);
        RunSession.Result result = stopped.result();
        long tookMillis = stopped.tookMillis();

        assertNull(result.dir());
        assertTrue(tookMillis < 3_000, "took " + tookMillis);
        assertTrue(console.toString(StandardCharsets.UTF_8).contains("stopped before --start-at"));
        assertFalse(Files.exists(out) && out.toFile().list().length > 0, "no report folder");
    }
}
