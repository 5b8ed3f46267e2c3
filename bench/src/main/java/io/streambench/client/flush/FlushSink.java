package io.streambench.client.flush;

/** What a UI does with flushed text (append it to the screen). */
@FunctionalInterface
public interface FlushSink {

    /** Discards the text: for runs that measure flushing, not showing. */
    FlushSink DISCARD = (text, flushNanos) -> {
    };

    /** {@code text} is a view valid during the call; copy it to keep it. */
    void flush(CharSequence text, long flushNanos);
}
