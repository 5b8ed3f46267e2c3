package io.streambench.client.sse;

/**
 * One event's chunk as read so far, reused for every event of a stream so that reading a
 * chunk allocates nothing once the buffers have grown. Readers fill it in wire order; only
 * {@link #emitTo} decides the order listeners see, so every strategy reports the same sequence
 * whatever the key order in the JSON.
 */
final class ChunkScratch {

    /** One {@code choices[]} element. */
    static final class Choice {
        int index;
        final CharSlice role = new CharSlice(16);
        boolean hasRole;
        final CharSlice content = new CharSlice(256);
        boolean hasContent;
        final CharSlice finishReason = new CharSlice(16);
        boolean hasFinishReason;
        ToolCall[] toolCalls = new ToolCall[0];
        int toolCallCount;

        ToolCall addToolCall() {
            if (toolCallCount == toolCalls.length) {
                toolCalls = grow(toolCalls, new ToolCall[Math.max(2, toolCalls.length * 2)]);
                for (int i = toolCallCount; i < toolCalls.length; i++) {
                    toolCalls[i] = new ToolCall();
                }
            }
            ToolCall call = toolCalls[toolCallCount++];
            call.reset();
            return call;
        }

        void reset() {
            index = 0;
            hasRole = false;
            hasContent = false;
            hasFinishReason = false;
            toolCallCount = 0;
        }
    }

    /** One {@code delta.tool_calls[]} element. */
    static final class ToolCall {
        int index;
        final CharSlice id = new CharSlice(32);
        boolean hasId;
        final CharSlice name = new CharSlice(32);
        boolean hasName;
        final CharSlice arguments = new CharSlice(64);
        boolean hasArguments;

        void reset() {
            index = 0;
            hasId = false;
            hasName = false;
            hasArguments = false;
        }
    }

    private Choice[] choices = {new Choice()};
    private int choiceCount;

    boolean hasUsage;
    long promptTokens;
    long completionTokens;
    long totalTokens;

    boolean hasError;
    final CharSlice errorMessage = new CharSlice(64);
    final CharSlice errorType = new CharSlice(32);
    boolean hasErrorType;
    final CharSlice errorCode = new CharSlice(32);
    boolean hasErrorCode;

    void reset() {
        choiceCount = 0;
        hasUsage = false;
        promptTokens = 0;
        completionTokens = 0;
        totalTokens = 0;
        hasError = false;
        errorMessage.clear();
        hasErrorType = false;
        hasErrorCode = false;
    }

    Choice addChoice() {
        if (choiceCount == choices.length) {
            choices = grow(choices, new Choice[choices.length * 2]);
            for (int i = choiceCount; i < choices.length; i++) {
                choices[i] = new Choice();
            }
        }
        Choice choice = choices[choiceCount++];
        choice.reset();
        return choice;
    }

    void emitTo(SseListener listener, long arrivalNanos) {
        if (hasError) {
            listener.onError(new StreamError(StreamError.Kind.API, errorMessage.toString(),
                    hasErrorType ? errorType.toString() : null,
                    hasErrorCode ? errorCode.toString() : null), arrivalNanos);
            return;
        }
        for (int c = 0; c < choiceCount; c++) {
            Choice choice = choices[c];
            if (choice.hasRole) {
                listener.onRole(choice.index, choice.role, arrivalNanos);
            }
            if (choice.hasContent && choice.content.length() > 0) {
                listener.onContent(choice.index, choice.content, arrivalNanos);
            }
            for (int t = 0; t < choice.toolCallCount; t++) {
                ToolCall call = choice.toolCalls[t];
                listener.onToolCall(choice.index, call.index,
                        call.hasId ? call.id : null,
                        call.hasName ? call.name : null,
                        call.hasArguments ? call.arguments : null,
                        arrivalNanos);
            }
            if (choice.hasFinishReason) {
                listener.onFinish(choice.index, choice.finishReason, arrivalNanos);
            }
        }
        if (hasUsage) {
            listener.onUsage(promptTokens, completionTokens, totalTokens, arrivalNanos);
        }
    }

    private static <T> T[] grow(T[] from, T[] to) {
        System.arraycopy(from, 0, to, 0, from.length);
        return to;
    }
}
