package io.streambench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streambench.driver.Bounds;
import io.streambench.driver.ClientOptions;
import io.streambench.driver.Requests;
import io.streambench.driver.RetryPolicy;
import io.streambench.driver.RunConfig;
import io.streambench.driver.Target;
import io.streambench.driver.Timeouts;
import io.streambench.driver.Workload;
import io.streambench.mock.profile.RequestOverrides;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RunSessionTest {

    @Test
    void shouldWriteEveryFileWhenTheRunIsStopped(@TempDir Path out) throws Exception {
        Target target = new Target(URI.create("http://127.0.0.1/v1/chat/completions"),
                Map.of(RequestOverrides.TIMESTAMPS, "true"), null, Requests.ofPrompt("paced", "Hi", 0, true),
                true);
        RunConfig config = new RunConfig("stopped", target, List.of(new Workload.Closed(4)),
                new Bounds(Duration.ofMinutes(10), 0, Duration.ZERO), Timeouts.DEFAULTS, RetryPolicy.DEFAULTS,
                ClientOptions.defaults(), 1, 1);
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        RunSession session = new RunSession(config, new EmbeddedMock("paced", null), out,
                new PrintStream(console, true, StandardCharsets.UTF_8), true);
        Stopped stopped = executeStoppedAfter(session, 3_000);
        RunSession.Result result = stopped.result();
        long tookMillis = stopped.tookMillis();

        assertTrue(tookMillis < 10_000, "took " + tookMillis);
        assertTrue(result.outcome().interrupted());
        JsonNode json = new ObjectMapper().readTree(result.dir().resolve("run.json").toFile());
        assertEquals("interrupted", json.get("status").asText());
        assertTrue(json.at("/mock_server/stats/pace_lateness_us/p50").isNumber(), json.toString());
        List<String> rows = Files.readAllLines(result.dir().resolve("requests.csv"));
        assertTrue(rows.stream().anyMatch(r -> r.contains(",none,")), "completed rows");
        assertTrue(rows.stream().anyMatch(r -> r.contains(",cancelled,")), "cancelled rows");
        assertTrue(Files.readAllLines(result.dir().resolve("timeline.csv")).size() >= 3);
        assertTrue(Files.readAllLines(result.dir().resolve("summary.csv")).stream().anyMatch(l -> l.contains(",ttft,")));
        assertTrue(console.toString(StandardCharsets.UTF_8).contains("interrupted; report: "));
    }

    /** What {@link #executeStoppedAfter} saw: the session's result and how long execute() took. */
    record Stopped(RunSession.Result result, long tookMillis) {
    }

    /** Runs {@code session}, calling stop() from another thread (as Ctrl-C does) after {@code millis}. */
    static Stopped executeStoppedAfter(RunSession session, long millis) throws InterruptedException {
        Thread stopper = new Thread(() -> {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                return;
            }
            session.stop();
        });
        stopper.start();
        long start = System.nanoTime();
        RunSession.Result result = session.execute();
        long tookMillis = (System.nanoTime() - start) / 1_000_000;
        stopper.join();
        return new Stopped(result, tookMillis);
    }
}
