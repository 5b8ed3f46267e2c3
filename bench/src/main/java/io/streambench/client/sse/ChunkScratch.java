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
        boolean hasRole;
        final CharSlice reasoning = new CharSlice(64);
        boolean hasReasoning;
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
            hasReasoning = false;
            hasContent = false;
            hasFinishReason = false;
            toolCallCount = 0;
        }
    }

    /** One {@code delta.tool_calls[]} element (a Gemini {@code functionCall}). */
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
    long reasoningTokens;
    long cachedTokens;
    boolean hasCachedTokens;
    /** DeepSeek's {@code prompt_cache_hit_tokens}, for when {@code prompt_tokens_details} is absent. */
    long cacheHitTokens;
    private final TokenUsage usage = new TokenUsage();

    @Override
    void reset() {
        choiceCount = 0;
        hasUsage = false;
        promptTokens = 0;
        completionTokens = 0;
        totalTokens = 0;
        reasoningTokens = 0;
        cachedTokens = 0;
        hasCachedTokens = false;
        cacheHitTokens = 0;
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
            if (choice.hasRole) {
                listener.onRole(choice.index, choice.role, arrivalNanos);
            }
            if (choice.hasReasoning && choice.reasoning.length() > 0) {
                listener.onReasoning(choice.index, choice.reasoning, arrivalNanos);
            }
            if (choice.hasContent && choice.content.length() > 0) {
                listener.onContent(choice.index, choice.content, arrivalNanos);
            }
            for (int t = 0; t < choice.toolCallCount; t++) {
                ToolCall call = choice.toolCalls[t];
                listener.onToolCall(choice.index, toolIndex(call),
                        call.hasId ? call.id : null,
                        call.hasName ? call.name : null,
                        call.hasArguments ? call.arguments : null,
                        arrivalNanos);
            }
            if (choice.hasFinishReason) {
                finished(listener, choice, arrivalNanos);
            }
        }
        if (hasUsage) {
            listener.onUsage(usage(usage), arrivalNanos);
        }
    }

    /** The index that ties a call's fragments together: chat sends it. */
    int toolIndex(ToolCall call) {
        return call.index;
    }

    void finished(SseListener listener, Choice choice, long arrivalNanos) {
        listener.onFinish(choice.index, choice.finishReason, arrivalNanos);
    }

    /** The counts as {@link TokenUsage} defines them. */
    TokenUsage usage(TokenUsage into) {
        return into.set(TokenUsage.Source.CHUNK_USAGE, promptTokens, completionTokens, reasoningTokens,
                hasCachedTokens ? cachedTokens : cacheHitTokens, totalTokens);
    }

    static <T> T[] grow(T[] from, T[] to) {
        System.arraycopy(from, 0, to, 0, from.length);
        return to;
    }
}
