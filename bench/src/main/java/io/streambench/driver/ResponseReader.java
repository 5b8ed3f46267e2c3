package io.streambench.driver;

import io.netty.buffer.ByteBuf;
import io.streambench.client.sse.SendStamps;
import io.streambench.client.sse.SseListener;
import io.streambench.client.sse.SseParser;
import io.streambench.client.sse.StreamEnd;
import io.streambench.client.sse.StreamError;
import io.streambench.client.sse.TokenUsage;

/**
 * What arrives of one attempt's response body: each read counted where it arrived, then fed to the parser when
 * the response is an event stream (timed: the parse is the driver's own work), else kept as the start of an error
 * body; and, as the parser's listener, each SSE event it finds, which goes to the attempt's instants
 * ({@link Timeline}), its counts ({@link TokenAccount}), what it says of the ending ({@link AttemptEnding}) and the
 * client strategy's session. Runs on the event loop (on another client stack, which parses the body itself and
 * passes its events here, under the {@link Exchange}'s lock). One per attempt, made with it: a read or an event
 * allocates nothing here.
 */
final class ResponseReader implements SseListener {

    private final Timeline timeline;
    private final TokenAccount tokens;
    private final AttemptEnding ending;
    private final ClientStrategies.Session client;
    /** Where the first {@code data:} line starts, whether or not the parser reports anything for its event. */
    private final FirstDataLine firstData = new FirstDataLine();
    private SseParser parser;
    private boolean parserEnded;
    private AttemptTap.Probe probe;
    private String finishReason;

    ResponseReader(Timeline timeline, TokenAccount tokens, AttemptEnding ending, ClientStrategies.Session client) {
        this.timeline = timeline;
        this.tokens = tokens;
        this.ending = ending;
        this.client = client;
    }

    /** The tap's view of this attempt: shown every read with the parser, told of the first token. */
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

    /** The last finish reason the stream gave, or null. */
    String finishReason() {
        return finishReason;
    }

    private void token(int count, long arrivalNanos) {
        tokens.arrived(count, arrivalNanos);
        if (timeline.content(count, arrivalNanos) && probe != null) {
            probe.firstToken();
        }
    }

    @Override
    public void onRole(int choice, CharSequence role, long arrivalNanos) {
        timeline.event(arrivalNanos);
    }

    @Override
    public void onReasoning(int choice, CharSequence text, long arrivalNanos) {
        token(TokenEstimator.count(text), arrivalNanos);
        tokens.reasoningText(text);
    }

    @Override
    public void onContent(int choice, CharSequence text, long arrivalNanos) {
        token(TokenEstimator.count(text), arrivalNanos);
        timeline.answer(arrivalNanos);
        tokens.answerText(text);
        client.onText(text, arrivalNanos);
    }

    @Override
    public void onToolCall(int choice, int toolIndex, CharSequence id, CharSequence name, CharSequence arguments,
            long arrivalNanos) {
        token(arguments == null || arguments.length() == 0 ? 1 : TokenEstimator.count(arguments), arrivalNanos);
        timeline.answer(arrivalNanos);
        tokens.argumentsText(arguments);
    }

    @Override
    public void onFinish(int choice, CharSequence reason, long arrivalNanos) {
        timeline.event(arrivalNanos);
        finishReason = reason.toString();
    }

    @Override
    public void onUsage(TokenUsage counts, long arrivalNanos) {
        timeline.event(arrivalNanos);
        tokens.usage(counts, arrivalNanos);
    }

    @Override
    public void onError(StreamError streamError, long arrivalNanos) {
        timeline.event(arrivalNanos);
        ending.streamError(streamError);
    }

    @Override
    public void onEnd(StreamEnd end, long arrivalNanos) {
        timeline.event(arrivalNanos);
        ending.streamEnd(end);
        timeline.done(arrivalNanos);
    }

    @Override
    public void onComment(CharSequence text, long arrivalNanos) {
        stamp(SendStamps.parse(text), arrivalNanos);
    }

    /** The server's send stamp of the event that arrived at {@code arrivalNanos}, or {@link SendStamps#NONE}. */
    void stamp(long stamp, long arrivalNanos) {
        timeline.stamp(stamp, arrivalNanos);
    }
}
