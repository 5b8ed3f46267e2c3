package io.streambench.client.sse;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;

/** Reads an event of the OpenAI Responses API from Jackson tokens into a {@link ResponsesScratch}. */
final class ResponsesAssembler extends TokenAssembler {

    private static final int ITEM = 1;
    private static final int RESPONSE = 2;
    private static final int USAGE = 3;
    private static final int INPUT_DETAILS = 4;
    private static final int OUTPUT_DETAILS = 5;
    private static final int INCOMPLETE = 6;
    private static final int ERROR = 7;

    private static final int F_TYPE = 1;
    private static final int F_DELTA = 2;
    private static final int F_OUTPUT_INDEX = 3;
    private static final int F_ITEM = 4;
    private static final int F_RESPONSE = 5;
    private static final int F_ERROR = 6;
    private static final int F_ITEM_TYPE = 7;
    private static final int F_ROLE = 8;
    private static final int F_CALL_ID = 9;
    private static final int F_NAME = 10;
    private static final int F_ARGUMENTS = 11;
    private static final int F_STATUS = 12;
    private static final int F_USAGE = 13;
    private static final int F_RESPONSE_ERROR = 14;
    private static final int F_INCOMPLETE = 15;
    private static final int F_REASON = 16;
    private static final int F_INPUT_TOKENS = 17;
    private static final int F_INPUT_DETAILS = 18;
    private static final int F_CACHED_TOKENS = 19;
    private static final int F_OUTPUT_TOKENS = 20;
    private static final int F_OUTPUT_DETAILS = 21;
    private static final int F_REASONING_TOKENS = 22;
    private static final int F_TOTAL_TOKENS = 23;

    private final ResponsesScratch scratch;

    ResponsesAssembler(ResponsesScratch scratch) {
        this.scratch = scratch;
    }

    @Override
    ResponsesScratch scratch() {
        return scratch;
    }

    @Override
    void value(int context, int field, JsonToken token, JsonParser parser) throws IOException {
        switch (field) {
            case F_TYPE -> scratch.hasType = string(token, parser, scratch.type, "type");
            case F_DELTA -> scratch.hasDelta = string(token, parser, scratch.delta, "delta");
            case F_OUTPUT_INDEX -> scratch.outputIndex = intValue(token, parser, "output_index");
            case F_ITEM -> open(token, JsonToken.START_OBJECT, ITEM, "item");
            case F_RESPONSE -> open(token, JsonToken.START_OBJECT, RESPONSE, "response");
            case F_ERROR -> error(token, parser, ERROR);
            case F_ITEM_TYPE -> scratch.hasItemType = string(token, parser, scratch.itemType, "item.type");
            case F_ROLE -> scratch.hasItemRole = string(token, parser, scratch.itemRole, "role");
            case F_CALL_ID -> scratch.hasItemCallId = string(token, parser, scratch.itemCallId, "call_id");
            case F_NAME -> scratch.hasItemName = string(token, parser, scratch.itemName, "name");
            case F_ARGUMENTS -> scratch.hasItemArguments = string(token, parser, scratch.itemArguments, "arguments");
            case F_STATUS -> scratch.hasStatus = string(token, parser, scratch.status, "status");
            case F_USAGE -> scratch.hasUsage = open(token, JsonToken.START_OBJECT, USAGE, "usage");
            // response.error: read like a flat error, reported by response.failed
            case F_RESPONSE_ERROR -> open(token, JsonToken.START_OBJECT, ERROR, "response.error");
            case F_INCOMPLETE -> open(token, JsonToken.START_OBJECT, INCOMPLETE, "incomplete_details");
            case F_REASON -> scratch.hasIncompleteReason = string(token, parser, scratch.incompleteReason, "reason");
            case F_INPUT_TOKENS -> scratch.inputTokens = longValue(token, parser, "input_tokens");
            case F_INPUT_DETAILS -> open(token, JsonToken.START_OBJECT, INPUT_DETAILS, "input_tokens_details");
            case F_CACHED_TOKENS -> scratch.cachedTokens = longValue(token, parser, "cached_tokens");
            case F_OUTPUT_TOKENS -> scratch.outputTokens = longValue(token, parser, "output_tokens");
            case F_OUTPUT_DETAILS -> open(token, JsonToken.START_OBJECT, OUTPUT_DETAILS, "output_tokens_details");
            case F_REASONING_TOKENS -> scratch.reasoningTokens = longValue(token, parser, "reasoning_tokens");
            case F_TOTAL_TOKENS -> scratch.totalTokens = longValue(token, parser, "total_tokens");
            case F_ERROR_MESSAGE, F_ERROR_TYPE, F_ERROR_CODE -> errorValue(field, token, parser);
            default -> skip(token);
        }
    }

    @Override
    int fieldOf(int context, String name) {
        return switch (context) {
            case ROOT -> switch (name) {
                case "type" -> F_TYPE;
                case "delta" -> F_DELTA;
                case "output_index" -> F_OUTPUT_INDEX;
                case "item" -> F_ITEM;
                case "response" -> F_RESPONSE;
                case "error" -> F_ERROR;
                // the flat error event
                case "code" -> F_ERROR_CODE;
                case "message" -> F_ERROR_MESSAGE;
                default -> F_OTHER;
            };
            case ITEM -> switch (name) {
                case "type" -> F_ITEM_TYPE;
                case "role" -> F_ROLE;
                case "call_id" -> F_CALL_ID;
                case "name" -> F_NAME;
                case "arguments" -> F_ARGUMENTS;
                default -> F_OTHER;
            };
            case RESPONSE -> switch (name) {
                case "status" -> F_STATUS;
                case "usage" -> F_USAGE;
                case "error" -> F_RESPONSE_ERROR;
                case "incomplete_details" -> F_INCOMPLETE;
                default -> F_OTHER;
            };
            case INCOMPLETE -> "reason".equals(name) ? F_REASON : F_OTHER;
            case USAGE -> switch (name) {
                case "input_tokens" -> F_INPUT_TOKENS;
                case "input_tokens_details" -> F_INPUT_DETAILS;
                case "output_tokens" -> F_OUTPUT_TOKENS;
                case "output_tokens_details" -> F_OUTPUT_DETAILS;
                case "total_tokens" -> F_TOTAL_TOKENS;
                default -> F_OTHER;
            };
            case INPUT_DETAILS -> "cached_tokens".equals(name) ? F_CACHED_TOKENS : F_OTHER;
            case OUTPUT_DETAILS -> "reasoning_tokens".equals(name) ? F_REASONING_TOKENS : F_OTHER;
            case ERROR -> errorFieldOf(name);
            default -> F_OTHER;
        };
    }
}
