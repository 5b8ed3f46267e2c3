package io.streambench.client.sse;

import java.util.ArrayList;
import java.util.List;

/**
 * A listener that keeps every call as a {@link StreamEvent}, copying the views it is given.
 * Allocates per event: meant for tests, traces and small runs, not for the hot path.
 */
public final class EventRecorder implements SseListener {

    private final List<StreamEvent> events = new ArrayList<>();

    /** The events so far, in order (a live list; copy it to keep a snapshot). */
    public List<StreamEvent> events() {
        return events;
    }

    @Override
    public void onRole(int choice, CharSequence role, long arrivalNanos) {
        events.add(new StreamEvent.Role(choice, role.toString(), arrivalNanos));
    }

    @Override
    public void onReasoning(int choice, CharSequence text, long arrivalNanos) {
        events.add(new StreamEvent.Reasoning(choice, text.toString(), arrivalNanos));
    }

    @Override
    public void onContent(int choice, CharSequence text, long arrivalNanos) {
        events.add(new StreamEvent.Content(choice, text.toString(), arrivalNanos));
    }

    @Override
    public void onToolCall(int choice, int toolIndex, CharSequence id, CharSequence name,
                           CharSequence arguments, long arrivalNanos) {
        events.add(new StreamEvent.ToolCall(choice, toolIndex, string(id), string(name), string(arguments),
                arrivalNanos));
    }

    @Override
    public void onFinish(int choice, CharSequence reason, long arrivalNanos) {
        events.add(new StreamEvent.Finish(choice, reason.toString(), arrivalNanos));
    }

    @Override
    public void onUsage(TokenUsage usage, long arrivalNanos) {
        events.add(StreamEvent.Usage.of(usage, arrivalNanos));
    }

    @Override
    public void onError(StreamError error, long arrivalNanos) {
        events.add(new StreamEvent.Error(error, arrivalNanos));
    }

    @Override
    public void onEnd(StreamEnd end, long arrivalNanos) {
        events.add(new StreamEvent.End(end, arrivalNanos));
    }

    @Override
    public void onComment(CharSequence text, long arrivalNanos) {
        events.add(new StreamEvent.Comment(text.toString(), arrivalNanos));
    }

    private static String string(CharSequence text) {
        return text == null ? null : text.toString();
    }
}
