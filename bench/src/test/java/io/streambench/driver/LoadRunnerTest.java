package io.streambench.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.streambench.client.accumulate.AccumulateStrategy;
import io.streambench.client.flush.FlushStrategy;
import io.streambench.client.sse.ParserStrategy;
import io.streambench.mock.MockServer;
import io.streambench.mock.MockServerConfig;
import io.streambench.mock.profile.RequestOverrides;
import io.streambench.mock.testing.PomVersion;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LoadRunnerTest {

    private static MockServer server;

    @BeforeAll
    static void startMock() {
        server = MockServer.start(MockServerConfig.defaults());
    }

    @AfterAll
    static void stopMock() {
        server.close();
    }

    @Test
    void shouldCompleteTheRequestedCountInAClosedLoop() {
        Runs.Recorded r = Runs.run(Runs.config(Runs.target(server.baseUrl(), "instant"),
                List.of(new Workload.Closed(4)), Runs.requests(20), Runs.SHORT, Runs.NO_RETRY));

        assertEquals(20, r.rows().size());
        assertTrue(r.rows().stream().allMatch(row -> row.ending().error() == ErrorClass.NONE), () -> r.rows().toString());
        assertTrue(r.rows().stream().allMatch(row -> row.received().outputTokens() == 64 && "usage".equals(row.received().tokenSource().label())));
        assertEquals(20, r.outcome.succeeded());
        assertEquals(0, r.stages.get(0).counters().inFlight());
    }

    @Test
    void shouldCompleteTheRequestedCountInAnOpenLoopAtItsRate() {
        long start = System.nanoTime();
        Runs.Recorded r = Runs.run(Runs.config(Runs.target(server.baseUrl(), "instant"),
                List.of(new Workload.Open(50, Arrival.CONSTANT, 8)), Runs.requests(20), Runs.SHORT, Runs.NO_RETRY));
        long tookMillis = (System.nanoTime() - start) / 1_000_000;

        assertEquals(20, r.rows().size());
        assertEquals(20, r.outcome.succeeded());
        // 20 sends 20 ms apart: the last is intended 380 ms after the first.
        long lastIntended = r.rows().stream().mapToLong(a -> a.times().intendedSinceOrigin()).max().orElseThrow()
                - r.rows().stream().mapToLong(a -> a.times().intendedSinceOrigin()).min().orElseThrow();
        assertEquals(380, lastIntended / 1_000_000.0, 1.0);
        assertTrue(tookMillis >= 380, "took " + tookMillis);
    }

    @Test
    void shouldMeasureThePacedProfileWithinAFewMillisecondsAndNeverBelowIt() {
        Runs.Recorded r = Runs.run(Runs.config(
                Runs.target(server.baseUrl(), "paced", RequestOverrides.OUTPUT_TOKENS, "20",
                        RequestOverrides.TIMESTAMPS, "true"),
                List.of(new Workload.Closed(8)), new Bounds(null, 24, Duration.ofMillis(300)), Runs.SHORT,
                Runs.NO_RETRY));

        StageMetrics stage = r.stages.get(0);
        Histogram ttft = stage.interval(Metric.TTFT, null);
        Histogram itl = stage.interval(Metric.ITL, null);
        double ttftMedianMs = ttft.getValueAtPercentile(50) / 1e6;
        double itlMedianMs = itl.getValueAtPercentile(50) / 1e6;
        assertTrue(ttft.getTotalCount() >= 24, "ttft count " + ttft.getTotalCount());
        assertTrue(ttftMedianMs >= 200 && ttftMedianMs < 205, "median ttft " + ttftMedianMs);
        assertTrue(itlMedianMs > 19 && itlMedianMs < 21.5, "median itl " + itlMedianMs);
        long minTtft = r.rows().stream().mapToLong(a -> a.times().ttft()).min().orElseThrow();
        assertTrue(minTtft >= 200_000_000L, "a ttft below the configured 200 ms: " + minTtft);
        assertTrue(stage.interval(Metric.STAMP_OVERHEAD, null).getTotalCount() > 0, "send stamps seen");
        assertTrue(r.rows().stream().allMatch(row -> row.received().chunks() == 20 && row.received().outputTokens() == 20));
    }

    @Test
    void shouldKeepWarmupRequestsOutOfTheHistograms() {
        Runs.Recorded r = Runs.run(Runs.config(Runs.target(server.baseUrl(), "instant"),
                List.of(new Workload.Closed(2)), new Bounds(Duration.ofMillis(200), 0, Duration.ofMillis(300)),
                Runs.SHORT, Runs.NO_RETRY));

        long measured = r.rows().stream().filter(a -> a.id().measured()).count();
        long warmup = r.rows().size() - measured;
        assertTrue(warmup > 0 && measured > 0, "warmup " + warmup + ", measured " + measured);
        assertEquals(measured, r.stages.get(0).interval(Metric.E2E, null).getTotalCount());
    }

    @Test
    void shouldRunStagesOneAfterAnother() {
        Runs.Recorded r = Runs.run(Runs.config(Runs.target(server.baseUrl(), "instant"),
                List.of(new Workload.Closed(1), new Workload.Closed(3)), Runs.requests(6), Runs.SHORT, Runs.NO_RETRY));

        assertEquals(2, r.stages.size());
        assertEquals(6, r.rows().stream().filter(row -> row.id().stage() == 0).count());
        assertEquals(6, r.rows().stream().filter(row -> row.id().stage() == 1).count());
        long lastOfFirst = r.rows().stream().filter(row -> row.id().stage() == 0).mapToLong(a -> a.times().sendSinceOrigin()).max()
                .orElseThrow();
        long firstOfSecond = r.rows().stream().filter(row -> row.id().stage() == 1).mapToLong(a -> a.times().sendSinceOrigin()).min()
                .orElseThrow();
        assertTrue(firstOfSecond > lastOfFirst);
    }

    @Test
    void shouldSendTheBuildsVersionAsUserAgent() {
        assertEquals("streambench/" + PomVersion.ofThisModule(),
                RequestHeaders.of(Runs.target(server.baseUrl(), "instant")).get(HttpHeaderNames.USER_AGENT));
    }

    @Test
    void shouldReuseKeepAliveConnections() {
        Runs.Recorded r = Runs.run(Runs.config(Runs.target(server.baseUrl(), "instant"),
                List.of(new Workload.Closed(2)), Runs.requests(20), Runs.SHORT, Runs.NO_RETRY));

        long fresh = r.rows().stream().filter(row -> row.times().connectNanos() > 0).count();
        assertTrue(fresh <= 4, "new connections: " + fresh);
    }

    @Test
    void shouldRecordFlushesDisplayDelayAndTruncationOfTheClientStrategies() {
        RunConfig base = Runs.config(Runs.target(server.baseUrl(), "paced", RequestOverrides.OUTPUT_TOKENS, "30",
                RequestOverrides.ITL_MS, "2", RequestOverrides.TTFT_MS, "5"), List.of(new Workload.Closed(2)),
                Runs.requests(4), Runs.SHORT, Runs.NO_RETRY);
        RunConfig config = new RunConfig(base.name(), base.target(), base.stages(), base.bounds(), base.timeouts(),
                base.retry(), new ClientOptions(ParserStrategy.BYTES_SCAN, FlushStrategy.HYBRID.policy(), AccumulateStrategy.BOUNDED,
                        50), base.seed(), base.ioThreads());

        Runs.Recorded r = Runs.run(config);

        assertEquals(4, r.rows().size());
        for (AttemptRow row : r.rows()) {
            assertEquals(ErrorClass.NONE, row.ending().error(), row::toString);
            assertTrue(row.client().flushes() > 0, row::toString);
            assertTrue(row.client().maxDisplayDelay() >= 0, row::toString);
            assertEquals(50, row.client().keptChars(), row::toString);
            assertTrue(row.client().truncated(), row::toString);
        }
        assertTrue(r.stages.get(0).interval(Metric.DISPLAY_DELAY, null).getTotalCount() > 0);
    }
}
