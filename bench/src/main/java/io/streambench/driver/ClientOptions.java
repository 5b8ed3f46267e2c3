package io.streambench.driver;

import io.streambench.client.accumulate.AccumulatorFactory;
import io.streambench.client.flush.FlushPolicy;
import io.streambench.client.sse.ParserFactory;
import io.streambench.client.sse.ParserStrategy;
import java.util.Objects;

/**
 * The client-side strategies every stream runs through.
 *
 * @param parser           the SSE parser (ours or a user's)
 * @param flush            the flush policy, or null for none
 * @param accumulate       the accumulation strategy, or null for none
 * @param maxResponseChars limit of a {@link AccumulatorFactory#limited() limited} accumulator in chars, or 0 for
 *                         its default
 */
public record ClientOptions(ParserFactory parser, FlushPolicy flush, AccumulatorFactory accumulate,
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
