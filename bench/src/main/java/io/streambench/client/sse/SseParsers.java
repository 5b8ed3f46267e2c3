package io.streambench.client.sse;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The parser strategies by name, for the CLI's {@code --parser NAME} and JMH's {@code @Param}.
 *
 * <table>
 * <caption>Strategies</caption>
 * <tr><th>name</th><th>framing</th><th>JSON</th></tr>
 * <tr><td>{@code sdk-style}</td><td>String lines (as openai-java)</td><td>{@code readTree} + {@code treeToValue} (as openai-java)</td></tr>
 * <tr><td>{@code lines-streaming}</td><td>String lines</td><td>Jackson streaming parser per event</td></tr>
 * <tr><td>{@code bytes-jackson}</td><td>byte scanner</td><td>Jackson streaming parser per event over the bytes</td></tr>
 * <tr><td>{@code bytes-nonblocking}</td><td>byte scanner</td><td>one Jackson non-blocking parser per connection</td></tr>
 * <tr><td>{@code bytes-scan}</td><td>byte scanner</td><td>hand-written scan, Jackson for the rest</td></tr>
 * <tr><td>{@code okhttp-sse}</td><td>OkHttp 4.12 {@code ServerSentEventReader}</td><td>as {@code lines-streaming}</td></tr>
 * <tr><td>{@code launchdarkly}</td><td>LaunchDarkly okhttp-eventsource 4.1.1</td><td>as {@code lines-streaming}</td></tr>
 * </table>
 *
 * <p>The two reference adapters need their libraries on the class path; they are optional
 * dependencies of this module, present in the benchmark jar. They bridge the libraries' blocking
 * readers to pushed bytes with a thread per stream; {@link #createBlocking} gives the same
 * libraries as their users run them, reading on the caller's thread.
 */
public final class SseParsers {

    public static final String SDK_STYLE = "sdk-style";
    public static final String LINES_STREAMING = "lines-streaming";
    public static final String BYTES_JACKSON = "bytes-jackson";
    public static final String BYTES_NONBLOCKING = "bytes-nonblocking";
    public static final String BYTES_SCAN = "bytes-scan";
    public static final String OKHTTP_SSE = "okhttp-sse";
    public static final String LAUNCHDARKLY = "launchdarkly";

    private static final Map<String, Function<SseListener, SseParser>> FACTORIES = Map.of(
            SDK_STYLE, SdkStyleParser::new,
            LINES_STREAMING, LinesStreamingParser::new,
            BYTES_JACKSON, listener -> new BufferedEventParser(listener,
                    new JacksonEventDecoder(listener, new ChunkScratch())),
            BYTES_NONBLOCKING, BytesNonBlockingParser::new,
            BYTES_SCAN, listener -> new BufferedEventParser(listener, new ScanEventDecoder(listener)),
            // Lambdas, not constructor references: the adapter classes, and their optional
            // libraries, are then loaded only when an adapter is asked for.
            // Each runs the library's blocking reader on a thread of its own (ThreadBridgedParser).
            OKHTTP_SSE, listener -> new ThreadBridgedParser(new OkHttpSseReader(listener)),
            LAUNCHDARKLY, listener -> new ThreadBridgedParser(new LaunchDarklyReader(listener)));

    private static final List<String> NAMES = List.of(
            SDK_STYLE, LINES_STREAMING, BYTES_JACKSON, BYTES_NONBLOCKING, BYTES_SCAN, OKHTTP_SSE, LAUNCHDARKLY);

    // The same two libraries as their users run them, reading a blocking body on the caller's thread.
    private static final Map<String, Function<SseListener, BlockingSseReader>> BLOCKING_FACTORIES = Map.of(
            OKHTTP_SSE, listener -> new OkHttpSseReader(listener),
            LAUNCHDARKLY, listener -> new LaunchDarklyReader(listener));

    private static final List<String> BLOCKING_NAMES = List.of(OKHTTP_SSE, LAUNCHDARKLY);

    private SseParsers() {
    }

    /** Every strategy name, baseline first. */
    public static List<String> names() {
        return NAMES;
    }

    /** A parser with the default policy, {@link MalformedPolicy#SKIP}. */
    public static SseParser create(String name, SseListener listener) {
        return create(name, listener, MalformedPolicy.SKIP);
    }

    /**
     * A new parser for one stream.
     *
     * @throws IllegalArgumentException if no strategy has that name
     */
    public static SseParser create(String name, SseListener listener, MalformedPolicy policy) {
        return factory(FACTORIES, NAMES, "parser", name).apply(withPolicy(listener, policy));
    }

    /** The names {@link #createBlocking} knows: the reference libraries, {@code okhttp-sse} and {@code launchdarkly}. */
    public static List<String> blockingNames() {
        return BLOCKING_NAMES;
    }

    /**
     * A reference library as its users run it, for one stream: a {@link BlockingSseReader} that reads
     * the body on the caller's thread. {@link #create} with the same name runs the same reader on a
     * thread of its own, fed pushed reads.
     *
     * @throws IllegalArgumentException if no reference library has that name
     */
    public static BlockingSseReader createBlocking(String name, SseListener listener, MalformedPolicy policy) {
        return factory(BLOCKING_FACTORIES, BLOCKING_NAMES, "blocking reader", name).apply(withPolicy(listener, policy));
    }

    private static <T> Function<SseListener, T> factory(Map<String, Function<SseListener, T>> factories,
                                                        List<String> names, String kind, String name) {
        Function<SseListener, T> factory = factories.get(name);
        if (factory == null) {
            throw new IllegalArgumentException("unknown " + kind + "=" + name + ", known=" + names);
        }
        return factory;
    }

    private static SseListener withPolicy(SseListener listener, MalformedPolicy policy) {
        return policy == MalformedPolicy.STOP ? new StopOnMalformed(listener) : listener;
    }

    /** False for {@code okhttp-sse}, whose reader drops comment lines (and so the {@code : t=} send stamps). */
    public static boolean reportsComments(String name) {
        return !OKHTTP_SSE.equals(name);
    }
}
