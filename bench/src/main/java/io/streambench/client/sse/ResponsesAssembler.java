package io.streambench.client.sse;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;

/** Reads an event of the OpenAI Responses API from Jackson tokens into a {@link ResponsesScratch}. */
final class ResponsesAssembler extends TokenAssembler<ResponsesScratch> {


    ResponsesAssembler(ResponsesScratch scratch) {
        super(scratch);
    }

    @Override
    void value(String parent, String name, JsonToken token, JsonParser parser) throws IOException {
        switch (parent) {
            case ROOT -> root(name, token, parser);
            case "item" -> item(name, token, parser);
            case "response" -> {
                switch (name) {
                    case "status" -> string(token, parser, scratch.status, name);
                    case "usage" -> scratch.hasUsage = open(token, JsonToken.START_OBJECT, name);
                    // read like a flat error event's fields; response.failed reports it
                    case "error" -> error(parent, token, parser);
                    case "incomplete_details" -> open(token, JsonToken.START_OBJECT, name);
                    default -> skip(token);
                }
            }
            case "incomplete_details" -> {
                if (!"reason".equals(name) || !string(token, parser, scratch.incompleteReason, name)) {
                    skip(token);
                }
            }
            case "usage" -> usage(name, token, parser);
            case "input_tokens_details" -> cachedTokens(name, token, parser, scratch);
            case "output_tokens_details" ->
                    scratch.reasoning = count("reasoning_tokens", name, token, parser, scratch.reasoning);
            case "error" -> errorValue(name, token, parser);
            default -> skip(token);
        }
    }

    private void root(String name, JsonToken token, JsonParser parser) throws IOException {
        switch (name) {
            case "type" -> string(token, parser, scratch.type, name);
            case "delta" -> string(token, parser, scratch.delta, name);
            case "output_index" -> scratch.outputIndex = intValue(token, parser, name);
            case "item", "response" -> open(token, JsonToken.START_OBJECT, name);
            case "error" -> error(ROOT, token, parser);
            // the flat error event
            case "code", "message" -> errorValue(name, token, parser);
            default -> skip(token);
        }
    }

    private void item(String name, JsonToken token, JsonParser parser) throws IOException {
        switch (name) {
            case "type" -> string(token, parser, scratch.itemType, name);
            case "role" -> string(token, parser, scratch.itemRole, name);
            case "call_id" -> string(token, parser, scratch.itemCallId, name);
            case "name" -> string(token, parser, scratch.itemName, name);
            case "arguments" -> string(token, parser, scratch.itemArguments, name);
            default -> skip(token);
        }
    }

    private void usage(String name, JsonToken token, JsonParser parser) throws IOException {
        UsageCounts usage = scratch;
        switch (name) {
            case "input_tokens" -> usage.input = longValue(token, parser, name);
            case "output_tokens" -> usage.output = longValue(token, parser, name);
            case "total_tokens" -> usage.total = longValue(token, parser, name);
            case "input_tokens_details", "output_tokens_details" -> open(token, JsonToken.START_OBJECT, name);
            default -> skip(token);
        }
    }
}
