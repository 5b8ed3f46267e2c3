package io.streambench.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streambench.mock.MockServer;
import io.streambench.mock.MockServerConfig;
import io.streambench.mock.profile.RequestOverrides;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Every injected fault of the mock ends in the right error class, within its timeout. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class FaultClassificationTest {

    /** Tight enough to keep the suite fast, loose enough for a loaded 2-core machine (JIT, parallel builds). */
    private static final Timeouts TIGHT = new Timeouts(Duration.ofSeconds(2), Duration.ofMillis(1500),
            Duration.ofMillis(800), Duration.ofSeconds(8));

    private static MockServer server;

    @BeforeAll
    static void startMock() {
        server = MockServer.start(MockServerConfig.defaults());
    }

    @AfterAll
    static void stopMock() {
        server.close();
    }

    private static List<AttemptRow> runWithFault(String fault, RetryPolicy retry) {
        Target target = Runs.target(server.baseUrl(), "paced", RequestOverrides.TTFT_MS, "20",
                RequestOverrides.ITL_MS, "5", RequestOverrides.OUTPUT_TOKENS, "12", RequestOverrides.FAULT, fault);
        return Runs.run(Runs.config(target, List.of(new Workload.Closed(1)), Runs.requests(1), TIGHT, retry)).rows();
    }

    private static AttemptRow only(List<AttemptRow> rows) {
        assertEquals(1, rows.size(), rows::toString);
        return rows.get(0);
    }

    @Test
    void shouldRetryA429AfterItsRetryAfterSeconds() {
        List<AttemptRow> rows = runWithFault("http:status=429,retry_after=1",
                new RetryPolicy(1, Duration.ofMillis(10), Duration.ofMillis(20)));

        assertEquals(2, rows.size(), rows::toString);
        AttemptRow first = rows.get(0);
        AttemptRow second = rows.get(1);
        assertEquals(ErrorClass.HTTP_STATUS, first.ending().error());
        assertEquals(429, first.ending().status());
        assertEquals(1_000_000_000L, first.ending().retryAfterNanos());
        assertTrue(first.ending().retried());
        assertFalse(second.ending().retried());
        long firstEnd = first.times().sendSinceOrigin() + first.times().e2e();
        assertTrue(second.times().sendSinceOrigin() - firstEnd >= 1_000_000_000L, "waited "
                + (second.times().sendSinceOrigin() - firstEnd) / 1e6 + " ms");
    }

    @Test
    void shouldPreferRetryAfterMsOverRetryAfter() {
        List<AttemptRow> rows = runWithFault("http:status=429,retry_after=30,retry_after_ms=150",
                new RetryPolicy(1, Duration.ofMillis(10), Duration.ofMillis(20)));

        assertEquals(2, rows.size(), rows::toString);
        assertEquals(150_000_000L, rows.get(0).ending().retryAfterNanos());
        long waited = rows.get(1).times().sendSinceOrigin() - (rows.get(0).times().sendSinceOrigin() + rows.get(0).times().e2e());
        assertTrue(waited >= 150_000_000L && waited < 5_000_000_000L, "waited " + waited / 1e6 + " ms");
    }

    @Test
    void shouldRetryA503WithBoundedAttempts() {
        List<AttemptRow> rows = runWithFault("http:status=503",
                new RetryPolicy(2, Duration.ofMillis(20), Duration.ofMillis(40)));

        assertEquals(3, rows.size(), rows::toString);
        assertTrue(rows.stream().allMatch(a -> a.ending().error() == ErrorClass.HTTP_STATUS && a.ending().status() == 503));
        assertEquals(List.of(1, 2, 3), rows.stream().map(a -> a.id().attempt()).toList());
        assertFalse(rows.get(2).ending().retried());
    }

    @Test
    void shouldClassifyAMidStreamErrorEventAndNotRetryIt() {
        AttemptRow row = only(runWithFault("error_event@after_chunks=3",
                new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(20))));

        assertEquals(ErrorClass.ERROR_EVENT, row.ending().error(), row::toString);
        assertEquals(200, row.ending().status());
        assertMidStream(row);
    }

    @Test
    void shouldClassifyAResetMidStream() {
        AttemptRow row = only(runWithFault("reset@after_chunks=3", Runs.NO_RETRY));

        assertEquals(ErrorClass.RESET, row.ending().error(), row::toString);
        assertMidStream(row);
    }

    /** The mock counts the role chunk among its three chunks: two or three content chunks came first. */
    private static void assertMidStream(AttemptRow row) {
        assertTrue(row.received().chunks() >= 2 && row.received().chunks() <= 3, row::toString);
    }

    @Test
    void shouldClassifyAConnectionClosedWithoutTheChunkedTerminatorAsReset() {
        AttemptRow row = only(runWithFault("close@after_chunks=3", Runs.NO_RETRY));

        assertEquals(ErrorClass.RESET, row.ending().error(), row::toString);
    }

    @Test
    void shouldEndAStalledStreamAtTheIdleTimeout() {
        long start = System.nanoTime();
        AttemptRow row = only(runWithFault("stall:ping_ms=100@after_chunks=3", Runs.NO_RETRY));
        long tookMillis = (System.nanoTime() - start) / 1_000_000;

        assertEquals(ErrorClass.IDLE_TIMEOUT, row.ending().error(), row::toString);
        assertTrue(tookMillis < 5_000, "took " + tookMillis + " ms");
    }

    @Test
    void shouldEndASlowFirstTokenAtTheTtftTimeout() {
        AttemptRow row = only(runWithFault("slow_headers:ms=6000", Runs.NO_RETRY));

        assertEquals(ErrorClass.TTFT_TIMEOUT, row.ending().error(), row::toString);
        assertTrue(row.times().e2e() >= 1_500_000_000L && row.times().e2e() < 3_000_000_000L, "ended after " + row.times().e2e() / 1e6);
    }

    @Test
    void shouldClassifyAStreamWithoutDone() {
        AttemptRow row = only(runWithFault("no_done", Runs.NO_RETRY));

        assertEquals(ErrorClass.NO_DONE, row.ending().error(), row::toString);
        assertEquals(12, row.received().chunks());
    }

    @Test
    void shouldClassifyATruncatedEventAsMalformed() {
        AttemptRow row = only(runWithFault("malformed:kind=truncated@after_chunks=2", Runs.NO_RETRY));

        assertEquals(ErrorClass.MALFORMED, row.ending().error(), row::toString);
    }

    @Test
    void shouldReadFragmentedStreamsCompletely() {
        for (String mode : List.of("bytes", "random", "utf8")) {
            AttemptRow row = only(runWithFault("fragment:mode=" + mode, Runs.NO_RETRY));

            assertEquals(ErrorClass.NONE, row.ending().error(), () -> mode + ": " + row);
            assertEquals(12, row.received().chunks(), mode);
            assertEquals("usage", row.received().tokenSource().label(), mode);
        }
    }

    @Test
    void shouldClassifyARefusedConnectionAndRetryIt() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        Target target = Runs.target("http://127.0.0.1:" + port, "paced");
        List<AttemptRow> rows = Runs.run(Runs.config(target, List.of(new Workload.Closed(1)), Runs.requests(1),
                TIGHT, new RetryPolicy(1, Duration.ofMillis(10), Duration.ofMillis(20)))).rows();

        assertEquals(2, rows.size(), rows::toString);
        assertTrue(rows.stream().allMatch(a -> a.ending().error() == ErrorClass.CONNECT && a.ending().status() == 0));
    }

    @Test
    void shouldEndAnEndlessStreamAtTheTotalTimeout() {
        Target target = Runs.target(server.baseUrl(), "paced", RequestOverrides.TTFT_MS, "10",
                RequestOverrides.ITL_MS, "50", RequestOverrides.OUTPUT_TOKENS, "1000");
        Timeouts shortTotal = new Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2),
                Duration.ofMillis(600));
        AttemptRow row = only(Runs.run(Runs.config(target, List.of(new Workload.Closed(1)), Runs.requests(1),
                shortTotal, Runs.NO_RETRY)).rows());

        assertEquals(ErrorClass.TOTAL_TIMEOUT, row.ending().error(), row::toString);
        assertTrue(row.times().e2e() >= 600_000_000L && row.times().e2e() < 2_000_000_000L, "ended after " + row.times().e2e() / 1e6);
    }
}
