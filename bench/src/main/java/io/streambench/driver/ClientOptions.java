package io.streambench.driver;

import io.streambench.client.accumulate.Accumulators;
import io.streambench.client.flush.FlushPolicy;
import io.streambench.client.sse.SseParsers;

/**
 * The client-side strategies every stream runs through.
 *
 * @param parser           an {@link SseParsers} name
 * @param flush            a {@link FlushPolicy#NAMES} name, or null for none
 * @param accumulate       an {@link Accumulators#NAMES} name, or null for none
 * @param maxResponseChars limit of the {@code bounded} accumulator in chars, or 0 for its default
 */
public record ClientOptions(String parser, String flush, String accumulate, long maxResponseChars) {

    public ClientOptions {
        if (parser == null || !SseParsers.names().contains(parser)) {
            throw new IllegalArgumentException("unknown parser=" + parser + ", known=" + SseParsers.names());
        }
        if (maxResponseChars < 0 || maxResponseChars > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("max response chars must be in [0, 2^31-1], got " + maxResponseChars);
        }
        if (flush != null && !FlushPolicy.NAMES.contains(flush)) {
            throw new IllegalArgumentException("unknown flush=" + flush + ", known=" + FlushPolicy.NAMES);
        }
        if (accumulate != null && !Accumulators.NAMES.contains(accumulate)) {
            throw new IllegalArgumentException("unknown accumulate=" + accumulate + ", known=" + Accumulators.NAMES);
        }
    }

    /** The fastest parser, no flush or accumulation strategy. */
    public static ClientOptions defaults() {
        return new ClientOptions(SseParsers.BYTES_SCAN, null, null, 0);
    }
}
