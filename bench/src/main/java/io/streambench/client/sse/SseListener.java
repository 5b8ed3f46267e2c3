package io.streambench.client.sse;

/**
 * Receives what an {@link SseParser} finds in a stream of any {@link io.streambench.client.Api}, in
 * dialect-neutral terms: reasoning, answer text, tool-call fragments, the finish reason, token usage, errors
 * and the end of the stream.
 *
 * <p>Every call carries {@code arrivalNanos}: the {@code System.nanoTime()} the caller passed with
 * the read whose bytes completed the event. {@code choice} is the choice's {@code index} in chat and legacy
 * completions (it matters when {@code n > 1}), the candidate's {@code index} in Gemini, and 0 in the
 * Responses API and Anthropic Messages, which stream one answer.
 *
 * <p>{@link CharSequence} and {@link TokenUsage} arguments are views that are only valid during the call:
 * parsers that avoid a {@code String} per event reuse the same buffer for the next event. Copy (for example
 * {@code toString()}) anything you keep. Absent optional values are {@code null}.
 *
 * <p>Within one SSE event the order is fixed, whatever the key order in the JSON: for each choice
 * in array order its role, reasoning, content, tool-call fragments, finish reason; then usage; then the
 * end. An event whose JSON has a non-null top-level {@code error} yields only {@link #onError}. Events a
 * dialect defines that carry none of these (Anthropic's {@code ping} and {@code content_block_stop}, the
 * Responses API's {@code .done} and {@code .added} events) and event types the parser does not know (the
 * APIs add new ones) yield nothing.
 *
 * <table>
 * <caption>Where each call comes from</caption>
 * <tr><th>call</th><th>chat / completions</th><th>Responses</th><th>Anthropic Messages</th><th>Gemini</th></tr>
 * <tr><td>{@link #onRole}</td><td>{@code delta.role}</td><td>a {@code message} item's {@code role} in
 *     {@code response.output_item.added}</td><td>{@code message.role} in {@code message_start}</td><td>never
 *     (every event repeats {@code role: model})</td></tr>
 * <tr><td>{@link #onReasoning}</td><td>{@code delta.reasoning_content} or {@code delta.reasoning}</td>
 *     <td>{@code response.reasoning_summary_text.delta}, {@code response.reasoning_text.delta}</td>
 *     <td>{@code thinking_delta}</td><td>parts with {@code thought: true}</td></tr>
 * <tr><td>{@link #onContent}</td><td>{@code delta.content}; {@code text}</td>
 *     <td>{@code response.output_text.delta}</td><td>{@code text_delta}</td><td>other {@code text} parts</td></tr>
 * <tr><td>{@link #onToolCall}</td><td>{@code delta.tool_calls[]}</td><td>a {@code function_call} item
 *     ({@code call_id}, {@code name}), then {@code response.function_call_arguments.delta}</td>
 *     <td>a {@code tool_use} block's start ({@code id}, {@code name}), then {@code input_json_delta}</td>
 *     <td>a {@code functionCall} part, whole</td></tr>
 * <tr><td>{@link #onFinish}</td><td>{@code finish_reason}</td><td>the terminal event's {@code status}, or
 *     for {@code response.incomplete} its {@code incomplete_details.reason}</td>
 *     <td>{@code stop_reason} in {@code message_delta}</td><td>{@code finishReason}</td></tr>
 * <tr><td>{@link #onUsage}</td><td>{@code usage}</td><td>{@code response.usage} of the terminal event</td>
 *     <td>{@code message.usage} in {@code message_start}, then {@code usage} in {@code message_delta}</td>
 *     <td>{@code usageMetadata}, on every event (running totals)</td></tr>
 * <tr><td>{@link #onError}</td><td>{@code {"error": ...}}</td><td>the {@code error} event, or the
 *     {@code response.error} of {@code response.failed}</td><td>{@code event: error}</td>
 *     <td>{@code {"error": ...}}</td></tr>
 * <tr><td>{@link #onEnd}</td><td>{@code [DONE]}</td><td>{@code response.completed}, {@code .incomplete},
 *     {@code .failed}</td><td>{@code message_stop}</td><td>the end of the body, after a {@code finishReason}</td></tr>
 * </table>
 *
 * <pre>{@code
 * SseParser parser = ParserStrategy.BYTES_SCAN.create(Api.MESSAGES, new SseListener() {
 *     public void onContent(int choice, CharSequence text, long arrivalNanos) {
 *         answer.append(text);
 *     }
 * });
 * }</pre>
 */
public interface SseListener {

    /** The role the answer speaks as, usually {@code assistant}, where the dialect announces it once. */
    default void onRole(int choice, CharSequence role, long arrivalNanos) {
    }

    /** A piece of streamed reasoning (thinking, or a summary of it), before the answer; never empty. */
    default void onReasoning(int choice, CharSequence text, long arrivalNanos) {
    }

    /** A piece of the answer's text; never empty (the role chunk's {@code ""} is not content). */
    default void onContent(int choice, CharSequence text, long arrivalNanos) {
    }

    /**
     * One tool-call fragment. The first fragment of a call carries {@code id} and {@code name}; later ones
     * only {@code arguments} pieces, which join to the call's JSON arguments. Any of the three may be null.
     * {@code toolIndex} ties the fragments of one call together: chat's {@code tool_calls[].index}, the
     * Responses API's {@code output_index}, Anthropic's content block {@code index}, and for Gemini, whose
     * calls arrive whole (arguments as compact JSON), the call's position in the stream from 0.
     */
    default void onToolCall(int choice, int toolIndex, CharSequence id, CharSequence name,
                            CharSequence arguments, long arrivalNanos) {
    }

    /** Why the answer stopped: {@code stop}, {@code length}, {@code tool_calls}, {@code end_turn}, {@code STOP}... */
    default void onFinish(int choice, CharSequence reason, long arrivalNanos) {
    }

    /** Token counts as the API reported them; see {@link TokenUsage} for what each count means per dialect. */
    default void onUsage(TokenUsage usage, long arrivalNanos) {
    }

    /** A server error event or data the parser could not read; see {@link StreamError.Kind}. */
    default void onError(StreamError error, long arrivalNanos) {
    }

    /**
     * The stream said it ended ({@link StreamEnd}). Parsing goes on after it; the caller decides to stop
     * reading. Gemini has no end marker: its end is reported when the parser is ended after an event with a
     * finish reason.
     */
    default void onEnd(StreamEnd end, long arrivalNanos) {
    }

    /** An SSE comment line, without the colon and one leading space; see {@link SendStamps}. */
    default void onComment(CharSequence text, long arrivalNanos) {
    }
}
