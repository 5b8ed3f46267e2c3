package io.streambench.client.sse;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;

/**
 * Reads a chat completions chunk ({@code chat.completion.chunk}) or a legacy completions chunk
 * ({@code text_completion}, whose choices carry {@code text} instead of a {@code delta}) from Jackson tokens
 * into a {@link ChunkScratch}.
 */
final class ChunkAssembler extends TokenAssembler {

    // Where we are: one entry per open object or array that we understand.
    private static final int CHOICES = 1;
    private static final int CHOICE = 2;
    private static final int DELTA = 3;
    private static final int TOOL_CALLS = 4;
    private static final int TOOL_CALL = 5;
    private static final int FUNCTION = 6;
    private static final int USAGE = 7;
    private static final int ERROR = 8;
    private static final int PROMPT_DETAILS = 9;
    private static final int COMPLETION_DETAILS = 10;

    // What the last field name meant in its object.
    private static final int F_CHOICES = 1;
    private static final int F_USAGE = 2;
    private static final int F_ERROR = 3;
    private static final int F_INDEX = 4;
    private static final int F_DELTA = 5;
    private static final int F_FINISH_REASON = 6;
    private static final int F_ROLE = 7;
    private static final int F_CONTENT = 8;
    private static final int F_TOOL_CALLS = 9;
    private static final int F_ID = 10;
    private static final int F_FUNCTION = 11;
    private static final int F_NAME = 12;
    private static final int F_ARGUMENTS = 13;
    private static final int F_PROMPT_TOKENS = 14;
    private static final int F_COMPLETION_TOKENS = 15;
    private static final int F_TOTAL_TOKENS = 16;
    private static final int F_REASONING = 17;
    private static final int F_PROMPT_DETAILS = 18;
    private static final int F_COMPLETION_DETAILS = 19;
    private static final int F_CACHED_TOKENS = 20;
    private static final int F_REASONING_TOKENS = 21;
    private static final int F_CACHE_HIT_TOKENS = 22;

    private final ChunkScratch scratch;
    private ChunkScratch.Choice choice;
    private ChunkScratch.ToolCall call;

    ChunkAssembler(ChunkScratch scratch) {
        this.scratch = scratch;
    }

    @Override
    ChunkScratch scratch() {
        return scratch;
    }

