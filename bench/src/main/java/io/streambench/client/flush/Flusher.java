package io.streambench.client.flush;

import java.util.Arrays;
import java.util.Objects;

/**
 * Holds the text a UI has received but not shown yet, and shows it when its {@link FlushPolicy}
 * says so, recording for every character the delay from its arrival to its flush.
 *
 * <pre>{@code
 * DelaySink delays = DelaySink.into(new Histogram(TimeUnit.MINUTES.toNanos(10), 3));
 * Flusher flusher = new Flusher(FlushStrategy.HYBRID.policy(), NanoClock.SYSTEM, screen::append, delays);
 * // SseListener.onContent:   flusher.onText(text, arrivalNanos);
 * // after each network read: flusher.onReadComplete();
 * // a 10 ms event-loop timer: flusher.tick();
 * // on [DONE], error, cancel: flusher.end(StreamEnd.FINISH);
 * }</pre>
 *
 * <p>One per stream, on the stream's thread. Adding text allocates nothing once the buffers have
 * grown to the largest batch the policy lets wait.
 */
public final class Flusher {

    private final FlushPolicy policy;
    private final NanoClock clock;
    private final FlushSink sink;
    private final DelaySink arrivalToFlushNanos;
    private final StringBuilder pending = new StringBuilder(256);
    // Waiting text as runs of characters that arrived together: arrival time and length.
    private long[] runArrivals = new long[16];
    private int[] runLengths = new int[16];
    private int runs;
    private long lastFlushNanos;
    private long flushes;
    private long characters;
    private StreamEnd end;

    /**
     * @param arrivalToFlushNanos where each character's delay is recorded; may be shared by the
     *                            flushers of one thread
     */
    public Flusher(FlushPolicy policy, NanoClock clock, FlushSink sink, DelaySink arrivalToFlushNanos) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.arrivalToFlushNanos = Objects.requireNonNull(arrivalToFlushNanos, "arrivalToFlushNanos");
        // "Since the last flush" counts from the start of the stream before the first flush.
        this.lastFlushNanos = clock.nanoTime();
    }

    /** New content text; {@code text} may be a view, it is copied. Ignored after {@link #end}. */
    public void onText(CharSequence text, long arrivalNanos) {
        if (end != null || text.length() == 0) {
            return;
        }
        append(text, arrivalNanos);
        long now = clock.nanoTime();
        if (policy.flushOnText(pending.length(), now - lastFlushNanos)) {
            flush(now);
        }
    }

    /** The network read that delivered the latest text has been fully parsed. */
    public void onReadComplete() {
        if (end == null && policy.flushOnReadComplete()) {
            flush(clock.nanoTime());
        }
    }

    /** A timer tick: lets time-based policies flush between chunks. */
    public void tick() {
        if (end == null && runs > 0) {
            long now = clock.nanoTime();
            if (policy.flushOnTick(pending.length(), now - lastFlushNanos)) {
                flush(now);
            }
        }
    }

    /** The stream ended: shows what waits, whatever the policy. Later calls are ignored. */
    public void end(StreamEnd how) {
        Objects.requireNonNull(how, "how");
        if (end == null) {
            flush(clock.nanoTime());
            end = how;
        }
    }

    public FlushStats stats() {
        return new FlushStats(policy.name(), flushes, characters, pending.length(), end);
    }

    private void append(CharSequence text, long arrivalNanos) {
        pending.append(text);
        if (runs > 0 && runArrivals[runs - 1] == arrivalNanos) {
            runLengths[runs - 1] += text.length();
            return;
        }
        if (runs == runArrivals.length) {
            runArrivals = Arrays.copyOf(runArrivals, runs * 2);
            runLengths = Arrays.copyOf(runLengths, runs * 2);
        }
        runArrivals[runs] = arrivalNanos;
        runLengths[runs] = text.length();
        runs++;
    }

    private void flush(long nowNanos) {
        if (runs == 0) {
            return;
        }
        sink.flush(pending, nowNanos);
        for (int r = 0; r < runs; r++) {
            arrivalToFlushNanos.record(Math.max(0, nowNanos - runArrivals[r]), runLengths[r]);
        }
        flushes++;
        characters += pending.length();
        pending.setLength(0);
        runs = 0;
        lastFlushNanos = nowNanos;
    }
}
