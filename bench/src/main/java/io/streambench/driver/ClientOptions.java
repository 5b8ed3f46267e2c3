package io.streambench.driver;

import io.streambench.client.accumulate.AccumulateStrategy;
import io.streambench.client.flush.FlushStrategy;
import io.streambench.client.sse.ParserStrategy;
import java.util.Objects;

/**
 * The client-side strategies every stream runs through.
 *
 * @param parser           the SSE parser strategy
 * @param flush            the flush policy, or null for none
 * @param accumulate       the accumulation strategy, or null for none
 * @param maxResponseChars limit of a {@link AccumulateStrategy#limited() limited} accumulator in chars, or 0 for
 *                         its default
 */
public record ClientOptions(ParserStrategy parser, FlushStrategy flush, AccumulateStrategy accumulate,
        long maxResponseChars) {

    public ClientOptions {
        Objects.requireNonNull(parser, "parser");
        if (maxResponseChars < 0 || maxResponseChars > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("max response chars must be in [0, 2^31-1], got " + maxResponseChars);
        }
    }

    /** The fastest parser, no flush or accumulation strategy. */
    public static ClientOptions defaults() {
        return new ClientOptions(ParserStrategy.BYTES_SCAN, null, null, 0);
    }
}
