package io.streambench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.streambench.mock.MockServer;
import io.streambench.mock.MockServerConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The client path is warm before the first measured request, and the warm-up never reaches the target. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ClientWarmupTest {

    @Test
    void shouldWarmUpByDefaultWithoutTouchingTheEmbeddedMock(@TempDir Path out) throws IOException {
        RunFiguresTest.Run r = RunFiguresTest.run(out, "--mock-profile", "paced", "--ttft-ms", "1", "--itl-ms", "1",
                "--output-tokens", "5", "--concurrency", "1", "--requests", "3");

        assertEquals(0, r.code(), r.console());
        JsonNode warmup = r.json().path("client_warmup");
        assertEquals(2000, warmup.path("requests_asked").asLong(), warmup::toString);
        // all of them, unless this machine is so busy that the time limit came first
        long done = warmup.path("requests").asLong();
        assertTrue(done == 2000 || done > 0 && warmup.path("seconds").asDouble() >= 10, warmup::toString);
        assertEquals(0, warmup.path("failed").asLong(), warmup::toString);
        // the measured mock saw the run's three streams and nothing else
        assertEquals(3, r.json().at("/mock_server/stats/streams_started").asLong(), r.json()::toString);
    }

    @Test
    void shouldSendNothingToAUrlTargetWhileWarmingUp(@TempDir Path out) throws IOException {
        try (MockServer target = MockServer.start(MockServerConfig.defaults())) {
            RunFiguresTest.Run r = RunFiguresTest.run(out, "--url", target.baseUrl() + "/v1/chat/completions",
                    "--model", "paced", "--header", "x-mock-output-tokens: 5", "--header", "x-mock-itl-ms: 1",
                    "--header", "x-mock-ttft-ms: 1", "--concurrency", "2", "--requests", "4", "--client-warmup",
                    "300");

            assertEquals(0, r.code(), r.console());
            JsonNode warmup = r.json().path("client_warmup");
            assertEquals(300, warmup.path("requests").asLong(), warmup::toString);
            assertEquals(4, target.stats().streamsStarted());
            assertEquals(4, target.stats().requests());
        }
    }

    @Test
    void shouldEndTheWarmUpEarlyRatherThanMissTheStartTime(@TempDir Path out) throws IOException {
        Instant at = Instant.now().plusMillis(2500);
        RunFiguresTest.Run r = RunFiguresTest.run(out, "--mock-profile", "paced", "--ttft-ms", "1", "--itl-ms", "1",
                "--output-tokens", "5", "--requests", "2", "--client-warmup", "1000000", "--start-at", at.toString());

        assertEquals(0, r.code(), r.console());
        JsonNode warmup = r.json().path("client_warmup");
        assertTrue(warmup.path("requests").asLong() < 1_000_000, warmup::toString);
        assertTrue(warmup.path("seconds").asDouble() < 2.5, warmup::toString);
        // the load started at the agreed time, not late (a start time that passes while setting up is refused)
        long late = Duration.between(at, Instant.parse(r.json().path("start").asText())).toMillis();
        assertTrue(late > -100 && late < 1000, () -> "started " + late + " ms after --start-at");
    }

    @Test
    void shouldSkipTheWarmUpWhenAskedTo(@TempDir Path out) throws IOException {
        RunFiguresTest.Run r = RunFiguresTest.run(out, "--mock-profile", "paced", "--ttft-ms", "1", "--itl-ms", "1",
                "--output-tokens", "5", "--requests", "2", "--client-warmup", "0");

        assertEquals(0, r.code(), r.console());
        assertTrue(r.json().path("client_warmup").isNull(), r.json()::toString);
    }
}
