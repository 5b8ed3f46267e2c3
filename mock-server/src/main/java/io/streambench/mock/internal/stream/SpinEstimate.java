package io.streambench.mock.internal.stream;

/**
 * How early a {@link Pacer} sets its timer for an exact deadline (a stream's first event) so that, after spinning
 * the rest, it is on time: one and a half times the timer's recent lateness plus 20 µs, within 20 µs and 1 ms.
 *
 * <p>The lateness is learnt per length of sleep, because it depends on it: on the 2-core VM this was measured on,
 * a timer fired about 0.4 ms late after a 200 ms sleep, 0.17 ms after 20 ms, and little on a busy loop that never
 * slept long. One average for all made a loop that had served 256 streams (short sleeps, timers on time) spin too
 * little for the next first tokens at one stream, each 200 ms apart: they were about 0.3 ms late until the average
 * had caught up, a dozen requests later. It rises fast (halfway per wake-up) and falls slowly (an eighth), so that
 * one early wake-up does not undo what several late ones taught. Confined to the pacer's event loop.
 */
final class SpinEstimate {

    static final long MIN_SPIN_NANOS = 20_000;
    static final long MAX_SPIN_NANOS = 1_000_000;
    /** Upper bounds of the sleep lengths learnt apart (the last bucket holds every longer sleep). */
    private static final long[] SLEEP_BOUNDS = {1_000_000L, 10_000_000L, 100_000_000L};

    private final long[] latenessNanos = new long[SLEEP_BOUNDS.length + 1];

    SpinEstimate() {
        java.util.Arrays.fill(latenessNanos, 60_000);
    }

    /** How early to set the timer for a deadline {@code sleepNanos} away. */
    long spinNanos(long sleepNanos) {
        return Math.max(MIN_SPIN_NANOS, Math.min(MAX_SPIN_NANOS,
                latenessNanos[bucket(sleepNanos)] * 3 / 2 + MIN_SPIN_NANOS));
    }

    /** A timer set {@code sleptNanos} ahead fired {@code lateNanos} after its time. */
    void learn(long sleptNanos, long lateNanos) {
        int b = bucket(sleptNanos);
        long late = Math.max(0, Math.min(lateNanos, 2 * MAX_SPIN_NANOS));
        latenessNanos[b] += late > latenessNanos[b] ? (late - latenessNanos[b]) / 2 : (late - latenessNanos[b]) / 8;
    }

    private static int bucket(long sleepNanos) {
        int b = 0;
        while (b < SLEEP_BOUNDS.length && sleepNanos >= SLEEP_BOUNDS[b]) {
            b++;
        }
        return b;
    }
}
