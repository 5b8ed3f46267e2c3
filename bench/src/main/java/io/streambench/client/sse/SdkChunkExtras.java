package io.streambench.client.sse;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What {@code sdk-style} reads of a chat or legacy completions chunk beside its typed {@link SdkChunk}:
 * a delta's {@code reasoning} (or its older name {@code reasoning_content}; vLLM may send both, with the same
 * text), a legacy choice's {@code text}, and the usage's reasoning and cached token counts. Read from the
 * tree by lookups, which allocate nothing; {@link #check} first rejects wrong types, as the other strategies
 * do.
 */
final class SdkChunkExtras {

    private SdkChunkExtras() {
    }

    /** Throws if one of these fields has the wrong JSON type, so that {@link #reasoning} and the rest need not. */
    static void check(JsonNode tree) throws MalformedDataException {
        JsonNode choices = tree.get("choices");
        if (choices != null && choices.isArray()) {
            // Indexed, not for-each: an iterator per event would be the one allocation this adds.
            for (int c = 0; c < choices.size(); c++) {
                JsonNode choice = choices.get(c);
                JsonNode delta = choice.get("delta");
                text(delta, "reasoning");
                text(delta, "reasoning_content");
                text(choice, "text");
            }
        }
        JsonNode usage = tree.get("usage");
        count(object(usage, "completion_tokens_details"), "reasoning_tokens");
        count(object(usage, "prompt_tokens_details"), "cached_tokens");
        count(usage, "prompt_cache_hit_tokens");
    }

    /** The reasoning of choice {@code choice} of a checked chunk, or null. */
    static String reasoning(JsonNode tree, int choice) throws MalformedDataException {
        JsonNode delta = tree.get("choices").get(choice).get("delta");
        String reasoning = text(delta, "reasoning");
        return reasoning != null ? reasoning : text(delta, "reasoning_content");
    }

    /** A legacy completions choice's text, or null. */
    static String text(JsonNode tree, int choice) throws MalformedDataException {
        return text(tree.get("choices").get(choice), "text");
    }

    /** The usage's counts as {@link TokenUsage} defines them, in {@code into}. */
    static TokenUsage usage(SdkChunk.Usage usage, JsonNode tree, UsageCounts into) throws MalformedDataException {
        JsonNode node = tree.get("usage");
        into.resetUsage();
        into.hasUsage = true;
        into.input = usage.promptTokens();
        into.output = usage.completionTokens();
        into.total = usage.totalTokens();
        into.reasoning = count(object(node, "completion_tokens_details"), "reasoning_tokens");
        into.hasCached = field(object(node, "prompt_tokens_details"), "cached_tokens") != null;
        into.cached = count(object(node, "prompt_tokens_details"), "cached_tokens");
        into.cacheHit = count(node, "prompt_cache_hit_tokens");
        return into.as(TokenUsage.Source.CHUNK_USAGE, false);
    }

    private static String text(JsonNode parent, String name) throws MalformedDataException {
        JsonNode value = field(parent, name);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            throw new MalformedDataException("field=" + name + " has unexpected " + value.getNodeType());
        }
        return value.textValue();
    }

    private static long count(JsonNode parent, String name) throws MalformedDataException {
        JsonNode value = field(parent, name);
        if (value == null) {
            return 0;
        }
        if (!value.isIntegralNumber()) {
            throw new MalformedDataException("field=" + name + " has unexpected " + value.getNodeType());
        }
        return value.longValue();
    }

    private static JsonNode object(JsonNode parent, String name) throws MalformedDataException {
        JsonNode value = field(parent, name);
        if (value != null && !value.isObject()) {
            throw new MalformedDataException("field=" + name + " has unexpected " + value.getNodeType());
        }
        return value;
    }

    /** The field's value, or null when it is absent or JSON null. */
    private static JsonNode field(JsonNode parent, String name) {
        JsonNode value = parent == null || !parent.isObject() ? null : parent.get(name);
        return value == null || value.isNull() ? null : value;
    }
}
