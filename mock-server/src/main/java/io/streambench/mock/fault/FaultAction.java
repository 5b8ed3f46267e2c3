package io.streambench.mock.fault;

/**
 * What a fault does. Each action has a {@link #kind()} (its name in the header grammar and on
 * {@code /stats}) and a {@link #phase()}: before the response head, for the whole stream, or at one
 * point in the stream.
 */
public sealed interface FaultAction {

    /** When an action takes effect. */
    enum Phase {
        /** Instead of or before the response head: HTTP errors, slow headers. */
        BEFORE_HEADERS,
        /** Changes how the whole stream is written: fragmentation, bursts, missing finish or [DONE]. */
        WHOLE_STREAM,
        /** At one point of the stream, given by {@code after_chunks} / {@code after_ms}. */
        MID_STREAM
    }

    /** The action's name in {@code x-mock-fault} and on {@code /stats}. */
    String kind();

    /** When it takes effect. */
    Phase phase();

    /** An HTTP error instead of the stream, with the OpenAI error body and optional retry headers. */
    record HttpError(int status, Long retryAfterSeconds, Long retryAfterMs, Boolean shouldRetry)
            implements FaultAction {
        public HttpError {
            if (status < 400 || status > 599) {
                throw new IllegalArgumentException("http status must be 400..599, got " + status);
            }
        }

        @Override
        public String kind() {
            return "http";
        }

        @Override
        public Phase phase() {
            return Phase.BEFORE_HEADERS;
        }
    }

    /** The response head (and so the whole stream) starts {@code millis} late. */
    record SlowHeaders(long millis) implements FaultAction {
        @Override
        public String kind() {
            return "slow_headers";
        }

        @Override
        public Phase phase() {
            return Phase.BEFORE_HEADERS;
        }
    }

    /**
     * The API's mid-stream error event ({@code data: {"error": {...}}} in chat completions), then the stream ends
     * cleanly, without its end marker. A null {@code message} or {@code type} means the API's own (each wire
     * format has its usual one: {@code server_error}, Anthropic's {@code overloaded_error}, ...).
     */
    record ErrorEvent(String message, String type, String code) implements FaultAction {
        @Override
        public String kind() {
            return "error_event";
        }

        @Override
        public Phase phase() {
            return Phase.MID_STREAM;
        }
    }

    /** An abrupt TCP reset (SO_LINGER 0, then close). */
    record Reset() implements FaultAction {
        @Override
        public String kind() {
            return "reset";
        }

        @Override
        public Phase phase() {
            return Phase.MID_STREAM;
        }
    }

    /** The connection closes without the chunked terminator: a truncated body. */
    record Close() implements FaultAction {
        @Override
        public String kind() {
            return "close";
        }

        @Override
        public Phase phase() {
            return Phase.MID_STREAM;
        }
    }

    /** The stream ends cleanly (chunked terminator) but never sends {@code data: [DONE]}. */
    record NoDone() implements FaultAction {
        @Override
        public String kind() {
            return "no_done";
        }

        @Override
        public Phase phase() {
            return Phase.WHOLE_STREAM;
        }
    }

    /** The stream sends {@code [DONE]} without the finish chunk (and without the usage chunk). */
    record NoFinish() implements FaultAction {
        @Override
        public String kind() {
            return "no_finish";
        }

        @Override
        public Phase phase() {
            return Phase.WHOLE_STREAM;
        }
    }

    /**
     * The stream stops sending while the connection stays open: for {@code millis} (then it resumes,
     * keeping its spacing) or forever ({@code millis < 0}), optionally with {@code : ping} comments.
     */
    record Stall(long millis, long pingMillis) implements FaultAction {
        @Override
        public String kind() {
            return "stall";
        }

        @Override
        public Phase phase() {
            return Phase.MID_STREAM;
        }
    }

    /** One bad event: JSON cut in the middle, or invalid UTF-8 in the content. The stream goes on. */
    record Malformed(Variant variant) implements FaultAction {
        /** Which way the event is broken. */
        public enum Variant { TRUNCATED, UTF8 }

        @Override
        public String kind() {
            return "malformed";
        }

        @Override
        public Phase phase() {
            return Phase.MID_STREAM;
        }
    }

    /** The events of one step are sent twice. */
    record Duplicate() implements FaultAction {
        @Override
        public String kind() {
            return "duplicate";
        }

        @Override
        public Phase phase() {
            return Phase.MID_STREAM;
        }
    }

    /** Every write split into many: single bytes, random sizes, or inside each multi-byte UTF-8 character. */
    record Fragment(Mode mode) implements FaultAction {
        /** How writes are split. */
        public enum Mode { BYTES, RANDOM, UTF8 }

        @Override
        public String kind() {
            return "fragment";
        }

        @Override
        public Phase phase() {
            return Phase.WHOLE_STREAM;
        }
    }

    /** The opposite of fragmentation: {@code events} events are held and flushed in one write. */
    record Burst(int events) implements FaultAction {
        public Burst {
            if (events < 2) {
                throw new IllegalArgumentException("burst events must be >= 2, got " + events);
            }
        }

        @Override
        public String kind() {
            return "burst";
        }

        @Override
        public Phase phase() {
            return Phase.WHOLE_STREAM;
        }
    }
}
