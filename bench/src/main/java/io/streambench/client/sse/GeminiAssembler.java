package io.streambench.client.sse;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;

/** Reads a Gemini {@code GenerateContentResponse} (or its {@code error}) from Jackson tokens into a {@link GeminiScratch}. */
final class GeminiAssembler extends TokenAssembler<GeminiScratch> {

    private ChunkScratch.Choice choice;
    private ChunkScratch.ToolCall call;
    // The part being read: its text goes to the reasoning or the answer once we know whether it is a thought.
    private final CharSlice partText = new CharSlice(64);
    private boolean partThought;

    GeminiAssembler(GeminiScratch scratch) {
        super(scratch);
    }

    @Override
    void value(String parent, String name, JsonToken token, JsonParser parser) throws IOException {
        switch (parent) {
            case ROOT -> {
                switch (name) {
                    case "candidates" -> open(token, JsonToken.START_ARRAY, name);
                    case "usageMetadata" -> scratch.hasUsage = open(token, JsonToken.START_OBJECT, name);
                    case "error" -> error(parent, token, parser);
                    default -> skip(token);
                }
            }
            case "candidates" -> candidate(name, token, parser);
            case "content" -> {
                if ("parts".equals(name)) {
                    open(token, JsonToken.START_ARRAY, name);
                } else {
                    skip(token);
                }
            }
            case "parts" -> part(name, token, parser);
            case "functionCall" -> {
                switch (name) {
                    case "id" -> string(token, parser, call.id, name);
                    case "name" -> string(token, parser, call.name, name);
                    case "args" -> call.arguments.present = token != JsonToken.VALUE_NULL
                            && copy(token, parser, call.arguments, name);
                    default -> skip(token);
                }
            }
            case "usageMetadata" -> usage(name, token, parser);
            case "error" -> errorValue(name, token, parser);
            default -> skip(token);
        }
    }

    private void candidate(String name, JsonToken token, JsonParser parser) throws IOException {
        if (name == null) {
            expect(token == JsonToken.START_OBJECT, "candidates[]", token);
            choice = scratch.addChoice();
            // Parts are appended to these, not set.
            choice.content.clear();
            choice.reasoning.clear();
            open(token, JsonToken.START_OBJECT, "candidates");
            return;
        }
        switch (name) {
            case "content" -> open(token, JsonToken.START_OBJECT, name);
            case "finishReason" -> string(token, parser, choice.finishReason, name);
            case "index" -> choice.index = intValue(token, parser, name);
            default -> skip(token);
        }
    }

    private void part(String name, JsonToken token, JsonParser parser) throws IOException {
        if (name == null) {
            expect(token == JsonToken.START_OBJECT, "parts[]", token);
            partText.present = false;
            partThought = false;
            open(token, JsonToken.START_OBJECT, "parts");
            return;
        }
        switch (name) {
            case "text" -> string(token, parser, partText, name);
            case "thought" -> partThought = booleanValue(token, name);
            case "functionCall" -> {
                if (open(token, JsonToken.START_OBJECT, name)) {
                    call = choice.addToolCall();
                }
            }
            default -> skip(token);
        }
    }

    @Override
    void closed(String container, boolean array) {
        if (!array && "parts".equals(container) && partText.present) {
            CharSlice into = partThought ? choice.reasoning : choice.content;
            into.append(partText);
            into.present = true;
        }
    }

    private void usage(String name, JsonToken token, JsonParser parser) throws IOException {
        UsageCounts usage = scratch;
        switch (name) {
            case "promptTokenCount" -> usage.input = longValue(token, parser, name);
            case "candidatesTokenCount" -> usage.output = longValue(token, parser, name);
            case "thoughtsTokenCount" -> usage.reasoning = longValue(token, parser, name);
            case "cachedContentTokenCount" -> {
                usage.cached = longValue(token, parser, name);
                usage.hasCached = token != JsonToken.VALUE_NULL;
            }
            case "totalTokenCount" -> usage.total = longValue(token, parser, name);
            default -> skip(token);
        }
    }
}
