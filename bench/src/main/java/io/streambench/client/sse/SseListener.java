package io.streambench.client.sse;

/**
 * Receives what an {@link SseParser} finds in an OpenAI-compatible {@code chat.completion.chunk} stream.
 *
 * <p>Every call carries {@code arrivalNanos}: the {@code System.nanoTime()} the caller passed with
 * the read whose bytes completed the event. {@code choice} is the choice's {@code index} (it
 * matters when {@code n > 1}).
 *
 * <p>{@link CharSequence} arguments are views that are only valid during the call: parsers that
 * avoid a {@code String} per event reuse the same buffer for the next event. Copy (for example
 * {@code toString()}) anything you keep. Absent optional values are {@code null}.
 *
 * <p>Within one SSE event the order is fixed, whatever the key order in the JSON: for each choice
 * in array order its role, content, tool-call fragments, finish reason; then usage. An event whose
 * JSON has a non-null {@code error} yields only {@link #onError}.
 *
 * <pre>{@code
 * SseParser parser = SseParsers.create("bytes-scan", new SseListener() {
 *     public void onContent(int choice, CharSequence text, long arrivalNanos) {
 *         answer.append(text);
 *     }
 * });
 * }</pre>
 */
public interface SseListener {

    /** {@code delta.role}, usually {@code assistant} on the first chunk. */
    default void onRole(int choice, CharSequence role, long arrivalNanos) {
    }

    /** {@code delta.content}; never called with empty text (the role chunk's {@code ""} is not content). */
    default void onContent(int choice, CharSequence text, long arrivalNanos) {
    }

    /**
     * One {@code delta.tool_calls[]} fragment. The first fragment of a call carries {@code id} and
     * {@code name}; later ones only {@code arguments} pieces. Any of the three may be null.
     */
    default void onToolCall(int choice, int toolIndex, CharSequence id, CharSequence name,
                            CharSequence arguments, long arrivalNanos) {
    }

    /** {@code finish_reason}: {@code stop}, {@code length}, {@code tool_calls}, {@code content_filter}... */
    default void onFinish(int choice, CharSequence reason, long arrivalNanos) {
    }

    /** A non-null {@code usage} object; missing counts are 0. */
    default void onUsage(long promptTokens, long completionTokens, long totalTokens, long arrivalNanos) {
    }

    /** A server error event or data the parser could not read; see {@link StreamError.Kind}. */
    default void onError(StreamError error, long arrivalNanos) {
    }

    /** {@code data: [DONE]}. Parsing goes on after it; the caller decides to stop reading. */
    default void onDone(long arrivalNanos) {
    }

    /** An SSE comment line, without the colon and one leading space; see {@link SendStamps}. */
    default void onComment(CharSequence text, long arrivalNanos) {
    }
}
