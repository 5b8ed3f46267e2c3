package io.streambench.client.sse;

/**
 * One event of Anthropic's Messages API as read so far. The event is named by its {@code event:} line, as
 * the Anthropic SDKs dispatch on it ({@link EventGate} has already dropped unnamed events, {@code ping}s and
 * event types this reader does not know); the fields are kept as read and {@link #emitTo} decides by that
 * name. A delta's field says what it carries ({@code text}, {@code thinking}, {@code partial_json}), so its
 * {@code type} need not be read. The usage is {@code message.usage} in {@code message_start} and
 * {@code usage} in {@code message_delta}: one object per event, read into the same counts.
 */
final class MessagesScratch extends EventScratch {

    int index;
    final CharSlice role = new CharSlice(16);
    // content_block of content_block_start
    final CharSlice blockType = new CharSlice(16);
    final CharSlice blockId = new CharSlice(32);
    final CharSlice blockName = new CharSlice(32);
    // what a delta carries (or a block that starts with some text)
    final CharSlice text = new CharSlice(64);
    final CharSlice thinking = new CharSlice(64);
    final CharSlice partialJson = new CharSlice(64);
    final CharSlice stopReason = new CharSlice(16);
    private final CharSlice[] fields = {role, blockType, blockId, blockName, text, thinking, partialJson, stopReason};

    @Override
    void reset() {
        index = 0;
        CharSlice.absent(fields);
        resetUsage();
        resetError();
    }

    @Override
    void emitTo(SseListener listener, CharSequence eventName, long arrivalNanos) {
        if (hasError || "error".contentEquals(eventName)) {
            // An error event without an error object is still the stream's error, as the SDKs raise it.
            listener.onError(apiError(), arrivalNanos);
        } else if ("content_block_delta".contentEquals(eventName)) {
            texts(listener, arrivalNanos);
            if (partialJson.present) {
                listener.onToolCall(0, index, null, null, partialJson, arrivalNanos);
            }
        } else if ("content_block_start".contentEquals(eventName)) {
            texts(listener, arrivalNanos);
            if (blockType.is("tool_use")) {
                listener.onToolCall(0, index, ChunkScratch.orNull(blockId), ChunkScratch.orNull(blockName), null,
                        arrivalNanos);
            }
        } else if ("message_start".contentEquals(eventName)) {
            if (role.present) {
                listener.onRole(0, role, arrivalNanos);
            }
            usage(listener, TokenUsage.Source.MESSAGE_START, arrivalNanos);
        } else if ("message_delta".contentEquals(eventName)) {
            if (stopReason.present) {
                listener.onFinish(0, stopReason, arrivalNanos);
            }
            usage(listener, TokenUsage.Source.MESSAGE_DELTA, arrivalNanos);
        } else if ("message_stop".contentEquals(eventName)) {
            listener.onEnd(StreamEnd.MESSAGE_STOP, arrivalNanos);
        }
    }

    private void texts(SseListener listener, long arrivalNanos) {
        if (thinking.hasText()) {
            listener.onReasoning(0, thinking, arrivalNanos);
        }
        if (text.hasText()) {
            listener.onContent(0, text, arrivalNanos);
        }
    }

    private void usage(SseListener listener, TokenUsage.Source source, long arrivalNanos) {
        if (hasUsage) {
            listener.onUsage(as(source, false), arrivalNanos);
        }
    }
}
