package io.streambench.client.accumulate;

import io.streambench.mock.Choice;
import io.streambench.mock.UsageException;
import java.util.function.IntFunction;

/**
 * The accumulation strategies by name, for the CLI, the driver and the benchmarks: each makes new
 * {@link Accumulator}s and says whether it takes a character limit.
 *
 * <pre>
 * AccumulateStrategy strategy = AccumulateStrategy.named("bounded");
 * Accumulator answer = strategy.create(8 * 1024);   // one per stream
 * </pre>
 */
public enum AccumulateStrategy implements Choice, AccumulatorFactory {

    /** {@code String +=}: the naive way, a copy of the whole answer per chunk. */
    CONCAT(false, maxChars -> new ConcatAccumulator()),
    /** One {@link StringBuilder}. */
    STRING_BUILDER(false, maxChars -> new StringBuilderAccumulator()),
    /** The chunks as they came, joined at the end. */
    CHUNK_LIST(false, maxChars -> new ChunkListAccumulator()),
    /** A {@link StringBuilder} that stops at a limit and marks the answer truncated. */
    BOUNDED(true, BoundedAccumulator::new),
    /** Counts characters and keeps nothing. */
    COUNT_ONLY(false, maxChars -> new CountOnlyAccumulator());

    /** The limit of a {@link #limited()} strategy unless told otherwise: 32 Ki chars, about 8k tokens of English. */
    public static final int DEFAULT_MAX_CHARS = 32 * 1024;

    private final boolean limited;
    private final IntFunction<Accumulator> factory;

    AccumulateStrategy(boolean limited, IntFunction<Accumulator> factory) {
        this.limited = limited;
        this.factory = factory;
    }

    @Override
    public String label() {
        return Choice.super.label();
    }

    /** Whether it stops at a character limit (the {@code maxChars} of {@link #create(int)}). */
    @Override
    public boolean limited() {
        return limited;
    }

    /** A new accumulator; a {@link #limited()} one stops at {@link #DEFAULT_MAX_CHARS}. */
    @Override
    public Accumulator create() {
        return create(DEFAULT_MAX_CHARS);
    }

    /** A new accumulator; {@code maxChars} is used by {@link #limited()} strategies only. */
    @Override
    public Accumulator create(int maxChars) {
        return factory.apply(maxChars);
    }

    /** The strategy labelled {@code name}; for an unknown name a {@link UsageException} lists the labels. */
    public static AccumulateStrategy named(String name) {
        return Choice.named(AccumulateStrategy.class, "accumulator", name);
    }
}
