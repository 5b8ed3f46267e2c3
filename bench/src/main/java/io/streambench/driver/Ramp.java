package io.streambench.driver;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

/**
 * Starts a closed loop's streams spread over its ramp-up instead of all at once.
 *
 * <p>Why: streams that start together against a server with constant timing (the mock's {@code paced}: a first
 * token at 200 ms, then one every 20 ms) stay in lockstep for the whole run, since each new request goes out when
 * the one before ends, at an event time. Every 20 ms all of them then want their event written and read in the
 * same instant, and each new first token falls in such a burst: on a 2-core machine at 256 streams the median
 * time to first token read about 1 ms over the mock's 200 ms and its p90 3 to 8 ms, against 0.2 and 0.6 ms with
 * the streams spread over a second (same throughput; the machine was three-quarters idle either way). Real servers
 * jitter, which breaks a lockstep after a while; a thundering herd at a stage's start is still nothing a user
 * meant to measure.
 *
 * <p>Offsets are a low-discrepancy sequence (stream {@code i} at the fractional part of {@code i} times the golden
 * ratio, of the ramp): evenly spread at any count, and never a whole number of any server period apart, as evenly
 * spaced offsets are when the ramp divided by the streams equals it.
 */
final class Ramp {

    private static final double GOLDEN_FRACTION = 0.6180339887498949;

    private Ramp() {
    }

    /** When each of {@code streams} streams starts, in nanoseconds after the ramp's start, ascending; 0 first. */
    static long[] offsets(int streams, Duration ramp) {
        long[] at = new long[streams];
        long nanos = ramp.toNanos();
        for (int i = 0; i < streams; i++) {
            at[i] = (long) (((i * GOLDEN_FRACTION) % 1.0) * nanos);
        }
        Arrays.sort(at);
        return at;
    }

    /**
     * Calls {@code start} for streams 0 to {@code streams - 1}, each at its offset after now (this thread waits in
     * between); once {@code stopped} says so, the rest are started at once (a stopped stage lets each count itself
     * finished).
     */
    static void startSpread(int streams, Duration ramp, BooleanSupplier stopped, IntConsumer start) {
        long origin = System.nanoTime();
        long[] at = offsets(streams, ramp);
        for (int i = 0; i < streams; i++) {
            long wait;
            while (!stopped.getAsBoolean() && (wait = origin + at[i] - System.nanoTime()) > 0) {
                LockSupport.parkNanos(Math.min(wait, 10_000_000L));
            }
            start.accept(i);
        }
    }
}
