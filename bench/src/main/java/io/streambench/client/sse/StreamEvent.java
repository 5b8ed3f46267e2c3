package io.streambench.client.sse;

import java.util.Objects;

/**
 * One {@link SseListener} call as a value, for tests, traces and anything that keeps events.
 * {@link EventRecorder} turns listener calls into these.
 */
public sealed interface StreamEvent {

    /** {@code System.nanoTime()} of the read that completed the event. */
    long arrivalNanos();

    /** {@code delta.role} of choice {@code choice}. */
    record Role(int choice, String role, long arrivalNanos) implements StreamEvent {
        public Role {
            Objects.requireNonNull(role, "role");
        }
    }

    /** Non-empty {@code delta.content} of choice {@code choice}. */
    record Content(int choice, String text, long arrivalNanos) implements StreamEvent {
        public Content {
            Objects.requireNonNull(text, "text");
        }
    }

    /** One tool-call fragment; {@code id}, {@code name} and {@code arguments} may be null. */
    record ToolCall(int choice, int toolIndex, String id, String name, String arguments, long arrivalNanos)
            implements StreamEvent {
    }

    /** {@code finish_reason} of choice {@code choice}. */
    record Finish(int choice, String reason, long arrivalNanos) implements StreamEvent {
        public Finish {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The {@code usage} object. */
    record Usage(long promptTokens, long completionTokens, long totalTokens, long arrivalNanos)
            implements StreamEvent {
    }

    /** An error event. */
    record Error(StreamError error, long arrivalNanos) implements StreamEvent {
        public Error {
            Objects.requireNonNull(error, "error");
        }
    }

    /** {@code data: [DONE]}. */
    record Done(long arrivalNanos) implements StreamEvent {
    }

    /** A comment line. */
    record Comment(String text, long arrivalNanos) implements StreamEvent {
        public Comment {
            Objects.requireNonNull(text, "text");
        }
    }
}
