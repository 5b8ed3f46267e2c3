package io.streambench.driver;

import java.time.Duration;

/**
 * When each stage stops sending: after {@code duration} or {@code requests} measured requests, whichever
 * comes first (at least one of them is set). Requests in flight at that moment are allowed to finish.
 * The {@code warmup} runs first in every stage and is excluded from the results.
 *
 * @param duration measured time per stage, or null for no time bound
 * @param requests measured requests per stage, or 0 for no count bound
 * @param warmup   time at the start of each stage whose requests are not measured (may be zero)
 */
public record Bounds(Duration duration, long requests, Duration warmup) {

    public Bounds {
        if (duration == null && requests == 0) {
            throw new IllegalArgumentException("set a duration or a number of requests");
        }
        if (duration != null && (duration.isNegative() || duration.isZero())) {
            throw new IllegalArgumentException("duration must be > 0, got " + duration);
        }
        if (requests < 0) {
            throw new IllegalArgumentException("requests must be >= 0, got " + requests);
        }
        if (warmup == null || warmup.isNegative()) {
            throw new IllegalArgumentException("warmup must be >= 0, got " + warmup);
        }
    }
}
