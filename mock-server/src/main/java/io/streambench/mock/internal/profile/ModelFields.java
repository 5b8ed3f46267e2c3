package io.streambench.mock.internal.profile;

import com.fasterxml.jackson.databind.JsonNode;
import io.streambench.mock.profile.ModelSettings;
import io.streambench.mock.profile.ProfileException;
import java.util.Set;

/**
 * Reads the fields of a profile that make its server model ({@link ModelSettings}): how the "server" behaves
 * under traffic. None of them present: {@link ModelSettings#OFF}.
 *
 * <pre>
 * tokenizer: o200k_base                 # or cl100k_base
 * prefill_ms_per_1k_tokens: 20
 * prefix_cache: {blocks: 8192, block_tokens: 16}
 * capacity: {sequences: 8, itl_ms_per_sequence: 0.25, prefill_stall: 0.5}
 * </pre>
 */
final class ModelFields {

    private static final Set<String> CACHE_KEYS = Set.of("blocks", "block_tokens");
    private static final Set<String> CAPACITY_KEYS = Set.of("sequences", "itl_ms_per_sequence", "prefill_stall");

    private ModelFields() {
    }

    static ModelSettings read(JsonNode n) {
        JsonNode tokenizer = n.get("tokenizer");
        JsonNode prefill = n.get("prefill_ms_per_1k_tokens");
        JsonNode cache = n.get("prefix_cache");
        JsonNode capacity = n.get("capacity");
        if (isAbsent(tokenizer) && isAbsent(prefill) && isAbsent(cache) && isAbsent(capacity)) {
            return ModelSettings.OFF;
        }
        if (!isAbsent(tokenizer) && !tokenizer.isTextual()) {
            throw new ProfileException("tokenizer: expected one of " + String.join(", ", ModelSettings.TOKENIZERS));
        }
        int blocks = 0;
        int blockTokens = ModelSettings.DEFAULT_BLOCK_TOKENS;
        if (!isAbsent(cache)) {
            if (!cache.isObject()) {
                throw new ProfileException("prefix_cache: expected a mapping like {blocks: 8192, "
                        + "block_tokens: 16}");
            }
            ProfileFields.checkKeys(cache, CACHE_KEYS, "prefix_cache");
            blocks = whole(cache, "blocks", "prefix_cache.blocks", -1);
            if (blocks < 1) {
                throw new ProfileException("prefix_cache.blocks: expected a whole number >= 1 (the cache size "
                        + "in blocks)");
            }
            blockTokens = whole(cache, "block_tokens", "prefix_cache.block_tokens", blockTokens);
        }
        int sequences = 0;
        double itlPerSequence = 0;
        double stall = 0;
        if (!isAbsent(capacity)) {
            if (!capacity.isObject()) {
                throw new ProfileException("capacity: expected a mapping like {sequences: 8, "
                        + "itl_ms_per_sequence: 0.25}");
            }
            ProfileFields.checkKeys(capacity, CAPACITY_KEYS, "capacity");
            sequences = whole(capacity, "sequences", "capacity.sequences", -1);
            if (sequences < 1) {
                throw new ProfileException("capacity.sequences: expected a whole number >= 1 (sequences decoded "
                        + "at once)");
            }
            itlPerSequence = number(capacity, "itl_ms_per_sequence", "capacity.itl_ms_per_sequence", 0);
            stall = number(capacity, "prefill_stall", "capacity.prefill_stall", 0);
        }
        double prefillMs = number(n, "prefill_ms_per_1k_tokens", "prefill_ms_per_1k_tokens", 0);
        return new ModelSettings(isAbsent(tokenizer) ? null : tokenizer.asText(), prefillMs, blocks, blockTokens,
                sequences, itlPerSequence, stall);
    }

    private static boolean isAbsent(JsonNode v) {
        return v == null || v.isNull();
    }

    private static int whole(JsonNode parent, String key, String field, int fallback) {
        JsonNode v = parent.get(key);
        if (isAbsent(v)) {
            return fallback;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new ProfileException(field + ": expected a whole number, got " + v);
        }
        return v.asInt();
    }

    private static double number(JsonNode parent, String key, String field, double fallback) {
        JsonNode v = parent.get(key);
        if (isAbsent(v)) {
            return fallback;
        }
        if (!v.isNumber()) {
            throw new ProfileException(field + ": expected a number, got " + v);
        }
        return v.asDouble();
    }
}
