package io.streambench.client.accumulate;

import io.streambench.mock.UsageException;
import java.util.Arrays;
import java.util.List;

/**
 * The accumulation strategies by name, for the CLI, the driver and the benchmarks: each makes new
 * {@link Accumulator}s and says whether it takes a character limit.
 *
 * <pre>
 * AccumulateStrategy strategy = AccumulateStrategy.named("bounded");
 * Accumulator answer = strategy.create(8 * 1024);   // one per stream
 * </pre>
 */
public enum AccumulateStrategy {

    /** {@code String +=}: the naive way, a copy of the whole answer per chunk. */
    CONCAT("concat", false) {
        @Override
        public Accumulator create(int maxChars) {
            return new ConcatAccumulator();
        }
    },
    /** One {@link StringBuilder}. */
    STRING_BUILDER("string-builder", false) {
        @Override
        public Accumulator create(int maxChars) {
            return new StringBuilderAccumulator();
        }
    },
    /** The chunks as they came, joined at the end. */
    CHUNK_LIST("chunk-list", false) {
        @Override
        public Accumulator create(int maxChars) {
            return new ChunkListAccumulator();
        }
    },
    /** A {@link StringBuilder} that stops at a limit and marks the answer truncated. */
    BOUNDED("bounded", true) {
        @Override
        public Accumulator create(int maxChars) {
            return new BoundedAccumulator(maxChars);
        }
    },
    /** Counts characters and keeps nothing. */
    COUNT_ONLY("count-only", false) {
        @Override
        public Accumulator create(int maxChars) {
            return new CountOnlyAccumulator();
        }
    };

    /** The limit of a {@link #limited()} strategy unless told otherwise: 32 Ki chars, about 8k tokens of English. */
    public static final int DEFAULT_MAX_CHARS = 32 * 1024;

    private final String label;
    private final boolean limited;

    AccumulateStrategy(String label, boolean limited) {
        this.label = label;
        this.limited = limited;
    }

    /** The name on the command line, in run.json and in benchmark parameters. */
    public String label() {
        return label;
    }

    /** Whether it stops at a character limit (the {@code maxChars} of {@link #create(int)}). */
    public boolean limited() {
        return limited;
    }

    /** A new accumulator; a {@link #limited()} one stops at {@link #DEFAULT_MAX_CHARS}. */
    public Accumulator create() {
        return create(DEFAULT_MAX_CHARS);
    }

    /** A new accumulator; {@code maxChars} is used by {@link #limited()} strategies only. */
    public abstract Accumulator create(int maxChars);

    /**
     * The strategy of {@code name}.
     *
     * @throws UsageException naming the known strategies, for an unknown name
     */
    public static AccumulateStrategy named(String name) {
        for (AccumulateStrategy s : values()) {
            if (s.label.equals(name)) {
                return s;
            }
        }
        throw new UsageException("unknown accumulator=" + name + ", known=" + names());
    }

    /** Every name, naive first. */
    public static List<String> names() {
        return Arrays.stream(values()).map(AccumulateStrategy::label).toList();
    }

    /** The {@link #label()}. */
    @Override
    public String toString() {
        return label;
    }
}
