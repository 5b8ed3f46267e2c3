package io.streambench.driver;

import io.streambench.client.accumulate.AccumulatorFactory;
import io.streambench.client.flush.FlushPolicy;
import io.streambench.client.sse.ParserFactory;
import io.streambench.client.sse.ParserStrategy;
import io.streambench.client.stack.ClientStackProvider;
import io.streambench.client.stack.ClientStacks;
import java.util.Objects;

/**
 * The client-side strategies every stream runs through.
 *
 * @param parser           the SSE parser (ours or a user's)
 * @param flush            the flush policy, or null for none
 * @param accumulate       the accumulation strategy, or null for none
 * @param maxResponseChars limit of a {@link AccumulatorFactory#limited() limited} accumulator in chars, or 0 for
 *                         its default
 * @param stack            the client stack that opens the streams ({@code --client}), or null for the driver's own
 *                         Netty client
 */
public record ClientOptions(ParserFactory parser, FlushPolicy flush, AccumulatorFactory accumulate,
        long maxResponseChars, ClientStackProvider stack) {

    /** On the driver's own Netty client. */
    public ClientOptions(ParserFactory parser, FlushPolicy flush, AccumulatorFactory accumulate, long maxResponseChars) {
        this(parser, flush, accumulate, maxResponseChars, null);
    }

    /** The name of the client stack: {@code netty} for the driver's own. */
    public String stackName() {
        return stack == null ? ClientStacks.NETTY : stack.name();
    }

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
