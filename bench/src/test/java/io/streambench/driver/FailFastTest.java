package io.streambench.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FailFastTest {

    private static final String NOT_FOUND = "status=404 {\"error\":{\"message\":\"Unknown request URL: POST /v1\"}}";

    @Test
    void shouldStopOnTheNthRequestThatFailedTheSameWayAndNotBefore() {
        FailFast failFast = new FailFast(3);

        assertNull(failFast.requestEnded(ErrorClass.HTTP_STATUS, 404, NOT_FOUND, false));
        assertNull(failFast.requestEnded(ErrorClass.HTTP_STATUS, 404, NOT_FOUND, false));
        assertTrue(failFast.deciding());
        EarlyStop stop = failFast.requestEnded(ErrorClass.HTTP_STATUS, 404, NOT_FOUND, false);

        assertEquals(new EarlyStop(3, ErrorClass.HTTP_STATUS, 404, "HTTP 404 \"Unknown request URL: POST /v1\""), stop);
        assertFalse(failFast.deciding());
        assertNull(failFast.requestEnded(ErrorClass.HTTP_STATUS, 404, NOT_FOUND, false), "decided once");
    }

    @ParameterizedTest
    @ValueSource(ints = {408, 409, 429, 500, 503})
    void shouldNeverStopOnAStatusThatRetryingOrWaitingCanChange(int status) {
        FailFast failFast = new FailFast(1);

        assertNull(failFast.requestEnded(ErrorClass.HTTP_STATUS, status, "status=" + status, false));
        assertFalse(failFast.deciding());
    }

    @Test
    void shouldGoOnOnceOneRequestSucceededOrFailedAnotherWay() {
        FailFast succeeded = new FailFast(2);
        succeeded.requestEnded(ErrorClass.NONE, 200, null, false);
        assertNull(succeeded.requestEnded(ErrorClass.HTTP_STATUS, 404, NOT_FOUND, false));
        assertNull(succeeded.requestEnded(ErrorClass.HTTP_STATUS, 404, NOT_FOUND, false));

        FailFast mixed = new FailFast(2);
        mixed.requestEnded(ErrorClass.HTTP_STATUS, 404, NOT_FOUND, false);
        assertNull(mixed.requestEnded(ErrorClass.HTTP_STATUS, 401, "status=401", false));
        assertFalse(mixed.deciding());
    }

    @Test
    void shouldStopOnRefusedConnectionsTlsAndNonStreamsButNotOnConnectTimeouts() {
        FailFast refused = new FailFast(2);
        refused.requestEnded(ErrorClass.CONNECT, 0, "connection refused by h:1", true);
        assertEquals(ErrorClass.CONNECT, refused.requestEnded(ErrorClass.CONNECT, 0, "connection refused by h:1", true)
                .error());

        FailFast tls = new FailFast(1);
        assertEquals(ErrorClass.TLS, tls.requestEnded(ErrorClass.TLS, 0, "tls handshake: x", false).error());

        FailFast notSse = new FailFast(1);
        assertEquals(ErrorClass.NOT_SSE, notSse.requestEnded(ErrorClass.NOT_SSE, 200,
                "status=200 content-type=\"application/json\" {}", false).error());

        FailFast timeout = new FailFast(1);
        assertNull(timeout.requestEnded(ErrorClass.CONNECT, 0, "connection timed out", false));
    }

    @Test
    void shouldIgnoreCancelledRequestsAndNeverDecideWhenOff() {
        FailFast failFast = new FailFast(2);
        failFast.requestEnded(ErrorClass.HTTP_STATUS, 404, NOT_FOUND, false);
        assertNull(failFast.requestEnded(ErrorClass.CANCELLED, 0, "run stopped", false));
        assertTrue(failFast.deciding());

        FailFast off = new FailFast(0);
        assertFalse(off.deciding());
        assertNull(off.requestEnded(ErrorClass.HTTP_STATUS, 404, NOT_FOUND, false));
        assertThrows(IllegalArgumentException.class, () -> new FailFast(-1));
    }

    @Test
    void shouldPauseAtLeastTheBackoffAndHonourALongerRetryAfter() {
        RetryPolicy policy = new RetryPolicy(2, java.time.Duration.ofMillis(500), java.time.Duration.ofSeconds(8));
        java.util.SplittableRandom random = new java.util.SplittableRandom(1);

        for (int failures = 1; failures <= 6; failures++) {
            double backoff = Math.min(500e6 * Math.pow(2, failures - 1), 8e9);
            long pause = policy.pauseNanos(failures, RetryAfter.NONE, random);
            assertTrue(pause >= 0.75 * backoff && pause <= backoff, failures + ": " + pause);
            // A retry-after of 0 (or shorter than the backoff) never shortens the wait; a longer one wins.
            assertTrue(policy.pauseNanos(failures, 0, random) >= 0.75 * backoff);
        }
        assertEquals(20_000_000_000L, policy.pauseNanos(1, 20_000_000_000L, random));
    }
}
