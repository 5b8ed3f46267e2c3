package io.streambench.driver;

import java.time.Duration;
import java.util.SplittableRandom;

/**
 * When and how long to wait before trying a request again, as the official OpenAI SDKs do: connect
 * failures, resets before any response, and statuses 408, 409, 429 and 5xx are retried; a stream that
 * had started is not (its tokens were already delivered). The server's {@code retry-after-ms}, then
 * {@code retry-after}, wins when it asks for 0 to 60 s; otherwise exponential backoff from
 * {@code initialBackoff}, doubling up to {@code maxBackoff}, minus up to 25 % jitter.
 *
 * <pre>{@code
 * if (policy.retries(errorClass, status, responseStarted) && attempt <= policy.maxRetries()) {
 *     long waitNanos = policy.backoffNanos(attempt, retryAfterNanos, random);
 * }
 * }</pre>
 *
 * @param maxRetries     retries after the first attempt (0 = never retry)
 * @param initialBackoff wait before the first retry without a server hint
 * @param maxBackoff     ceiling of the exponential wait
 */
public record RetryPolicy(int maxRetries, Duration initialBackoff, Duration maxBackoff) {

    /** Longest server-requested wait that is honoured; longer hints fall back to backoff. */
    private static final long MAX_HINT_NANOS = Duration.ofSeconds(60).toNanos();

    /** Two retries, 0.5 s doubling to 8 s: the OpenAI SDKs' defaults. */
    public static final RetryPolicy DEFAULTS = new RetryPolicy(2, Duration.ofMillis(500), Duration.ofSeconds(8));

    public RetryPolicy {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("retries must be >= 0, got " + maxRetries);
        }
        if (initialBackoff == null || initialBackoff.isNegative()) {
            throw new IllegalArgumentException("initial backoff must be >= 0, got " + initialBackoff);
        }
        if (maxBackoff == null || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("max backoff must be >= initial backoff, got " + maxBackoff);
        }
    }

    /** Whether an attempt that ended this way may be retried. */
    public boolean retries(ErrorClass error, int status, boolean streamStarted) {
        return switch (error) {
            case CONNECT -> true;
            case RESET -> !streamStarted;
            case HTTP_STATUS -> status == 408 || status == 409 || status == 429 || status >= 500;
            default -> false;
        };
    }

    /**
     * The wait before retry number {@code retry} (1 for the first retry), in ns.
     *
     * @param retryAfterNanos the server's hint, or a negative value for none
     */
    public long backoffNanos(int retry, long retryAfterNanos, SplittableRandom random) {
        if (hinted(retryAfterNanos)) {
            return retryAfterNanos;
        }
        return exponentialNanos(retry, random);
    }

    /**
     * How long a closed-loop stream waits after its request failed (retries included) before it sends the next
     * one: the backoff of retry number {@code consecutiveFailures}, or the server's hint when that is longer.
     * Unlike a retry's wait, a shorter hint never shortens it, so failures never come faster than the backoff.
     *
     * @param consecutiveFailures the stream's failed requests in a row, this one included (1 or more)
     * @param retryAfterNanos     the last attempt's hint, or a negative value for none
     */
    public long pauseNanos(int consecutiveFailures, long retryAfterNanos, SplittableRandom random) {
        long backoff = exponentialNanos(consecutiveFailures, random);
        return hinted(retryAfterNanos) ? Math.max(backoff, retryAfterNanos) : backoff;
    }

    private static boolean hinted(long retryAfterNanos) {
        return retryAfterNanos >= 0 && retryAfterNanos <= MAX_HINT_NANOS;
    }

    /** {@code initialBackoff} doubled per step up to {@code maxBackoff}, minus up to 25 % jitter. */
    private long exponentialNanos(int step, SplittableRandom random) {
        double exponential = initialBackoff.toNanos() * Math.pow(2, Math.min(62, Math.max(0, step - 1)));
        double capped = Math.min(exponential, maxBackoff.toNanos());
        return (long) (capped * (1 - 0.25 * random.nextDouble()));
    }
}
