package io.streambench.driver;

import io.streambench.client.sse.SseParsers;

/**
 * The client-side strategies every stream runs through.
 *
 * @param parser           an {@link SseParsers} name
 * @param flush            flush strategy name, or null for none
 * @param accumulate       accumulation strategy name, or null for none
 * @param maxResponseChars accumulation limit in chars, or 0 for none
 */
public record ClientOptions(String parser, String flush, String accumulate, long maxResponseChars) {

    public ClientOptions {
        if (parser == null || !SseParsers.names().contains(parser)) {
            throw new IllegalArgumentException("unknown parser=" + parser + ", known=" + SseParsers.names());
        }
        if (maxResponseChars < 0) {
            throw new IllegalArgumentException("max response chars must be >= 0, got " + maxResponseChars);
        }
    }

    /** The fastest parser, no flush or accumulation strategy. */
    public static ClientOptions defaults() {
        return new ClientOptions(SseParsers.BYTES_SCAN, null, null, 0);
    }
}
