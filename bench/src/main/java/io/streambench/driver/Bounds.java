package io.streambench.driver;

import java.time.Duration;

/**
 * When each stage stops sending: after {@code duration} or {@code requests} measured requests, whichever
 * comes first (at least one of them is set). Requests in flight at that moment are allowed to finish.
 * The {@code warmup} runs first in every stage and is excluded from the results; a closed-loop stage starts its
 * streams spread over the ramp-up, which is part of the stage (of its warmup when that is at least as long).
 *
 * @param duration measured time per stage, or null for no time bound
 * @param requests measured requests per stage, or 0 for no count bound
 * @param warmup   time at the start of each stage whose requests are not measured (may be zero)
 * @param rampUp   a closed loop's streams start spread over this time ({@link Ramp}); null for the default,
 *                 {@link #autoRampUp}
 */
public record Bounds(Duration duration, long requests, Duration warmup, Duration rampUp) {

    /** The default ramp-up's share per stream, and its cap. */
    static final Duration AUTO_RAMP_PER_STREAM = Duration.ofMillis(1);
    static final Duration AUTO_RAMP_MAX = Duration.ofSeconds(1);

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
        if (rampUp != null && rampUp.isNegative()) {
            throw new IllegalArgumentException("ramp-up must be >= 0, got " + rampUp);
        }
    }

    /** Bounds whose closed-loop streams all start at once. */
    public Bounds(Duration duration, long requests, Duration warmup) {
        this(duration, requests, warmup, Duration.ZERO);
    }

    /** The ramp-up of a closed-loop stage of {@code streams} streams. */
    public Duration rampUpFor(int streams) {
        return rampUp != null ? rampUp : autoRampUp(streams);
    }

    /**
     * The default ramp-up: a millisecond per stream after the first, at most a second (none for one stream). Enough
     * for streams of a server with constant timing not to send their events in lockstep, short beside a stage.
     */
    public static Duration autoRampUp(int streams) {
        Duration d = AUTO_RAMP_PER_STREAM.multipliedBy(Math.max(0, streams - 1));
        return d.compareTo(AUTO_RAMP_MAX) > 0 ? AUTO_RAMP_MAX : d;
    }
}
