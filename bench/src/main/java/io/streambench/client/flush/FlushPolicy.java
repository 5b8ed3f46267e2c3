package io.streambench.client.flush;

import java.time.Duration;
import java.util.Objects;

/**
 * When a UI shows text that has arrived: the rule a {@link Flusher} applies. The common recipe is
 * {@link Hybrid}: flush when 50 ms have passed since the last flush or when more than 100
 * characters are waiting ({@link FlushStrategy} names each rule with those settings). Characters are
 * UTF-16 chars ({@code CharSequence.length()}).
 *
 * <p>Time-based rules can only act when something calls the flusher: new text, or
 * {@link Flusher#tick()} from a timer on the stream's event loop. Without ticks, text that
 * arrives just before a pause waits for the next chunk or the end of the stream.
 *
 * <p>A user's own policy is a class implementing this interface with a public no-argument constructor (one
 * instance serves every stream, so it keeps no state), chosen by its class name or, registered for
 * {@link java.util.ServiceLoader}, by its {@link #name()} ({@link FlushStrategy#policyNamed}).
 */
public interface FlushPolicy {

    /** Whether new text should be flushed now. */
    boolean flushOnText(int pendingChars, long sinceLastFlushNanos);

    /** Whether a timer tick should flush what waits. */
    default boolean flushOnTick(int pendingChars, long sinceLastFlushNanos) {
        return false;
    }

    /** Whether the end of a network read should flush what waits. */
    default boolean flushOnReadComplete() {
        return false;
    }

    /**
     * Whether it acts on time as well as on text, and so needs {@link Flusher#tick()} from a timer to flush text
     * that waits through a pause.
     */
    default boolean timeBased() {
        return false;
    }

    /** The policy's name: the {@link FlushStrategy#label()} of its kind. */
    String name();

    /** Every chunk is shown as it arrives: the lowest delay, the most UI updates. */
    record Immediate() implements FlushPolicy {
        @Override
        public boolean flushOnText(int pendingChars, long sinceLastFlushNanos) {
            return true;
        }

        @Override
        public String name() {
            return "immediate";
        }
    }

    /** Flush when {@code interval} has passed since the last flush (or since the stream started). */
    record Interval(Duration interval) implements FlushPolicy {
        public Interval {
            requirePositive(interval);
        }

        @Override
        public boolean flushOnText(int pendingChars, long sinceLastFlushNanos) {
            return sinceLastFlushNanos >= interval.toNanos();
        }

        @Override
        public boolean flushOnTick(int pendingChars, long sinceLastFlushNanos) {
            return flushOnText(pendingChars, sinceLastFlushNanos);
        }

        @Override
        public boolean timeBased() {
            return true;
        }

        @Override
        public String name() {
            return "interval";
        }
    }

    /** Flush when more than {@code maxChars} characters are waiting. */
    record Size(int maxChars) implements FlushPolicy {
        public Size {
            if (maxChars < 0) {
                throw new IllegalArgumentException("maxChars=" + maxChars + " must not be negative");
            }
        }

        @Override
        public boolean flushOnText(int pendingChars, long sinceLastFlushNanos) {
            return pendingChars > maxChars;
        }

        @Override
        public String name() {
            return "size";
        }
    }

    /** The common recipe: {@link Interval} or {@link Size}, whichever comes first. */
    record Hybrid(Duration interval, int maxChars) implements FlushPolicy {
        public Hybrid {
            requirePositive(interval);
            if (maxChars < 0) {
                throw new IllegalArgumentException("maxChars=" + maxChars + " must not be negative");
            }
        }

        @Override
        public boolean flushOnText(int pendingChars, long sinceLastFlushNanos) {
            return pendingChars > maxChars || sinceLastFlushNanos >= interval.toNanos();
        }

        @Override
        public boolean flushOnTick(int pendingChars, long sinceLastFlushNanos) {
            return sinceLastFlushNanos >= interval.toNanos();
        }

        @Override
        public boolean timeBased() {
            return true;
        }

        @Override
        public String name() {
            return "hybrid";
        }
    }

    /** Flush once per network read, after the parser has taken all its events. */
    record ReadBatch() implements FlushPolicy {
        @Override
        public boolean flushOnText(int pendingChars, long sinceLastFlushNanos) {
            return false;
        }

        @Override
        public boolean flushOnReadComplete() {
            return true;
        }

        @Override
        public String name() {
            return "read-batch";
        }
    }

    private static void requirePositive(Duration interval) {
        Objects.requireNonNull(interval, "interval");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval=" + interval + " must be positive");
        }
    }
}
