package io.streambench.client.sse;

import io.streambench.client.Api;
import io.streambench.mock.Choice;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Our SSE parser strategies ({@link ParserFactory} is the type a user's own parser has too), with what each can do: the dialects it decodes, whether it reports comments
 * (the {@code : t=} send stamps), whether it can also read a blocking body. The CLI's {@code --parser}, the
 * driver and JMH's {@code parser} parameter name them by {@link #label()} ({@code BYTES_SCAN} is
 * {@code bytes-scan}).
 *
 * <p>Each strategy is an SSE framing and a JSON reading. The framing finds lines, fields and events, and
 * keeps the {@code event:} line, which names the events of the Responses API and Anthropic Messages; Gemini
 * ends its lines with CRLF. The JSON reading turns each event's data into {@link SseListener} calls, per
 * dialect ({@link Api}).
 *
 * <table>
 * <caption>Strategies</caption>
 * <tr><th>label</th><th>framing</th><th>JSON</th></tr>
 * <tr><td>{@code sdk-style}</td><td>String lines (as openai-java)</td><td>{@code readTree} + {@code treeToValue}
 *     to a typed event (as the official SDKs)</td></tr>
 * <tr><td>{@code lines-streaming}</td><td>String lines</td><td>Jackson streaming parser per event</td></tr>
 * <tr><td>{@code bytes-jackson}</td><td>byte scanner</td><td>Jackson streaming parser per event over the bytes</td></tr>
 * <tr><td>{@code bytes-nonblocking}</td><td>byte scanner</td><td>one Jackson non-blocking parser per connection</td></tr>
 * <tr><td>{@code bytes-scan}</td><td>byte scanner</td><td>hand-written scan of each dialect's common events,
 *     Jackson for the rest</td></tr>
 * <tr><td>{@code okhttp-sse}</td><td>OkHttp 4.12 {@code ServerSentEventReader}</td><td>as {@code lines-streaming}</td></tr>
 * <tr><td>{@code launchdarkly}</td><td>LaunchDarkly okhttp-eventsource 4.1.1</td><td>as {@code lines-streaming}</td></tr>
 * </table>
 *
 * <p>The two reference adapters need their libraries on the class path; they are optional dependencies of
 * this module, present in the benchmark jar. Pushed reads ({@link #create}) reach their blocking readers
 * through a thread per stream; {@link #createBlocking} gives the same libraries as their users run them,
 * reading on the caller's thread.
 *
 * <pre>{@code
 * SseParser parser = ParserStrategy.named("bytes-scan").create(Api.RESPONSES, listener);
 * }</pre>
 */
public enum ParserStrategy implements Choice, ParserFactory {

    SDK_STYLE(true, false, SdkStyleParser::new),
    LINES_STREAMING(true, false, LinesStreamingParser::new),
    BYTES_JACKSON(true, false,
            (api, listener) -> new BufferedEventParser(listener, new EventJson(api, listener, false))),
    BYTES_NONBLOCKING(true, false, BytesNonBlockingParser::new),
    BYTES_SCAN(true, false,
            (api, listener) -> new BufferedEventParser(listener, new EventJson(api, listener, true))),
    // Lambdas, not constructor references: the adapter classes, and their optional libraries, are then
    // loaded only when an adapter is asked for. Pushed, each runs the library's blocking reader on a thread
    // of its own (ThreadBridgedParser).
    /** OkHttp's reader skips comment lines, so the {@code : t=} send stamps never reach the listener. */
    OKHTTP_SSE(false, true, (api, listener) -> new ThreadBridgedParser(new OkHttpSseReader(api, listener))),
    LAUNCHDARKLY(true, true, (api, listener) -> new ThreadBridgedParser(new LaunchDarklyReader(api, listener)));

    private static final Set<Api> EVERY_API = Collections.unmodifiableSet(EnumSet.allOf(Api.class));

    /** Makes a parser for one stream. */
    private interface Factory {
        SseParser create(Api api, SseListener listener);
    }

    private final boolean reportsComments;
    private final boolean blocking;
    private final Factory factory;

    ParserStrategy(boolean reportsComments, boolean blocking, Factory factory) {
        this.reportsComments = reportsComments;
        this.blocking = blocking;
        this.factory = factory;
    }

    @Override
    public String label() {
        return Choice.super.label();
    }

    /** Every label, baseline first. */
    public static List<String> labels() {
        return Choice.labels(ParserStrategy.class);
    }

    /** The strategy labelled {@code label}; for an unknown one a {@link io.streambench.mock.UsageException} lists the labels. */
    public static ParserStrategy named(String label) {
        return Choice.named(ParserStrategy.class, "parser", label);
    }

    /** The dialects this strategy decodes: every one, for every strategy. */
    @Override
    public Set<Api> apis() {
        return EVERY_API;
    }

    /** False for {@code okhttp-sse}, whose reader drops comment lines (and so the {@code : t=} send stamps). */
    @Override
    public boolean reportsComments() {
        return reportsComments;
    }

    /** True for the reference libraries, which can read a blocking body on the caller's thread ({@link #createBlocking}). */
    public boolean hasBlockingMode() {
        return blocking;
    }

    /** The strategies with a blocking mode: the reference libraries. */
    public static List<ParserStrategy> blocking() {
        return Arrays.stream(values()).filter(ParserStrategy::hasBlockingMode).toList();
    }

    /** A parser for one stream of {@code api}, with the default policy, {@link MalformedPolicy#SKIP}. */
    @Override
    public SseParser create(Api api, SseListener listener) {
        return create(api, listener, MalformedPolicy.SKIP);
    }

    /** A new parser for one stream of {@code api}. */
    public SseParser create(Api api, SseListener listener, MalformedPolicy policy) {
        return factory.create(api, withPolicy(listener, policy));
    }

    /**
     * A reference library as its users run it, for one stream: a {@link BlockingSseReader} that reads the body
     * on the caller's thread. {@link #create} runs the same reader on a thread of its own, fed pushed reads.
     *
     * @throws UnsupportedOperationException if this strategy has no blocking mode ({@link #hasBlockingMode})
     */
    public BlockingSseReader createBlocking(Api api, SseListener listener, MalformedPolicy policy) {
        SseListener withPolicy = withPolicy(listener, policy);
        return switch (this) {
            case OKHTTP_SSE -> new OkHttpSseReader(api, withPolicy);
            case LAUNCHDARKLY -> new LaunchDarklyReader(api, withPolicy);
            default -> throw new UnsupportedOperationException("parser=" + label() + " has no blocking mode, those that have: "
                    + blocking().stream().map(ParserStrategy::label).toList());
        };
    }

    private static SseListener withPolicy(SseListener listener, MalformedPolicy policy) {
        return policy == MalformedPolicy.STOP ? new StopOnMalformed(listener) : listener;
    }
}
