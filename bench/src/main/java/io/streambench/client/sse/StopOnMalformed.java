package io.streambench.client.sse;

/**
 * {@link MalformedPolicy#STOP}: passes events through until the first malformed-data error,
 * passes that error, then drops everything after it. Kept out of the parsers so that the default
 * policy costs them nothing.
 */
final class StopOnMalformed implements SseListener {

    private final SseListener delegate;
    private boolean stopped;

    StopOnMalformed(SseListener delegate) {
        this.delegate = delegate;
    }

    @Override
    public void onRole(int choice, CharSequence role, long arrivalNanos) {
        if (!stopped) {
            delegate.onRole(choice, role, arrivalNanos);
        }
    }

    @Override
    public void onReasoning(int choice, CharSequence text, long arrivalNanos) {
        if (!stopped) {
            delegate.onReasoning(choice, text, arrivalNanos);
        }
    }

    @Override
    public void onContent(int choice, CharSequence text, long arrivalNanos) {
        if (!stopped) {
            delegate.onContent(choice, text, arrivalNanos);
        }
    }

    @Override
    public void onToolCall(int choice, int toolIndex, CharSequence id, CharSequence name,
                           CharSequence arguments, long arrivalNanos) {
        if (!stopped) {
            delegate.onToolCall(choice, toolIndex, id, name, arguments, arrivalNanos);
        }
    }

    @Override
    public void onFinish(int choice, CharSequence reason, long arrivalNanos) {
        if (!stopped) {
            delegate.onFinish(choice, reason, arrivalNanos);
        }
    }

    @Override
    public void onUsage(TokenUsage usage, long arrivalNanos) {
        if (!stopped) {
            delegate.onUsage(usage, arrivalNanos);
        }
    }

    @Override
    public void onError(StreamError error, long arrivalNanos) {
        if (!stopped) {
            stopped = error.kind() == StreamError.Kind.MALFORMED;
            delegate.onError(error, arrivalNanos);
        }
    }

    @Override
    public void onEnd(StreamEnd end, long arrivalNanos) {
        if (!stopped) {
            delegate.onEnd(end, arrivalNanos);
        }
    }

    @Override
    public void onComment(CharSequence text, long arrivalNanos) {
        if (!stopped) {
            delegate.onComment(text, arrivalNanos);
        }
    }
}
