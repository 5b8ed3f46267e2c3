package io.streambench.driver;

import io.netty.buffer.ByteBuf;
import io.streambench.client.sse.SseParser;

/**
 * One attempt's response body on the driver's own client: each read counted where it arrived, then fed to the
 * parser when the response is an event stream (timed: the parse is the driver's own work), else kept as the start of
 * an error body ({@link AttemptEnding}). One per attempt, made with it; the per-read path allocates nothing.
 */
final class ResponseBody {

    private final Timeline timeline;
    private final TokenAccount tokens;
    private final AttemptEnding ending;
    private final ClientStrategies.Session client;
    /** Where the first {@code data:} line starts, whether or not the parser reports anything for its event. */
    private final FirstDataLine firstData = new FirstDataLine();
    private SseParser parser;
    private boolean parserEnded;
    private AttemptTap.Probe probe;

    ResponseBody(Timeline timeline, TokenAccount tokens, AttemptEnding ending, ClientStrategies.Session client) {
        this.timeline = timeline;
        this.tokens = tokens;
        this.ending = ending;
        this.client = client;
    }

    /** The tap's view of this attempt, shown every read with the parser. */
    void probe(AttemptTap.Probe probe) {
        this.probe = probe;
    }

    /** The response is an event stream, read by {@code parser}. */
    void parseWith(SseParser parser) {
        this.parser = parser;
    }

    /** A piece of the body arrived. */
    void read(ByteBuf content, long arrivalNanos) {
        int readable = content.readableBytes();
        tokens.read(readable, arrivalNanos);
        if (parser == null) {
            ending.errorBody(content, readable);
        } else if (readable > 0) {
            // The first event of any kind (Responses' response.created, Anthropic's message_start) is the first
            // event, though no listener call may come for it.
            if (!timeline.eventSeen() && firstData.scan(content)) {
                timeline.event(arrivalNanos);
            }
            if (probe != null) {
                probe.read(content, arrivalNanos, parser);
            } else {
                parser.feed(content, arrivalNanos);
            }
            client.onReadComplete();
            timeline.parsed(arrivalNanos, System.nanoTime());
        }
    }

    /**
     * Whether the stream ended once the body did: its end marker came, or for an API without one (Gemini,
     * {@code endMarker} false) the parser, told the body ended, finds that the last event had a finish reason.
     */
    boolean ended(boolean endMarker, long nowNanos) {
        if (!timeline.doneSeen() && !endMarker) {
            endParser(nowNanos);
        }
        return timeline.doneSeen();
    }

    /** Ends the parser, once (its contract): at the body's end for Gemini, else when the attempt finishes. */
    void endParser(long nowNanos) {
        if (parser != null && !parserEnded) {
            parserEnded = true;
            parser.end(nowNanos);
        }
    }
}
