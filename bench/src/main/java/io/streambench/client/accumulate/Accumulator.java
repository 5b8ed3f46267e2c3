package io.streambench.client.accumulate;

/**
 * How a client keeps the whole answer while it streams in. One per stream, on the stream's
 * thread; create them with {@link AccumulateStrategy#create}.
 */
public interface Accumulator {

    /** Adds content text; {@code text} may be a view, so implementations copy what they keep. */
    void append(CharSequence text);

    /** The answer kept so far (empty for count-only; cut at the limit when truncated). */
    String result();

    /** Characters received, kept or not (UTF-16 chars). */
    long characters();

    /** True once text was dropped at a limit. */
    boolean truncated();

    /**
     * Heap bytes held by what is kept, estimated from the object layout of a 64-bit JVM with
     * compressed references (see {@link HeapLayout}); JOL measures it exactly in the memory benchmarks.
     */
    long retainedBytes();

    /** The {@link AccumulateStrategy#label()} of its strategy. */
    String name();
}