    @Override
    void value(int context, int field, JsonToken token, JsonParser parser) throws IOException {
        if (context == CHOICES) {
            expect(token == JsonToken.START_OBJECT, "choices[]", token);
            choice = scratch.addChoice();
            open(token, JsonToken.START_OBJECT, CHOICE, "choices[]");
            return;
        }
        if (context == TOOL_CALLS) {
            expect(token == JsonToken.START_OBJECT, "tool_calls[]", token);
            call = choice.addToolCall();
            open(token, JsonToken.START_OBJECT, TOOL_CALL, "tool_calls[]");
            return;
        }
        switch (field) {
            case F_CHOICES -> open(token, JsonToken.START_ARRAY, CHOICES, "choices");
            case F_DELTA -> open(token, JsonToken.START_OBJECT, DELTA, "delta");
            case F_TOOL_CALLS -> open(token, JsonToken.START_ARRAY, TOOL_CALLS, "tool_calls");
            case F_FUNCTION -> open(token, JsonToken.START_OBJECT, FUNCTION, "function");
            case F_USAGE -> scratch.hasUsage = open(token, JsonToken.START_OBJECT, USAGE, "usage");
            case F_PROMPT_DETAILS -> open(token, JsonToken.START_OBJECT, PROMPT_DETAILS, "prompt_tokens_details");
            case F_COMPLETION_DETAILS ->
                    open(token, JsonToken.START_OBJECT, COMPLETION_DETAILS, "completion_tokens_details");
            case F_ERROR -> error(token, parser, ERROR);
            case F_INDEX -> {
                int index = intValue(token, parser, "index");
                if (context == CHOICE) {
                    choice.index = index;
                } else {
                    call.index = index;
                }
            }
            case F_FINISH_REASON -> choice.hasFinishReason = string(token, parser, choice.finishReason, "finish_reason");
            case F_ROLE -> choice.hasRole = string(token, parser, choice.role, "role");
            case F_CONTENT -> choice.hasContent = string(token, parser, choice.content, "content");
            case F_REASONING -> choice.hasReasoning = string(token, parser, choice.reasoning, "reasoning");
            case F_ID -> call.hasId = string(token, parser, call.id, "id");
            case F_NAME -> call.hasName = string(token, parser, call.name, "name");
            case F_ARGUMENTS -> call.hasArguments = string(token, parser, call.arguments, "arguments");
            case F_PROMPT_TOKENS -> scratch.promptTokens = longValue(token, parser, "prompt_tokens");
            case F_COMPLETION_TOKENS -> scratch.completionTokens = longValue(token, parser, "completion_tokens");
            case F_TOTAL_TOKENS -> scratch.totalTokens = longValue(token, parser, "total_tokens");
            case F_REASONING_TOKENS -> scratch.reasoningTokens = longValue(token, parser, "reasoning_tokens");
            case F_CACHED_TOKENS -> {
                scratch.cachedTokens = longValue(token, parser, "cached_tokens");
                scratch.hasCachedTokens = token != JsonToken.VALUE_NULL;
            }
            case F_CACHE_HIT_TOKENS -> scratch.cacheHitTokens = longValue(token, parser, "prompt_cache_hit_tokens");
            case F_ERROR_MESSAGE, F_ERROR_TYPE, F_ERROR_CODE -> errorValue(field, token, parser);
            default -> skip(token);
        }
    }

    @Override
    int fieldOf(int context, String name) {
        return switch (context) {
            case ROOT -> switch (name) {
                case "choices" -> F_CHOICES;
                case "usage" -> F_USAGE;
                case "error" -> F_ERROR;
                default -> F_OTHER;
            };
            case CHOICE -> switch (name) {
                case "index" -> F_INDEX;
                case "delta" -> F_DELTA;
                case "finish_reason" -> F_FINISH_REASON;
                // legacy completions: the choice holds the text itself
                case "text" -> F_CONTENT;
                default -> F_OTHER;
            };
            case DELTA -> switch (name) {
                case "role" -> F_ROLE;
                case "content" -> F_CONTENT;
                case "tool_calls" -> F_TOOL_CALLS;
                // DeepSeek and older vLLM; current vLLM and gateways. vLLM may send both for one delta.
                case "reasoning_content", "reasoning" -> F_REASONING;
                default -> F_OTHER;
            };
            case TOOL_CALL -> switch (name) {
                case "index" -> F_INDEX;
                case "id" -> F_ID;
                case "function" -> F_FUNCTION;
                default -> F_OTHER;
            };
            case FUNCTION -> switch (name) {
                case "name" -> F_NAME;
                case "arguments" -> F_ARGUMENTS;
                default -> F_OTHER;
            };
            case USAGE -> switch (name) {
                case "prompt_tokens" -> F_PROMPT_TOKENS;
                case "completion_tokens" -> F_COMPLETION_TOKENS;
                case "total_tokens" -> F_TOTAL_TOKENS;
                case "prompt_tokens_details" -> F_PROMPT_DETAILS;
                case "completion_tokens_details" -> F_COMPLETION_DETAILS;
                case "prompt_cache_hit_tokens" -> F_CACHE_HIT_TOKENS;
                default -> F_OTHER;
            };
            case PROMPT_DETAILS -> "cached_tokens".equals(name) ? F_CACHED_TOKENS : F_OTHER;
            case COMPLETION_DETAILS -> "reasoning_tokens".equals(name) ? F_REASONING_TOKENS : F_OTHER;
            case ERROR -> errorFieldOf(name);
            default -> F_OTHER;
        };
    }
}
