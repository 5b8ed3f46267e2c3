package io.streambench.driver;

import io.streambench.client.sse.SendStamps;
import io.streambench.client.sse.SseListener;
import io.streambench.client.sse.StreamEnd;
import io.streambench.client.sse.StreamError;
import io.streambench.client.sse.TokenUsage;

/**
 * The parser's listener for one attempt: each SSE event goes to the attempt's instants ({@link Timeline}), its
 * counts ({@link TokenAccount}), what it says of the ending ({@link AttemptEnding}) and the client strategy's
 * session. Runs on the event loop during {@code parser.feed} (on another client stack, under the {@link Exchange}'s
 * lock). One per attempt, made with it: an event allocates nothing here.
 */
final class AttemptEvents implements SseListener {

    private final Timeline timeline;
    private final TokenAccount tokens;
    private final AttemptEnding ending;
    private final ClientStrategies.Session client;
    private AttemptTap.Probe probe;
    private String finishReason;

    AttemptEvents(Timeline timeline, TokenAccount tokens, AttemptEnding ending, ClientStrategies.Session client) {
        this.timeline = timeline;
        this.tokens = tokens;
        this.ending = ending;
        this.client = client;
    }

    /** The tap's view of this attempt, told of its first token. */
    void probe(AttemptTap.Probe probe) {
        this.probe = probe;
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
