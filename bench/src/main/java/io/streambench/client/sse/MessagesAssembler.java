package io.streambench.client.sse;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;

/** Reads an event of Anthropic's Messages API from Jackson tokens into a {@link MessagesScratch}. */
final class MessagesAssembler extends TokenAssembler<MessagesScratch> {


    MessagesAssembler(MessagesScratch scratch) {
        super(scratch);
    }

    @Override
    void value(String parent, String name, JsonToken token, JsonParser parser) throws IOException {
        switch (parent) {
            case ROOT -> {
                switch (name) {
                    case "index" -> scratch.index = intValue(token, parser, name);
                    case "message", "content_block", "delta" -> open(token, JsonToken.START_OBJECT, name);
                    case "usage" -> scratch.hasUsage = open(token, JsonToken.START_OBJECT, name);
                    case "error" -> error(parent, token, parser);
                    default -> skip(token);
                }
            }
            case "message" -> {
                switch (name) {
                    case "role" -> string(token, parser, scratch.role, name);
                    case "usage" -> scratch.hasUsage = open(token, JsonToken.START_OBJECT, name);
                    default -> skip(token);
                }
            }
            // content_block's type, id and name; a delta's stop reason; the text and thinking of both. Each
            // event has one of them, and MessagesScratch reads what its event's name says it has.
            case "content_block", "delta" -> block(name, token, parser);
            case "usage" -> usage(name, token, parser);
            case "output_tokens_details" ->
                    scratch.reasoning = count("thinking_tokens", name, token, parser, scratch.reasoning);
            case "error" -> errorValue(name, token, parser);
            default -> skip(token);
        }
    }

    private void block(String name, JsonToken token, JsonParser parser) throws IOException {
        switch (name) {
            case "type" -> string(token, parser, scratch.blockType, name);
            case "id" -> string(token, parser, scratch.blockId, name);
            case "name" -> string(token, parser, scratch.blockName, name);
            case "text" -> string(token, parser, scratch.text, name);
            case "thinking" -> string(token, parser, scratch.thinking, name);
            case "partial_json" -> string(token, parser, scratch.partialJson, name);
            case "stop_reason" -> string(token, parser, scratch.stopReason, name);
            default -> skip(token);
        }
    }

    private void usage(String name, JsonToken token, JsonParser parser) throws IOException {
        UsageCounts usage = scratch;
        switch (name) {
            case "input_tokens" -> usage.input = longValue(token, parser, name);
            case "cache_creation_input_tokens" -> usage.cacheWrite = longValue(token, parser, name);
            case "cache_read_input_tokens" -> usage.cacheRead = longValue(token, parser, name);
            case "output_tokens" -> usage.output = longValue(token, parser, name);
            case "output_tokens_details" -> open(token, JsonToken.START_OBJECT, name);
            default -> skip(token);
        }
    }
}
