package io.streambench.client.sse;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;

/** Reads an event of Anthropic's Messages API from Jackson tokens into a {@link MessagesScratch}. */
final class MessagesAssembler extends TokenAssembler {

    private static final int MESSAGE = 1;
    private static final int USAGE = 2;
    private static final int OUTPUT_DETAILS = 3;
    private static final int BLOCK = 4;
    private static final int DELTA = 5;
    private static final int ERROR = 6;

    private static final int F_INDEX = 1;
    private static final int F_MESSAGE = 2;
    private static final int F_BLOCK = 3;
    private static final int F_DELTA = 4;
    private static final int F_USAGE = 5;
    private static final int F_ERROR = 6;
    private static final int F_ROLE = 7;
    private static final int F_INPUT_TOKENS = 8;
    private static final int F_CACHE_CREATION = 9;
    private static final int F_CACHE_READ = 10;
    private static final int F_OUTPUT_TOKENS = 11;
    private static final int F_OUTPUT_DETAILS = 12;
    private static final int F_THINKING_TOKENS = 13;
    private static final int F_BLOCK_TYPE = 14;
    private static final int F_ID = 15;
    private static final int F_NAME = 16;
    private static final int F_TEXT = 17;
    private static final int F_THINKING = 18;
    private static final int F_PARTIAL_JSON = 19;
    private static final int F_STOP_REASON = 20;

    private final MessagesScratch scratch;

    MessagesAssembler(MessagesScratch scratch) {
        this.scratch = scratch;
    }

    @Override
    MessagesScratch scratch() {
        return scratch;
    }

    @Override
    void value(int context, int field, JsonToken token, JsonParser parser) throws IOException {
        switch (field) {
            case F_INDEX -> scratch.index = intValue(token, parser, "index");
            case F_MESSAGE -> open(token, JsonToken.START_OBJECT, MESSAGE, "message");
            case F_BLOCK -> open(token, JsonToken.START_OBJECT, BLOCK, "content_block");
            case F_DELTA -> open(token, JsonToken.START_OBJECT, DELTA, "delta");
            case F_USAGE -> scratch.hasUsage = open(token, JsonToken.START_OBJECT, USAGE, "usage");
            case F_ERROR -> error(token, parser, ERROR);
            case F_ROLE -> scratch.hasRole = string(token, parser, scratch.role, "role");
            case F_INPUT_TOKENS -> scratch.inputTokens = longValue(token, parser, "input_tokens");
            case F_CACHE_CREATION ->
                    scratch.cacheCreationTokens = longValue(token, parser, "cache_creation_input_tokens");
            case F_CACHE_READ -> scratch.cacheReadTokens = longValue(token, parser, "cache_read_input_tokens");
            case F_OUTPUT_TOKENS -> scratch.outputTokens = longValue(token, parser, "output_tokens");
            case F_OUTPUT_DETAILS -> open(token, JsonToken.START_OBJECT, OUTPUT_DETAILS, "output_tokens_details");
            case F_THINKING_TOKENS -> scratch.thinkingTokens = longValue(token, parser, "thinking_tokens");
            case F_BLOCK_TYPE -> scratch.hasBlockType = string(token, parser, scratch.blockType, "type");
            case F_ID -> scratch.hasBlockId = string(token, parser, scratch.blockId, "id");
            case F_NAME -> scratch.hasBlockName = string(token, parser, scratch.blockName, "name");
            case F_TEXT -> scratch.hasText = string(token, parser, scratch.text, "text");
            case F_THINKING -> scratch.hasThinking = string(token, parser, scratch.thinking, "thinking");
            case F_PARTIAL_JSON -> scratch.hasPartialJson = string(token, parser, scratch.partialJson, "partial_json");
            case F_STOP_REASON -> scratch.hasStopReason = string(token, parser, scratch.stopReason, "stop_reason");
            case F_ERROR_MESSAGE, F_ERROR_TYPE, F_ERROR_CODE -> errorValue(field, token, parser);
            default -> skip(token);
        }
    }

    @Override
    int fieldOf(int context, String name) {
        return switch (context) {
            case ROOT -> switch (name) {
                case "index" -> F_INDEX;
                case "message" -> F_MESSAGE;
                case "content_block" -> F_BLOCK;
                case "delta" -> F_DELTA;
                case "usage" -> F_USAGE;
                case "error" -> F_ERROR;
                default -> F_OTHER;
            };
            case MESSAGE -> switch (name) {
                case "role" -> F_ROLE;
                case "usage" -> F_USAGE;
                default -> F_OTHER;
            };
            case USAGE -> switch (name) {
                case "input_tokens" -> F_INPUT_TOKENS;
                case "cache_creation_input_tokens" -> F_CACHE_CREATION;
                case "cache_read_input_tokens" -> F_CACHE_READ;
                case "output_tokens" -> F_OUTPUT_TOKENS;
                case "output_tokens_details" -> F_OUTPUT_DETAILS;
                default -> F_OTHER;
            };
            case OUTPUT_DETAILS -> "thinking_tokens".equals(name) ? F_THINKING_TOKENS : F_OTHER;
            case BLOCK -> switch (name) {
                case "type" -> F_BLOCK_TYPE;
                case "id" -> F_ID;
                case "name" -> F_NAME;
                case "text" -> F_TEXT;
                case "thinking" -> F_THINKING;
                default -> F_OTHER;
            };
            case DELTA -> switch (name) {
                case "text" -> F_TEXT;
                case "thinking" -> F_THINKING;
                case "partial_json" -> F_PARTIAL_JSON;
                case "stop_reason" -> F_STOP_REASON;
                default -> F_OTHER;
            };
            case ERROR -> errorFieldOf(name);
            default -> F_OTHER;
        };
    }
}
