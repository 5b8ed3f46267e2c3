package io.streambench.client.sse;

/**
 * One chat or legacy completions chunk as read so far ({@code chat.completion.chunk},
 * {@code text_completion}): its choices, usage and error. Gemini's events have the same parts and are read
 * into the {@link GeminiScratch} subclass.
 */
class ChunkScratch extends EventScratch {

    /** One {@code choices[]} element (a Gemini candidate). */
    static final class Choice {
        int index;
        final CharSlice role = new CharSlice(16);
        // Grown at the first reasoning: most chat streams have none.
        final CharSlice reasoning = new CharSlice(0);
        final CharSlice content = new CharSlice(256);
        final CharSlice finishReason = new CharSlice(16);
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
            role.present = false;
            reasoning.present = false;
            content.present = false;
            finishReason.present = false;
            toolCallCount = 0;
        }
    }

    /** One {@code delta.tool_calls[]} element (a Gemini {@code functionCall}). */
    static final class ToolCall {
        int index;
        final CharSlice id = new CharSlice(32);
        final CharSlice name = new CharSlice(32);
        final CharSlice arguments = new CharSlice(64);

        void reset() {
            index = 0;
            id.present = false;
            name.present = false;
            arguments.present = false;
        }
    }

    private Choice[] choices = {new Choice()};
    private int choiceCount;


    @Override
    void reset() {
        choiceCount = 0;
        resetUsage();
        resetError();
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

    @Override
    void emitTo(SseListener listener, CharSequence eventName, long arrivalNanos) {
        if (hasError) {
            listener.onError(apiError(), arrivalNanos);
            return;
        }
        for (int c = 0; c < choiceCount; c++) {
            Choice choice = choices[c];
            if (choice.role.present) {
                listener.onRole(choice.index, choice.role, arrivalNanos);
            }
            if (choice.reasoning.hasText()) {
                listener.onReasoning(choice.index, choice.reasoning, arrivalNanos);
            }
            if (choice.content.hasText()) {
                listener.onContent(choice.index, choice.content, arrivalNanos);
            }
            for (int t = 0; t < choice.toolCallCount; t++) {
                ToolCall call = choice.toolCalls[t];
                listener.onToolCall(choice.index, toolIndex(call), orNull(call.id), orNull(call.name),
                        orNull(call.arguments), arrivalNanos);
            }
            if (choice.finishReason.present) {
                finished(listener, choice, arrivalNanos);
            }
        }
        if (hasUsage) {
            listener.onUsage(usage(), arrivalNanos);
        }
    }

    /** The index that ties a call's fragments together: chat sends it. */
    int toolIndex(ToolCall call) {
        return call.index;
    }

    void finished(SseListener listener, Choice choice, long arrivalNanos) {
        listener.onFinish(choice.index, choice.finishReason, arrivalNanos);
    }

    TokenUsage usage() {
        return as(TokenUsage.Source.CHUNK_USAGE, false);
    }

    /** The field, or null when the event did not have it. */
    static CharSequence orNull(CharSlice field) {
        return field.present ? field : null;
    }

    static <T> T[] grow(T[] from, T[] to) {
        System.arraycopy(from, 0, to, 0, from.length);
        return to;
    }
}
