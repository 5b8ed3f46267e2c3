package io.streambench.client.sse;

/**
 * One event of the OpenAI Responses API as read so far. What a field means depends on the event's
 * {@code type} (a {@code delta} is answer text, reasoning or function arguments), so the fields are kept
 * as read and {@link #emitTo} decides by the type, whatever the key order. The {@code event:} line is not
 * used: the OpenAI SDKs dispatch on {@code type} too.
 */
final class ResponsesScratch extends EventScratch {

    final CharSlice type = new CharSlice(48);
    final CharSlice delta = new CharSlice(64);
    int outputIndex;
    // The item of response.output_item.added.
    final CharSlice itemType = new CharSlice(16);
    final CharSlice itemRole = new CharSlice(16);
    final CharSlice itemCallId = new CharSlice(32);
    final CharSlice itemName = new CharSlice(32);
    final CharSlice itemArguments = new CharSlice(32);
    // The response of the terminal events. Its error, and a flat error event's code and message, are read
    // into the error slots without hasError, which means a top-level "error" object.
    final CharSlice status = new CharSlice(16);
    final CharSlice incompleteReason = new CharSlice(32);
    private final CharSlice[] fields = {type, delta, itemType, itemRole, itemCallId, itemName, itemArguments, status,
        incompleteReason};

    @Override
    void reset() {
        CharSlice.absent(fields);
        outputIndex = 0;
        resetUsage();
        resetError();
    }

    @Override
    void emitTo(SseListener listener, CharSequence eventName, long arrivalNanos) {
        if (hasError) {
            listener.onError(apiError(), arrivalNanos);
        } else if (!type.present) {
            return;
        } else if (type.is("response.output_text.delta")) {
            if (delta.hasText()) {
                listener.onContent(0, delta, arrivalNanos);
            }
        } else if (type.is("response.function_call_arguments.delta")) {
            listener.onToolCall(0, outputIndex, null, null, ChunkScratch.orNull(delta), arrivalNanos);
        } else if (type.is("response.reasoning_summary_text.delta") || type.is("response.reasoning_text.delta")) {
            if (delta.hasText()) {
                listener.onReasoning(0, delta, arrivalNanos);
            }
        } else if (type.is("response.output_item.added")) {
            itemAdded(listener, arrivalNanos);
        } else if (type.is("response.completed")) {
            ended(listener, ChunkScratch.orNull(status), StreamEnd.RESPONSE_COMPLETED, arrivalNanos);
        } else if (type.is("response.incomplete")) {
            ended(listener, incompleteReason.present ? incompleteReason : ChunkScratch.orNull(status),
                    StreamEnd.RESPONSE_INCOMPLETE, arrivalNanos);
        } else if (type.is("response.failed")) {
            listener.onError(apiError(), arrivalNanos);
            ended(listener, null, StreamEnd.RESPONSE_FAILED, arrivalNanos);
        } else if (type.is("error")) {
            // The flat form: code and message at the top level.
            listener.onError(apiError(), arrivalNanos);
        }
    }

    private void itemAdded(SseListener listener, long arrivalNanos) {
        if (itemType.is("message") && itemRole.present) {
            listener.onRole(0, itemRole, arrivalNanos);
        } else if (itemType.is("function_call")) {
            listener.onToolCall(0, outputIndex, ChunkScratch.orNull(itemCallId), ChunkScratch.orNull(itemName),
                    ChunkScratch.orNull(itemArguments), arrivalNanos);
        }
    }

    private void ended(SseListener listener, CharSequence finish, StreamEnd end, long arrivalNanos) {
        if (finish != null) {
            listener.onFinish(0, finish, arrivalNanos);
        }
        if (hasUsage) {
            listener.onUsage(as(TokenUsage.Source.RESPONSE_USAGE, false), arrivalNanos);
        }
        listener.onEnd(end, arrivalNanos);
    }
}
