package io.streambench.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streambench.mock.MockServer;
import io.streambench.mock.MockServerConfig;
import io.streambench.mock.profile.RequestOverrides;
import java.net.URI;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A failing server is never hammered: closed-loop streams wait after failures, and a hopeless run stops. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FailurePacingTest {

    private static final int NO_FAIL_FAST = 0;

    private static MockServer server;

    @BeforeAll
    static void startMock() {
        server = MockServer.start(MockServerConfig.defaults());
    }

    @AfterAll
    static void stopMock() {
        server.close();
    }

    /** Every request answered 404 by the mock. */
    private static Target wrongPath() {
        return new Target(URI.create(server.baseUrl() + "/v1/nothing"), Map.of(), null,
                Requests.ofPrompt("instant", "Hello", 0, true), true);
    }

    private static Runs.Recorded run(Target target, Workload workload, Bounds bounds, RetryPolicy retry,
            int failFast) {
        return Runs.run(new RunConfig("test", target, List.of(workload), bounds, Runs.SHORT, retry,
                ClientOptions.defaults(), 7, 2, failFast));
    }

    private static Bounds seconds(double s) {
        return new Bounds(Duration.ofMillis((long) (s * 1000)), 0, Duration.ZERO);
    }

    /** Gaps in ms from each attempt's end to the next attempt's send, in send order (one stream). */
    private static double[] gapsMillis(List<AttemptRow> rows) {
        List<AttemptRow> sorted = rows.stream().sorted(Comparator.comparingLong(a -> a.times().sendSinceOrigin())).toList();
        double[] gaps = new double[sorted.size() - 1];
        for (int i = 1; i < sorted.size(); i++) {
            AttemptRow before = sorted.get(i - 1);
            gaps[i - 1] = (sorted.get(i).times().sendSinceOrigin() - (before.times().sendSinceOrigin() + before.times().e2e())) / 1e6;
        }
        return gaps;
    }

    @Test
    void shouldWaitTheBackoffAfterEachFailedRequestDoublingPerFailureInARow() {
        RetryPolicy retry = new RetryPolicy(0, Duration.ofMillis(100), Duration.ofMillis(400));
        Runs.Recorded r = run(wrongPath(), new Workload.Closed(1), seconds(2), retry, NO_FAIL_FAST);

        double[] gaps = gapsMillis(r.rows());
        assertTrue(gaps.length >= 3 && gaps.length <= 6, "requests: " + r.rows().size());
        for (int i = 0; i < gaps.length; i++) {
            double backoff = Math.min(100 * Math.pow(2, i), 400);
            // Backoff minus at most 25 % jitter; the intended time of the next request is after the wait.
            assertTrue(gaps[i] >= 0.75 * backoff - 1, "gap " + i + " = " + gaps[i] + " ms, backoff " + backoff);
        }
        assertTrue(gaps[1] > gaps[0] && gaps[2] > gaps[1], "growing: " + java.util.Arrays.toString(gaps));
    }

    @Test
    void shouldWaitAtLeastTheServersRetryAfterBetweenFailedRequests() {
        Target limited = Runs.target(server.baseUrl(), "instant", RequestOverrides.FAULT,
                "http:status=429,retry_after=1");
        RetryPolicy retry = new RetryPolicy(0, Duration.ofMillis(10), Duration.ofMillis(20));
        Runs.Recorded r = run(limited, new Workload.Closed(1), seconds(2.5), retry, NO_FAIL_FAST);

        assertTrue(r.rows().size() >= 2 && r.rows().size() <= 3, "requests: " + r.rows().size());
        for (double gap : gapsMillis(r.rows())) {
            assertTrue(gap >= 999, "gap " + gap + " ms after retry-after: 1");
        }
    }

    @Test
    void shouldEndTheStageOnTimeWhenAPauseWouldOutlastIt() {
        // retry-after 30 s: the stream's pause ends after the 1 s stage, so the stream is done at once.
        Target limited = Runs.target(server.baseUrl(), "instant", RequestOverrides.FAULT,
                "http:status=429,retry_after=30");
        long start = System.nanoTime();
        Runs.Recorded r = run(limited, new Workload.Closed(2), seconds(1), Runs.NO_RETRY, NO_FAIL_FAST);
        long tookMillis = (System.nanoTime() - start) / 1_000_000;

        assertEquals(2, r.rows().size(), r.rows()::toString);
        assertTrue(tookMillis < 6_000, "took " + tookMillis + " ms");
    }

    @Test
    void shouldSendAtItsRateAndNoFasterInAnOpenLoopWhenEveryRequestFails() {
        Runs.Recorded r = run(wrongPath(), new Workload.Open(40, Arrival.CONSTANT, 8), seconds(1), Runs.NO_RETRY,
                NO_FAIL_FAST);

        assertTrue(r.rows().size() >= 30 && r.rows().size() <= 41, "requests: " + r.rows().size());
    }

    @Test
    void shouldStopAfterTheFirstTenRequestsFailWithTheSame404WithoutWaitingBetweenThem() {
        long start = System.nanoTime();
        Runs.Recorded r = run(wrongPath(), new Workload.Closed(2), seconds(30), RetryPolicy.DEFAULTS, 10);
        long tookMillis = (System.nanoTime() - start) / 1_000_000;

        EarlyStop stop = r.outcome.earlyStop();
        assertNotNull(stop, r.rows()::toString);
        assertEquals(new EarlyStop(10, ErrorClass.HTTP_STATUS, 404,
                "HTTP 404 \"Unknown request URL: POST /v1/nothing. Please check the URL for typos.\""), stop);
        assertTrue(r.outcome.interrupted() && r.outcome.failed());
        // Ten failures, plus at most one per stream in flight when the tenth came back (cancelled then).
        assertTrue(r.rows().size() >= 10 && r.rows().size() <= 12, "attempts: " + r.rows().size());
        // No 500 ms backoff between the first ten: the stop comes as fast as the answers do.
        assertTrue(tookMillis < 5_000, "took " + tookMillis + " ms");
    }

    @Test
    void shouldGoOnWhenTheFirstRequestsFailInDifferentWays() {
        // Every third request succeeds: the failures are not "all the same", so the run goes on to its count.
        Target sometimes = Runs.target(server.baseUrl(), "instant", RequestOverrides.FAULT, "http:status=400@every=3");
        Runs.Recorded r = run(sometimes, new Workload.Closed(1), Runs.requests(15),
                new RetryPolicy(0, Duration.ofMillis(5), Duration.ofMillis(10)), 10);

        assertNull(r.outcome.earlyStop());
        assertEquals(15, r.rows().size());
    }
}
