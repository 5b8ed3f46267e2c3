package io.streambench.client.sse;

import java.util.Objects;

/**
 * One {@link SseListener} call as a value, for tests, traces and anything that keeps events.
 * {@link EventRecorder} turns listener calls into these.
 */
public sealed interface StreamEvent {

    /** {@code System.nanoTime()} of the read that completed the event. */
    long arrivalNanos();

    /** The role of choice {@code choice} ({@link SseListener#onRole}). */
    record Role(int choice, String role, long arrivalNanos) implements StreamEvent {
        public Role {
            Objects.requireNonNull(role, "role");
        }
    }

    /** A non-empty piece of reasoning of choice {@code choice}. */
    record Reasoning(int choice, String text, long arrivalNanos) implements StreamEvent {
        public Reasoning {
            Objects.requireNonNull(text, "text");
        }
    }

    /** A non-empty piece of the answer's text of choice {@code choice}. */
    record Content(int choice, String text, long arrivalNanos) implements StreamEvent {
        public Content {
            Objects.requireNonNull(text, "text");
        }
    }

    /** One tool-call fragment; {@code id}, {@code name} and {@code arguments} may be null. */
    record ToolCall(int choice, int toolIndex, String id, String name, String arguments, long arrivalNanos)
            implements StreamEvent {
    }

    /** The finish reason of choice {@code choice}. */
    record Finish(int choice, String reason, long arrivalNanos) implements StreamEvent {
        public Finish {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Token counts ({@link TokenUsage}, copied). */
    record Usage(TokenUsage.Source source, long promptTokens, long outputTokens, long reasoningTokens,
                 long cachedTokens, long totalTokens, long arrivalNanos) implements StreamEvent {
        public Usage {
            Objects.requireNonNull(source, "source");
        }

        /** A copy of the view {@code usage}. */
        public static Usage of(TokenUsage usage, long arrivalNanos) {
            return new Usage(usage.source(), usage.promptTokens(), usage.outputTokens(), usage.reasoningTokens(),
                    usage.cachedTokens(), usage.totalTokens(), arrivalNanos);
        }
    }

    /** An error event. */
    record Error(StreamError error, long arrivalNanos) implements StreamEvent {
        public Error {
            Objects.requireNonNull(error, "error");
        }
    }

    /** The end of the stream, as the stream said it. */
    record End(StreamEnd end, long arrivalNanos) implements StreamEvent {
        public End {
            Objects.requireNonNull(end, "end");
        }
    }

    /** A comment line. */
    record Comment(String text, long arrivalNanos) implements StreamEvent {
        public Comment {
            Objects.requireNonNull(text, "text");
        }
    }
}
