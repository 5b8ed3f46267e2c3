package io.streambench.client.sse;

/**
 * One event of the OpenAI Responses API as read so far. What a field means depends on the event's
 * {@code type} (a {@code delta} is answer text, reasoning or function arguments), so the fields are kept
 * as read and {@link #emitTo} decides by the type, whatever the key order. The {@code event:} line is not
 * used: the OpenAI SDKs dispatch on {@code type} too.
 */
final class ResponsesScratch extends EventScratch {

    final CharSlice type = new CharSlice(48);
    boolean hasType;
    final CharSlice delta = new CharSlice(64);
    boolean hasDelta;
    int outputIndex;

    // The item of response.output_item.added.
    final CharSlice itemType = new CharSlice(16);
    boolean hasItemType;
    final CharSlice itemRole = new CharSlice(16);
    boolean hasItemRole;
    final CharSlice itemCallId = new CharSlice(32);
    boolean hasItemCallId;
    final CharSlice itemName = new CharSlice(32);
    boolean hasItemName;
    final CharSlice itemArguments = new CharSlice(32);
    boolean hasItemArguments;

    // The response of the terminal events; response.error and a flat error event's code and message are
    // read into the error slots without hasError, which means a top-level "error" object.
    final CharSlice status = new CharSlice(16);
    boolean hasStatus;
    final CharSlice incompleteReason = new CharSlice(32);
    boolean hasIncompleteReason;
    boolean hasUsage;
    long inputTokens;
    long cachedTokens;
    long outputTokens;
    long reasoningTokens;
    long totalTokens;
    private final TokenUsage usage = new TokenUsage();

    @Override
    void reset() {
        hasType = false;
        hasDelta = false;
        outputIndex = 0;
        hasItemType = false;
        hasItemRole = false;
        hasItemCallId = false;
        hasItemName = false;
        hasItemArguments = false;
        hasStatus = false;
        hasIncompleteReason = false;
        hasUsage = false;
        inputTokens = 0;
        cachedTokens = 0;
        outputTokens = 0;
        reasoningTokens = 0;
        totalTokens = 0;
        resetError();
    }

    @Override
    void emitTo(SseListener listener, CharSequence eventName, long arrivalNanos) {
        if (hasError) {
            listener.onError(apiError(), arrivalNanos);
            return;
        }
        if (!hasType) {
            return;
        }
        if (type.is("response.output_text.delta")) {
            if (hasDelta && delta.length() > 0) {
                listener.onContent(0, delta, arrivalNanos);
            }
        } else if (type.is("response.function_call_arguments.delta")) {
            listener.onToolCall(0, outputIndex, null, null, hasDelta ? delta : null, arrivalNanos);
        } else if (type.is("response.reasoning_summary_text.delta") || type.is("response.reasoning_text.delta")) {
            if (hasDelta && delta.length() > 0) {
                listener.onReasoning(0, delta, arrivalNanos);
            }
        } else if (type.is("response.output_item.added")) {
            itemAdded(listener, arrivalNanos);
        } else if (type.is("response.completed")) {
            ended(listener, hasStatus ? status : null, StreamEnd.RESPONSE_COMPLETED, arrivalNanos);
        } else if (type.is("response.incomplete")) {
            ended(listener, hasIncompleteReason ? incompleteReason : hasStatus ? status : null,
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
        if (!hasItemType) {
            return;
        }
        if (itemType.is("message") && hasItemRole) {
            listener.onRole(0, itemRole, arrivalNanos);
        } else if (itemType.is("function_call")) {
            listener.onToolCall(0, outputIndex, hasItemCallId ? itemCallId : null, hasItemName ? itemName : null,
                    hasItemArguments ? itemArguments : null, arrivalNanos);
        }
    }

    private void ended(SseListener listener, CharSequence finish, StreamEnd end, long arrivalNanos) {
        if (finish != null) {
            listener.onFinish(0, finish, arrivalNanos);
        }
        if (hasUsage) {
            listener.onUsage(usage.set(TokenUsage.Source.RESPONSE_USAGE, inputTokens, outputTokens, reasoningTokens,
                    cachedTokens, totalTokens), arrivalNanos);
        }
        listener.onEnd(end, arrivalNanos);
    }
}
