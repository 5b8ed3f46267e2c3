package io.streambench.mock.profile;

/**
 * When the server flushes written events to the socket. Flushing each event gives the lowest latency;
 * batching trades latency for throughput (one write syscall carries many events), as gateways do.
 *
 * <p>Text form: {@code each}, {@code every:N}, {@code window:MS}.
 */
public sealed interface FlushPolicy {

    /** Flush after every event (default, what OpenAI-style servers do). */
    record EachEvent() implements FlushPolicy {
        @Override
        public String toString() {
            return "each";
        }
    }

    /** Flush once {@code events} events are waiting (and at the end of the stream). */
    record EveryN(int events) implements FlushPolicy {
        public EveryN {
            if (events < 1) {
                throw new IllegalArgumentException("flush every:N needs N >= 1, got " + events);
            }
        }

        @Override
        public String toString() {
            return "every:" + events;
        }
    }

    /** Flush at most once per {@code millis} window: a written event waits at most that long. */
    record Window(double millis) implements FlushPolicy {
        public Window {
            if (!(millis > 0) || !Double.isFinite(millis)) {
                throw new IllegalArgumentException("flush window:MS needs MS > 0, got " + millis);
            }
        }

        @Override
        public String toString() {
            return "window:" + millis;
        }
    }

    /** Parses the text form. */
    static FlushPolicy parse(String text) {
        String s = text == null ? "" : text.trim();
        if (s.equals("each")) {
            return new EachEvent();
        }
        try {
            if (s.startsWith("every:")) {
                return new EveryN(Integer.parseInt(s.substring(6).trim()));
            }
            if (s.startsWith("window:")) {
                return new Window(Double.parseDouble(s.substring(7).trim()));
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad number in flush policy '" + text + "'");
        }
        throw new IllegalArgumentException("unknown flush policy '" + text + "' (each, every:N, window:MS)");
    }
}
