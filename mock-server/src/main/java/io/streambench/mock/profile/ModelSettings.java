package io.streambench.mock.profile;

import java.util.List;

/**
 * How a profile's "server" behaves under traffic: prompts counted with a real tokenizer, a prefill time that
 * grows with the uncached prompt, a prefix cache, and a batch of concurrent sequences with a queue before it.
 * {@link #OFF} (every profile without these fields) leaves the mock exactly as it is without them.
 *
 * @param tokenizer the encoding prompts are counted with ({@code o200k_base} or {@code cl100k_base}); null
 *     when the profile names none (then {@code o200k_base} if the prefill model or the cache needs counts)
 * @param prefillMsPer1kTokens prefill time per 1,000 uncached prompt tokens, in ms, added to the time to first
 *     token; 0 for none
 * @param cacheBlocks prefix cache size in blocks (least recently used evicted first); 0 for no cache
 * @param blockTokens tokens per cache block (a prompt's partial last block is never cached)
 * @param sequences concurrent sequences the server decodes; requests beyond wait in a FIFO queue; 0 for no
 *     limit and no batch model
 * @param itlMsPerSequence added to every inter-chunk gap for each other sequence holding a slot, in ms
 * @param prefillStall share (0 to 1) of each admitted request's prefill time by which the sequences already
 *     decoding are held back (1: no chunked prefill, decoding stops during a prefill)
 */
public record ModelSettings(String tokenizer, double prefillMsPer1kTokens, int cacheBlocks, int blockTokens,
        int sequences, double itlMsPerSequence, double prefillStall) {

    /** The encodings a profile may name (they ship inside the jtokkit jar). */
    public static final List<String> TOKENIZERS = List.of("o200k_base", "cl100k_base");
    /** The encoding used when the profile names none: the driver's default too. */
    public static final String DEFAULT_TOKENIZER = "o200k_base";
    /** Block size when a cache names none: vLLM's default. */
    public static final int DEFAULT_BLOCK_TOKENS = 16;

    /** No model: the mock as it is without these fields. */
    public static final ModelSettings OFF = new ModelSettings(null, 0, 0, DEFAULT_BLOCK_TOKENS, 0, 0, 0);

    public ModelSettings {
        if (tokenizer != null && !TOKENIZERS.contains(tokenizer)) {
            throw new IllegalArgumentException("tokenizer: unknown encoding '" + tokenizer + "' (known: "
                    + String.join(", ", TOKENIZERS) + ")");
        }
        requireNonNegative(prefillMsPer1kTokens, "prefill_ms_per_1k_tokens");
        if (cacheBlocks < 0) {
            throw new IllegalArgumentException("prefix_cache.blocks must be >= 0, got " + cacheBlocks);
        }
        if (blockTokens < 1) {
            throw new IllegalArgumentException("prefix_cache.block_tokens must be >= 1, got " + blockTokens);
        }
        if (sequences < 0) {
            throw new IllegalArgumentException("capacity.sequences must be >= 1, got " + sequences);
        }
        requireNonNegative(itlMsPerSequence, "capacity.itl_ms_per_sequence");
        if (!(prefillStall >= 0 && prefillStall <= 1)) {
            throw new IllegalArgumentException("capacity.prefill_stall must be in [0, 1], got " + prefillStall);
        }
        if (sequences == 0 && (itlMsPerSequence > 0 || prefillStall > 0)) {
            throw new IllegalArgumentException("capacity.itl_ms_per_sequence and capacity.prefill_stall need "
                    + "capacity.sequences");
        }
        if (prefillStall > 0 && prefillMsPer1kTokens == 0) {
            throw new IllegalArgumentException("capacity.prefill_stall needs prefill_ms_per_1k_tokens (there is "
                    + "no prefill to stall on)");
        }
    }

    /** Whether the model does anything: otherwise the server takes the path it takes without it. */
    public boolean on() {
        return countsTokens() || sequences > 0;
    }

    /** Whether prompts are tokenized: a tokenizer is named, or the prefill model or the cache needs counts. */
    public boolean countsTokens() {
        return tokenizer != null || prefillMsPer1kTokens > 0 || cacheBlocks > 0;
    }

    /** The encoding prompts are counted with. */
    public String encoding() {
        return tokenizer != null ? tokenizer : DEFAULT_TOKENIZER;
    }

    /** The fields that are on, as a profile file spells them ("" when off): for listings. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        if (countsTokens()) {
            sb.append(" tokenizer=").append(encoding());
        }
        if (prefillMsPer1kTokens > 0) {
            sb.append(" prefill_ms_per_1k_tokens=").append(prefillMsPer1kTokens);
        }
        if (cacheBlocks > 0) {
            sb.append(" prefix_cache.blocks=").append(cacheBlocks).append(" prefix_cache.block_tokens=")
                    .append(blockTokens);
        }
        if (sequences > 0) {
            sb.append(" capacity.sequences=").append(sequences).append(" capacity.itl_ms_per_sequence=")
                    .append(itlMsPerSequence).append(" capacity.prefill_stall=").append(prefillStall);
        }
        return sb.toString().trim();
    }

    /** Prefill time of {@code tokens} uncached prompt tokens, in ns. */
    public long prefillNanos(int tokens) {
        return (long) (prefillMsPer1kTokens * tokens * 1_000.0);
    }

    /** What each other sequence holding a slot adds to a gap, in ns. */
    public long itlNanosPerSequence() {
        return (long) (itlMsPerSequence * 1_000_000.0);
    }

    private static void requireNonNegative(double v, String field) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(field + " must be a number >= 0, got " + v);
        }
    }
}
