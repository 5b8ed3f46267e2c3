package io.streambench.client.flush;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * When a UI shows text that has arrived: the rule a {@link Flusher} applies. The common recipe is
 * {@link Hybrid}: flush when 50 ms have passed since the last flush or when more than 100
 * characters are waiting. Characters are UTF-16 chars ({@code CharSequence.length()}).
 *
 * <p>Time-based rules can only act when something calls the flusher: new text, or
 * {@link Flusher#tick()} from a timer on the stream's event loop. Without ticks, text that
 * arrives just before a pause waits for the next chunk or the end of the stream.
 */
public sealed interface FlushPolicy {

    /** The names {@link #named} knows, for the CLI and reports. */
    List<String> NAMES = List.of("immediate", "interval", "size", "hybrid", "read-batch");

    /** The usual interval of the common recipe. */
    Duration DEFAULT_INTERVAL = Duration.ofMillis(50);

    /** The usual size threshold of the common recipe: flush when more than this many chars wait. */
    int DEFAULT_MAX_CHARS = 100;

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

    /** The policy's name in {@link #NAMES}. */
    String name();

    /** A policy by name, with the common recipe's interval and size. */
    static FlushPolicy named(String name) {
        return switch (name) {
            case "immediate" -> new Immediate();
            case "interval" -> new Interval(DEFAULT_INTERVAL);
            case "size" -> new Size(DEFAULT_MAX_CHARS);
            case "hybrid" -> new Hybrid(DEFAULT_INTERVAL, DEFAULT_MAX_CHARS);
            case "read-batch" -> new ReadBatch();
            default -> throw new IllegalArgumentException("unknown flush policy=" + name + ", known=" + NAMES);
        };
    }

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
