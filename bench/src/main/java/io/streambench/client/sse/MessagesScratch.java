package io.streambench.client.sse;

/**
 * One event of Anthropic's Messages API as read so far. The event is named by its {@code event:} line, as
 * the Anthropic SDKs dispatch on it ({@link EventGate} has already dropped unnamed events, {@code ping}s and
 * event types this reader does not know); the fields are kept as read and {@link #emitTo} decides by that
 * name. A delta's field says what it carries ({@code text}, {@code thinking}, {@code partial_json}), so its
 * {@code type} need not be read.
 */
final class MessagesScratch extends EventScratch {

    int index;
    final CharSlice role = new CharSlice(16);
    boolean hasRole;
    // content_block of content_block_start
    final CharSlice blockType = new CharSlice(16);
    boolean hasBlockType;
    final CharSlice blockId = new CharSlice(32);
    boolean hasBlockId;
    final CharSlice blockName = new CharSlice(32);
    boolean hasBlockName;
    // text and thinking of a delta, or of a block that starts with some
    final CharSlice text = new CharSlice(64);
    boolean hasText;
    final CharSlice thinking = new CharSlice(64);
    boolean hasThinking;
    final CharSlice partialJson = new CharSlice(64);
    boolean hasPartialJson;
    final CharSlice stopReason = new CharSlice(16);
    boolean hasStopReason;
    // message.usage of message_start, or usage of message_delta
    boolean hasUsage;
    long inputTokens;
    long cacheCreationTokens;
    long cacheReadTokens;
    long outputTokens;
    long thinkingTokens;
    private final TokenUsage usage = new TokenUsage();

    @Override
    void reset() {
        index = 0;
        hasRole = false;
        hasBlockType = false;
        hasBlockId = false;
        hasBlockName = false;
        hasText = false;
        hasThinking = false;
        hasPartialJson = false;
        hasStopReason = false;
        hasUsage = false;
        inputTokens = 0;
        cacheCreationTokens = 0;
        cacheReadTokens = 0;
        outputTokens = 0;
        thinkingTokens = 0;
        resetError();
    }

    @Override
    void emitTo(SseListener listener, CharSequence eventName, long arrivalNanos) {
        if (hasError) {
            listener.onError(apiError(), arrivalNanos);
            return;
        }
        if ("content_block_delta".contentEquals(eventName)) {
            texts(listener, arrivalNanos);
            if (hasPartialJson) {
                listener.onToolCall(0, index, null, null, partialJson, arrivalNanos);
            }
        } else if ("content_block_start".contentEquals(eventName)) {
            texts(listener, arrivalNanos);
            if (hasBlockType && blockType.is("tool_use")) {
                listener.onToolCall(0, index, hasBlockId ? blockId : null, hasBlockName ? blockName : null, null,
                        arrivalNanos);
            }
        } else if ("message_start".contentEquals(eventName)) {
            if (hasRole) {
                listener.onRole(0, role, arrivalNanos);
            }
            usage(listener, TokenUsage.Source.MESSAGE_START, arrivalNanos);
        } else if ("message_delta".contentEquals(eventName)) {
            if (hasStopReason) {
                listener.onFinish(0, stopReason, arrivalNanos);
            }
            usage(listener, TokenUsage.Source.MESSAGE_DELTA, arrivalNanos);
        } else if ("message_stop".contentEquals(eventName)) {
            listener.onEnd(StreamEnd.MESSAGE_STOP, arrivalNanos);
        } else if ("error".contentEquals(eventName)) {
            // An error event without an error object: still the stream's error, as the SDKs raise it.
            listener.onError(apiError(), arrivalNanos);
        }
    }

    private void texts(SseListener listener, long arrivalNanos) {
        if (hasThinking && thinking.length() > 0) {
            listener.onReasoning(0, thinking, arrivalNanos);
        }
        if (hasText && text.length() > 0) {
            listener.onContent(0, text, arrivalNanos);
        }
    }

    private void usage(SseListener listener, TokenUsage.Source source, long arrivalNanos) {
        if (hasUsage) {
            listener.onUsage(usage.set(source, inputTokens + cacheCreationTokens + cacheReadTokens, outputTokens,
                    thinkingTokens, cacheReadTokens, 0), arrivalNanos);
        }
    }
}
