package io.streambench.driver;

import java.util.concurrent.atomic.LongAdder;

/**
 * A stage's three phases on the clock, and what arrived and ended in each: the warmup (from the stage's start
 * for {@code --warmup}), the measured window (from the end of the warmup until the stage stops sending: the
 * {@code --duration} deadline, the moment {@code --requests} is reached, or a stop) and the drain (until the
 * last request in flight has ended). Rates divide what the window holds by the window's length, so requests
 * finishing after the load stopped neither stretch the denominator nor shrink the rate.
 *
 * <p>Output tokens, chunks and bytes count at their arrival time (the read's timestamp), requests at the
 * moment they ended for good. Counting is wait-free and allocation-free ({@link LongAdder}, one per phase and
 * figure), from any event loop.
 *
 * <pre>{@code
 * window.arrived(tokens, arrivalNanos);     // event loop, per content event
 * window.endWindow(System.nanoTime());      // when the stage stops sending
 * StageWindow.Figures f = window.figures(); // after the stage ended
 * }</pre>
 */
public final class StageWindow {

    private static final int WARMUP = 0;
    private static final int WINDOW = 1;
    private static final int DRAIN = 2;

    private final long startNanos;
    private final long windowStartNanos;
    private final long plannedNanos;
    private volatile long windowEndNanos;
    private volatile boolean windowEndKnown;
    private volatile long stageEndNanos;
    private volatile boolean stageEnded;
    private final LongAdder[] requests = adders();
    private final LongAdder[] succeeded = adders();
    private final LongAdder[] tokens = adders();
    private final LongAdder[] chunks = adders();
    private final LongAdder[] bytes = adders();

    /**
     * @param startNanos     the stage's start
     * @param warmupNanos    length of its warmup
     * @param durationNanos  length of its measured window when bounded by time, else a negative value (the
     *                       window then ends at {@link #endWindow})
     */
    public StageWindow(long startNanos, long warmupNanos, long durationNanos) {
        this.startNanos = startNanos;
        this.windowStartNanos = startNanos + warmupNanos;
        this.plannedNanos = durationNanos;
        if (durationNanos >= 0) {
            windowEndNanos = windowStartNanos + durationNanos;
            windowEndKnown = true;
        }
    }

    private static LongAdder[] adders() {
        return new LongAdder[] {new LongAdder(), new LongAdder(), new LongAdder()};
    }

    /** The phase an instant falls in: warmup, window or drain. */
    private int phase(long nanos) {
        if (nanos - windowStartNanos < 0) {
            return WARMUP;
        }
        return windowEndKnown && nanos - windowEndNanos >= 0 ? DRAIN : WINDOW;
    }

    /** Whether {@code nanos} falls in the measured window (as known now: a stop may end it earlier later). */
    public boolean inWindow(long nanos) {
        return phase(nanos) == WINDOW;
    }

    /** The start of the measured window. */
    public long windowStartNanos() {
        return windowStartNanos;
    }

    /** The window's length when bounded by time (as given at start), else -1. */
    public long plannedNanos() {
        return plannedNanos < 0 ? -1 : plannedNanos;
    }

    /** One content (or tool-call) event with its estimated tokens arrived. */
    public void arrived(long tokenCount, long arrivalNanos) {
        int p = phase(arrivalNanos);
        tokens[p].add(tokenCount);
        chunks[p].increment();
    }

    /**
     * The server's usage chunk arrived: {@code delta} (exact minus what was counted for this attempt) goes
     * to the phase of its arrival, so that totals equal the server's counts.
     */
    public void corrected(long delta, long arrivalNanos) {
        if (delta != 0) {
            tokens[phase(arrivalNanos)].add(delta);
        }
    }

    /** Body bytes of one read arrived. */
    public void read(long byteCount, long arrivalNanos) {
        bytes[phase(arrivalNanos)].add(byteCount);
    }

    /** A request ended for good (success, final failure or cancel). */
    public void ended(boolean ok, long nanos) {
        int p = phase(nanos);
        requests[p].increment();
        if (ok) {
            succeeded[p].increment();
        }
    }

    /** The stage stops sending at {@code nanos} (only an earlier end than the one known counts). */
    public synchronized void endWindow(long nanos) {
        long end = nanos - windowStartNanos < 0 ? windowStartNanos : nanos;
        if (!windowEndKnown || end - windowEndNanos < 0) {
            windowEndNanos = end;
            windowEndKnown = true;
        }
    }

    /** The last request of the stage ended (or was cancelled) at {@code nanos}. */
    public synchronized void endStage(long nanos) {
        endWindow(nanos);
        stageEndNanos = nanos;
        stageEnded = true;
    }

    /** Output tokens that arrived so far, all phases. */
    public long tokens() {
        return sum(tokens);
    }

    /** Content events that arrived so far, all phases. */
    public long chunks() {
        return sum(chunks);
    }

    /** Body bytes that arrived so far, all phases. */
    public long bytes() {
        return sum(bytes);
    }

    private static long sum(LongAdder[] adders) {
        return adders[0].sum() + adders[1].sum() + adders[2].sum();
    }

    /** The phases' lengths and tallies; call after {@link #endStage} (before it, up to now). */
    public synchronized Figures figures() {
        long end = stageEnded ? stageEndNanos : System.nanoTime();
        long windowFrom = end - windowStartNanos < 0 ? end : windowStartNanos;
        long windowTo = windowEndKnown && windowEndNanos - end < 0 ? windowEndNanos : end;
        if (windowTo - windowFrom < 0) {
            windowTo = windowFrom;
        }
        return new Figures(seconds(windowFrom - startNanos), seconds(windowTo - windowFrom), seconds(end - windowTo),
                counts(WARMUP), counts(WINDOW), counts(DRAIN));
    }

    private Counts counts(int p) {
        return new Counts(requests[p].sum(), succeeded[p].sum(), tokens[p].sum(), chunks[p].sum(), bytes[p].sum());
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    /**
     * What one phase holds.
     *
     * @param requests  requests that ended for good in it (success, final failure or cancel)
     * @param succeeded of those, the ones whose last attempt succeeded
     * @param tokens    output tokens that arrived in it (estimates per event, corrected by the usage chunk)
     * @param chunks    content and tool-call events that arrived in it
     * @param bytes     response body bytes that arrived in it
     */
    public record Counts(long requests, long succeeded, long tokens, long chunks, long bytes) {

        /** The sum of two tallies (several drivers' windows). */
        public Counts plus(Counts other) {
            return new Counts(requests + other.requests, succeeded + other.succeeded, tokens + other.tokens,
                    chunks + other.chunks, bytes + other.bytes);
        }
    }

    /**
     * A stage's phases: lengths in seconds and tallies.
     *
     * @param warmupSeconds from the stage's start to the end of its warmup
     * @param windowSeconds the measured window: end of warmup to the moment the stage stopped sending
     * @param drainSeconds  from then until the last request in flight ended
     */
    public record Figures(double warmupSeconds, double windowSeconds, double drainSeconds, Counts warmup,
            Counts window, Counts drain) {

        /** Requests that succeeded within the window, per second of window; NaN for an empty window. */
        public double requestsPerSecond() {
            return windowSeconds > 0 ? window.succeeded() / windowSeconds : Double.NaN;
        }

        /** Output tokens that arrived within the window, per second of window; NaN for an empty window. */
        public double tokensPerSecond() {
            return windowSeconds > 0 ? window.tokens() / windowSeconds : Double.NaN;
        }
    }
}
