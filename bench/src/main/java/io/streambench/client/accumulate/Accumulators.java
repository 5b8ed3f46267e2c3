package io.streambench.client.accumulate;

import java.util.List;

/** The accumulation strategies by name, for the CLI and benchmarks. */
public final class Accumulators {

    /** Every name, naive first. */
    public static final List<String> NAMES = List.of("concat", "string-builder", "chunk-list", "bounded", "count-only");

    /** The limit {@code bounded} uses unless told otherwise: 32 Ki chars, about 8k tokens of English. */
    public static final int DEFAULT_MAX_CHARS = 32 * 1024;

    private Accumulators() {
    }

    /** A new accumulator; {@code bounded} stops at {@link #DEFAULT_MAX_CHARS}. */
    public static Accumulator named(String name) {
        return named(name, DEFAULT_MAX_CHARS);
    }

    /** A new accumulator; {@code maxChars} is used by {@code bounded} only. */
    public static Accumulator named(String name, int maxChars) {
        return switch (name) {
            case "concat" -> new ConcatAccumulator();
            case "string-builder" -> new StringBuilderAccumulator();
            case "chunk-list" -> new ChunkListAccumulator();
            case "bounded" -> new BoundedAccumulator(maxChars);
            case "count-only" -> new CountOnlyAccumulator();
            default -> throw new IllegalArgumentException("unknown accumulator=" + name + ", known=" + NAMES);
        };
    }
}
