package io.streambench.client.sse;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The reference libraries by name, as {@link BlockingSseReader}s: the same names as their
 * {@link SseParsers} adapters, {@code okhttp-sse} and {@code launchdarkly}. They need their
 * libraries on the class path (optional dependencies of this module, present in the benchmark jar).
 */
public final class BlockingSseReaders {

    // Lambdas, not constructor references: a reader class, and its optional library, is then
    // loaded only when that reader is asked for.
    private static final Map<String, Function<SseListener, BlockingSseReader>> FACTORIES = Map.of(
            SseParsers.OKHTTP_SSE, listener -> new OkHttpSseReader(listener),
            SseParsers.LAUNCHDARKLY, listener -> new LaunchDarklyReader(listener));

    private static final List<String> NAMES = List.of(SseParsers.OKHTTP_SSE, SseParsers.LAUNCHDARKLY);

    private BlockingSseReaders() {
    }

    /** Every reader name. */
    public static List<String> names() {
        return NAMES;
    }

    /** A reader with the default policy, {@link MalformedPolicy#SKIP}. */
    public static BlockingSseReader create(String name, SseListener listener) {
        return create(name, listener, MalformedPolicy.SKIP);
    }

    /**
     * A new reader for one stream.
     *
     * @throws IllegalArgumentException if no reader has that name
     */
    public static BlockingSseReader create(String name, SseListener listener, MalformedPolicy policy) {
        Function<SseListener, BlockingSseReader> factory = FACTORIES.get(name);
        if (factory == null) {
            throw new IllegalArgumentException("unknown blocking reader=" + name + ", known=" + NAMES);
        }
        return factory.apply(policy == MalformedPolicy.STOP ? new StopOnMalformed(listener) : listener);
    }
}
