package io.streambench.driver;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import io.streambench.client.accumulate.Accumulator;
import io.streambench.client.flush.DelaySink;
import io.streambench.client.flush.FlushPolicy;
import io.streambench.client.flush.FlushSink;
import io.streambench.client.flush.Flusher;
import io.streambench.client.flush.NanoClock;
import io.streambench.client.flush.StreamEnd;
import java.util.concurrent.TimeUnit;

/**
 * Runs each stream's text through the chosen client-side flush policy and accumulator and keeps their
 * figures (flushes, arrival-to-flush delay, kept characters, truncation). Without strategies every call
 * is a no-op on one shared session.
 */
final class ClientStrategies {

    /** Time-based flush policies act between chunks only when ticked; this is the tick. */
    private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private static final Session NONE = new Session() {
    };

    private final ClientOptions options;

    ClientStrategies(ClientOptions options) {
        this.options = options;
    }

    /** A fresh per-stream session (the shared no-op one when no strategy is chosen). */
    Session newSession(StageMetrics metrics, boolean measured) {
        if (options.flush() == null && options.accumulate() == null) {
            return NONE;
        }
        return new Active(options, metrics, measured);
    }

    /** One stream's strategies; event loop only. */
    interface Session {
        /** The stream's request was sent on {@code loop}. */
        default void start(EventLoop loop) {
            start(loop, null);
        }

        /**
         * The stream's request was sent; its events come on other threads, each under {@code lock}, which the
         * timer's ticks on {@code loop} then take too (null: the events come on {@code loop}).
         */
        default void start(EventLoop loop, Object lock) {
        }

        /** Content text as it arrives (a view valid during the call). */
        default void onText(CharSequence text, long arrivalNanos) {
        }

        /** The parser has taken every event of one network read. */
        default void onReadComplete() {
        }

        /** The stream ended; {@code ok} false for errors and cancels. */
        default void end(boolean ok) {
        }

        /** This stream's figures for its row. */
        default ClientFigures figures() {
            return ClientFigures.NONE;
        }
    }

    private static final class Active implements Session {
        private final Flusher flusher;
        private final DelayFigures delays;
        private final Accumulator accumulator;
        private final boolean ticks;
        private ScheduledFuture<?> ticker;
        private boolean ended;

        Active(ClientOptions options, StageMetrics metrics, boolean measured) {
            if (options.flush() != null) {
                FlushPolicy policy = options.flush();
                delays = new DelayFigures(metrics, measured);
                flusher = new Flusher(policy, NanoClock.SYSTEM, FlushSink.DISCARD, delays);
                ticks = policy.timeBased();
            } else {
                delays = null;
                flusher = null;
                ticks = false;
            }
            accumulator = options.accumulate() == null ? null : options.maxResponseChars() > 0
                    ? options.accumulate().create((int) options.maxResponseChars())
                    : options.accumulate().create();
        }

        @Override
        public void start(EventLoop loop, Object lock) {
            if (ticks) {
                Runnable tick = lock == null ? flusher::tick : () -> {
                    synchronized (lock) {
                        flusher.tick();
                    }
                };
                ticker = loop.scheduleAtFixedRate(tick, TICK_NANOS, TICK_NANOS, TimeUnit.NANOSECONDS);
            }
        }

        @Override
        public void onText(CharSequence text, long arrivalNanos) {
            if (flusher != null) {
                flusher.onText(text, arrivalNanos);
            }
            if (accumulator != null) {
                accumulator.append(text);
            }
        }

        @Override
        public void onReadComplete() {
            if (flusher != null) {
                flusher.onReadComplete();
            }
        }

        @Override
        public void end(boolean ok) {
            if (ended) {
                return;
            }
            ended = true;
            if (ticker != null) {
                ticker.cancel(false);
            }
            if (flusher != null) {
                flusher.end(ok ? StreamEnd.FINISH : StreamEnd.ERROR);
            }
        }

        @Override
        public ClientFigures figures() {
            return new ClientFigures(flusher == null ? 0 : flusher.stats().flushes(),
                    delays == null ? -1 : delays.max, accumulator == null ? -1 : accumulator.result().length(),
                    accumulator != null && accumulator.truncated());
        }
    }

    /**
     * One stream's arrival-to-flush delays: each goes straight to the stage's wait-free recorder (one value per
     * run of characters, weighted by its length) when the stream is measured, and the largest is kept for the
     * row.
     */
    private static final class DelayFigures implements DelaySink {
        private final StageMetrics metrics;
        private final boolean measured;
        private long max = -1;

        DelayFigures(StageMetrics metrics, boolean measured) {
            this.metrics = metrics;
            this.measured = measured;
        }

        @Override
        public void record(long delayNanos, long count) {
            max = Math.max(max, delayNanos);
            if (measured) {
                metrics.recordWithCount(Metric.DISPLAY_DELAY, delayNanos, count);
            }
        }
    }
}
