package io.streambench.mock.internal.stream;

import io.netty.util.concurrent.ScheduledFuture;
import io.streambench.mock.profile.FlushPolicy;
import java.util.concurrent.TimeUnit;

/**
 * Applies a stream's {@link FlushPolicy}: after every write, each event; once N events wait; or at most once
 * per window, with a timer for the events a window leaves waiting. Confined to the stream's event loop.
 */
final class Flusher {

    private final FlushPolicy policy;
    private final EventSink sink;
    private final Runnable windowFlush = this::windowFlush;
    private ScheduledFuture<?> timer;
    private int unflushedEvents;
    private long lastFlushNanos;
    private boolean closed;

    Flusher(FlushPolicy policy, EventSink sink) {
        this.policy = policy;
        this.sink = sink;
    }

    /** The stream starts at {@code nanos}: a window counts from there. */
    void start(long nanos) {
        lastFlushNanos = nanos;
    }

    /** {@code events} events were written and wait for a flush. */
    void written(int events) {
        unflushedEvents += events;
    }

    /** Everything written was flushed on the way (fragmented writes flush each piece). */
    void flushed() {
        unflushedEvents = 0;
    }

    /** After a paced write: flushes when the policy says so. */
    void afterWrite(long now) {
        if (policy instanceof FlushPolicy.EachEvent) {
            flushNow(now);
        } else if (policy instanceof FlushPolicy.EveryN n) {
            if (unflushedEvents >= n.events()) {
                flushNow(now);
            }
        } else if (policy instanceof FlushPolicy.Window w) {
            long windowNanos = (long) (w.millis() * 1_000_000);
            if (now - lastFlushNanos >= windowNanos) {
                flushNow(now);
            } else if (timer == null) {
                timer = sink.executor().schedule(windowFlush, lastFlushNanos + windowNanos - now, TimeUnit.NANOSECONDS);
            }
        }
    }

    /** Flushes the waiting events now, whatever the policy. */
    void flushNow(long now) {
        cancelTimer();
        if (unflushedEvents > 0) {
            sink.flush();
            unflushedEvents = 0;
        }
        lastFlushNanos = now;
    }

    /** The stream is over: no timer may flush any more. */
    void close() {
        closed = true;
        cancelTimer();
    }

    private void windowFlush() {
        timer = null;
        if (!closed && unflushedEvents > 0) {
            flushNow(System.nanoTime());
        }
    }

    private void cancelTimer() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }
}
