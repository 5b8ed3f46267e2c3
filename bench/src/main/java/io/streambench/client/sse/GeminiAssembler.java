package io.streambench.client.sse;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;

/** Reads a Gemini {@code GenerateContentResponse} (or its {@code error}) from Jackson tokens into a {@link GeminiScratch}. */
final class GeminiAssembler extends TokenAssembler {

    private static final int CANDIDATES = 1;
    private static final int CANDIDATE = 2;
    private static final int CONTENT = 3;
    private static final int PARTS = 4;
    private static final int PART = 5;
    private static final int FUNCTION_CALL = 6;
    private static final int USAGE = 7;
    private static final int ERROR = 8;

    private static final int F_CANDIDATES = 1;
    private static final int F_USAGE = 2;
    private static final int F_ERROR = 3;
    private static final int F_CONTENT = 4;
    private static final int F_FINISH_REASON = 5;
    private static final int F_INDEX = 6;
    private static final int F_PARTS = 7;
    private static final int F_TEXT = 8;
    private static final int F_THOUGHT = 9;
    private static final int F_FUNCTION_CALL = 10;
    private static final int F_ID = 11;
    private static final int F_NAME = 12;
    private static final int F_ARGS = 13;
    private static final int F_PROMPT = 14;
    private static final int F_CANDIDATES_TOKENS = 15;
    private static final int F_THOUGHTS = 16;
    private static final int F_CACHED = 17;
    private static final int F_TOTAL = 18;

    private final GeminiScratch scratch;
    private ChunkScratch.Choice choice;
    private ChunkScratch.ToolCall call;
    // The part being read: its text goes to the reasoning or the answer once we know whether it is a thought.
    private final CharSlice partText = new CharSlice(64);
    private boolean partHasText;
    private boolean partThought;

    GeminiAssembler(GeminiScratch scratch) {
        this.scratch = scratch;
    }

    @Override
    GeminiScratch scratch() {
        return scratch;
    }

    @Override
    void value(int context, int field, JsonToken token, JsonParser parser) throws IOException {
        if (context == CANDIDATES) {
            expect(token == JsonToken.START_OBJECT, "candidates[]", token);
            choice = scratch.addChoice();
            // Parts are appended to these, not set.
            choice.content.clear();
            choice.reasoning.clear();
            open(token, JsonToken.START_OBJECT, CANDIDATE, "candidates[]");
            return;
        }
        if (context == PARTS) {
            expect(token == JsonToken.START_OBJECT, "parts[]", token);
            partHasText = false;
            partThought = false;
            open(token, JsonToken.START_OBJECT, PART, "parts[]");
            return;
        }
        switch (field) {
            case F_CANDIDATES -> open(token, JsonToken.START_ARRAY, CANDIDATES, "candidates");
            case F_CONTENT -> open(token, JsonToken.START_OBJECT, CONTENT, "content");
            case F_PARTS -> open(token, JsonToken.START_ARRAY, PARTS, "parts");
            case F_USAGE -> scratch.hasUsage = open(token, JsonToken.START_OBJECT, USAGE, "usageMetadata");
            case F_ERROR -> error(token, parser, ERROR);
            case F_FUNCTION_CALL -> {
                if (open(token, JsonToken.START_OBJECT, FUNCTION_CALL, "functionCall")) {
                    call = choice.addToolCall();
                }
            }
            case F_FINISH_REASON -> choice.hasFinishReason = string(token, parser, choice.finishReason, "finishReason");
            case F_INDEX -> choice.index = intValue(token, parser, "index");
            case F_TEXT -> partHasText = string(token, parser, partText, "text");
            case F_THOUGHT -> partThought = booleanValue(token, "thought");
            case F_ID -> call.hasId = string(token, parser, call.id, "id");
            case F_NAME -> call.hasName = string(token, parser, call.name, "name");
            case F_ARGS -> {
                if (token != JsonToken.VALUE_NULL) {
                    copy(token, parser, call.arguments, "args");
                    call.hasArguments = true;
                }
            }
            case F_PROMPT -> scratch.promptTokens = longValue(token, parser, "promptTokenCount");
            case F_CANDIDATES_TOKENS -> scratch.completionTokens = longValue(token, parser, "candidatesTokenCount");
            case F_THOUGHTS -> scratch.reasoningTokens = longValue(token, parser, "thoughtsTokenCount");
            case F_CACHED -> scratch.cachedTokens = longValue(token, parser, "cachedContentTokenCount");
            case F_TOTAL -> scratch.totalTokens = longValue(token, parser, "totalTokenCount");
            case F_ERROR_MESSAGE, F_ERROR_TYPE, F_ERROR_CODE -> errorValue(field, token, parser);
            default -> skip(token);
        }
    }

    @Override
    void closed(int context) {
        if (context == PART && partHasText) {
            if (partThought) {
                choice.reasoning.append(partText);
                choice.hasReasoning = true;
            } else {
                choice.content.append(partText);
                choice.hasContent = true;
            }
        }
    }

    @Override
    int fieldOf(int context, String name) {
        return switch (context) {
            case ROOT -> switch (name) {
                case "candidates" -> F_CANDIDATES;
                case "usageMetadata" -> F_USAGE;
                case "error" -> F_ERROR;
                default -> F_OTHER;
            };
            case CANDIDATE -> switch (name) {
                case "content" -> F_CONTENT;
                case "finishReason" -> F_FINISH_REASON;
                case "index" -> F_INDEX;
                default -> F_OTHER;
            };
            case CONTENT -> "parts".equals(name) ? F_PARTS : F_OTHER;
            case PART -> switch (name) {
                case "text" -> F_TEXT;
                case "thought" -> F_THOUGHT;
                case "functionCall" -> F_FUNCTION_CALL;
                default -> F_OTHER;
            };
            case FUNCTION_CALL -> switch (name) {
                case "id" -> F_ID;
                case "name" -> F_NAME;
                case "args" -> F_ARGS;
                default -> F_OTHER;
            };
            case USAGE -> switch (name) {
                case "promptTokenCount" -> F_PROMPT;
                case "candidatesTokenCount" -> F_CANDIDATES_TOKENS;
                case "thoughtsTokenCount" -> F_THOUGHTS;
                case "cachedContentTokenCount" -> F_CACHED;
                case "totalTokenCount" -> F_TOTAL;
                default -> F_OTHER;
            };
            case ERROR -> errorFieldOf(name);
            default -> F_OTHER;
        };
    }
}
