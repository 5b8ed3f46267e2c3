package io.streambench.client.sse;

/** How a stream said it ended, in its dialect's own terms ({@link SseListener#onEnd}). */
public enum StreamEnd {
    /** {@code data: [DONE]}: chat and legacy completions (and any OpenAI stream). */
    DONE(true),
    /** {@code response.completed}: the Responses API finished the answer. */
    RESPONSE_COMPLETED(true),
    /** {@code response.incomplete}: the Responses API stopped early, e.g. at {@code max_output_tokens}. */
    RESPONSE_INCOMPLETE(true),
    /** {@code response.failed}: the Responses API gave up; an error precedes it. */
    RESPONSE_FAILED(false),
    /** {@code message_stop}: Anthropic Messages. */
    MESSAGE_STOP(true),
    /** Gemini, which has no end marker: the body ended after an event with a finish reason. */
    BODY_END(true);

    private final boolean answered;

    StreamEnd(boolean answered) {
        this.answered = answered;
    }

    /** False when the end itself says the answer failed ({@link #RESPONSE_FAILED}). */
    public boolean answered() {
        return answered;
    }
}
