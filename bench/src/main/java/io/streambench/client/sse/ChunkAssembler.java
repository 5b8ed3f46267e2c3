package io.streambench.client.sse;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;

/**
 * Reads a chat completions chunk ({@code chat.completion.chunk}) or a legacy completions chunk
 * ({@code text_completion}, whose choices carry {@code text} instead of a {@code delta}) from Jackson tokens
 * into a {@link ChunkScratch}.
 */
final class ChunkAssembler extends TokenAssembler<ChunkScratch> {

    private ChunkScratch.Choice choice;
    private ChunkScratch.ToolCall call;

    ChunkAssembler(ChunkScratch scratch) {
        super(scratch);
    }

    @Override
    void value(String parent, String name, JsonToken token, JsonParser parser) throws IOException {
        switch (parent) {
            case ROOT -> root(name, token, parser);
            case "choices" -> {
                if (name == null) {
                    expect(token == JsonToken.START_OBJECT, "choices[]", token);
                    choice = scratch.addChoice();
                    open(token, JsonToken.START_OBJECT, "choices");
                } else {
                    choice(name, token, parser);
                }
            }
            case "delta" -> delta(name, token, parser);
            case "tool_calls" -> {
                if (name == null) {
                    expect(token == JsonToken.START_OBJECT, "tool_calls[]", token);
                    call = choice.addToolCall();
                    open(token, JsonToken.START_OBJECT, "tool_calls");
                } else if ("index".equals(name)) {
                    call.index = intValue(token, parser, name);
                } else if ("id".equals(name)) {
                    string(token, parser, call.id, name);
                } else if ("function".equals(name)) {
                    open(token, JsonToken.START_OBJECT, "function");
                } else {
                    skip(token);
                }
            }
            case "function" -> {
                switch (name) {
                    case "name" -> string(token, parser, call.name, name);
                    case "arguments" -> string(token, parser, call.arguments, name);
                    default -> skip(token);
                }
            }
            case "usage" -> usage(name, token, parser);
            case "prompt_tokens_details" -> cachedTokens(name, token, parser, scratch);
            case "completion_tokens_details" ->
                    scratch.reasoning = count("reasoning_tokens", name, token, parser, scratch.reasoning);
            case "error" -> errorValue(name, token, parser);
            default -> skip(token);
        }
    }

    private void root(String name, JsonToken token, JsonParser parser) throws IOException {
        switch (name) {
            case "choices" -> open(token, JsonToken.START_ARRAY, name);
            case "usage" -> scratch.hasUsage = open(token, JsonToken.START_OBJECT, name);
            case "error" -> error(ROOT, token, parser);
            default -> skip(token);
        }
    }

    private void choice(String name, JsonToken token, JsonParser parser) throws IOException {
        switch (name) {
            case "index" -> choice.index = intValue(token, parser, name);
            case "delta" -> open(token, JsonToken.START_OBJECT, name);
            case "finish_reason" -> string(token, parser, choice.finishReason, name);
            // legacy completions: the choice holds the text itself
            case "text" -> string(token, parser, choice.content, name);
            default -> skip(token);
        }
    }

    private void delta(String name, JsonToken token, JsonParser parser) throws IOException {
        switch (name) {
            case "role" -> string(token, parser, choice.role, name);
            case "content" -> string(token, parser, choice.content, name);
            case "tool_calls" -> open(token, JsonToken.START_ARRAY, name);
            // DeepSeek and older vLLM; current vLLM and gateways. vLLM may send both, with the same text.
            case "reasoning_content", "reasoning" -> string(token, parser, choice.reasoning, name);
            default -> skip(token);
        }
    }

    private void usage(String name, JsonToken token, JsonParser parser) throws IOException {
        UsageCounts usage = scratch;
        switch (name) {
            case "prompt_tokens" -> usage.input = longValue(token, parser, name);
            case "completion_tokens" -> usage.output = longValue(token, parser, name);
            case "total_tokens" -> usage.total = longValue(token, parser, name);
            case "prompt_tokens_details", "completion_tokens_details" -> open(token, JsonToken.START_OBJECT, name);
            case "prompt_cache_hit_tokens" -> usage.cacheHit = longValue(token, parser, name);
            default -> skip(token);
        }
    }
}
