package io.streambench.mock.stream;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.concurrent.ScheduledFuture;
import io.streambench.mock.profile.FlushPolicy;
import io.streambench.mock.stats.ServerStats;
import java.util.concurrent.TimeUnit;

/**
 * Sends one SSE answer, paced on absolute deadlines, on the channel's own event loop.
 *
 * <p>Each step's deadline is the previous deadline plus the next gap, all counted from the stream's start,
 * so a late write never shifts the ones after it. How late each write was is recorded. When the channel
 * stops being writable (a reader that does not read) the session stops producing until it is writable
 * again, so nothing queues without bound; the lost time is recorded and the following events catch up.
 * {@link #cancel()} (the client went away) stops it at once.
 *
 * <p>Events are framed here, not by Netty's HTTP encoder: each step becomes one buffer holding the chunk
 * header, the events and the chunk trailer, written below the HTTP codec. That saves the encoder's extra
 * header buffer and one iovec per event on the hot path; the response head and the last chunk still go
 * through the codec, so its state stays right for the next request on the connection.
 */
public final class StreamSession implements Runnable {

    /** Steps written back to back before yielding the event loop to other channels. */
    private static final int MAX_BURST = 64;

    /** Room before the payload for the chunk-size line: up to 8 hex digits and CRLF. */
    private static final int CHUNK_HEADER_ROOM = 10;

    private final ChannelHandlerContext ctx;
    private final ChannelHandlerContext below;
    private final boolean chunked;
    private final StreamScript script;
    private final ServerStats stats;
    private final FlushPolicy flush;
    private final Runnable onComplete;
    private final Runnable windowFlush = this::windowFlush;
    private long deadlineNanos;
    private ScheduledFuture<?> timer;
    private ScheduledFuture<?> flushTimer;
    private boolean waitingForWritability;
    private long unwritableSinceNanos;
    private int unflushedEvents;
    private long lastFlushNanos;
    private boolean over;

    /**
     * @param ctx the handler's context (flushes and the last chunk go through the HTTP codec from here)
     * @param codec the HTTP codec's context: event buffers are written from it, so they bypass its encoder
     * @param chunked frame events as HTTP/1.1 chunks; false for a close-delimited HTTP/1.0 body
     * @param onComplete run on the event loop after the last byte was written (not after a cancel)
     */
    public StreamSession(ChannelHandlerContext ctx, ChannelHandlerContext codec, boolean chunked, StreamPlan plan,
            ServerStats stats, Runnable onComplete) {
        this.ctx = ctx;
        this.below = codec;
        this.chunked = chunked;
        this.script = new StreamScript(plan);
        this.stats = stats;
        this.flush = plan.flush();
        this.onComplete = onComplete;
    }

    /** Schedules the first step; {@code startNanos} is when the request arrived. Call on the event loop. */
    public void start(long startNanos) {
        stats.streamStarted();
        lastFlushNanos = startNanos;
        deadlineNanos = startNanos + script.nextStepDelayNanos();
        run();
    }

    @Override
    public void run() {
        timer = null;
        for (int burst = 0; !over; burst++) {
            if (!ctx.channel().isWritable()) {
                flushNow(System.nanoTime());
                if (!ctx.channel().isWritable()) {
                    waitingForWritability = true;
                    unwritableSinceNanos = System.nanoTime();
                    return;
                }
            }
            long now = System.nanoTime();
            long wait = deadlineNanos - now;
            if (wait > 0) {
                timer = ctx.executor().schedule(this, wait, TimeUnit.NANOSECONDS);
                return;
            }
            if (burst == MAX_BURST) {
                flushNow(now);
                ctx.executor().execute(this);
                return;
            }
            stats.recordLatenessNanos(-wait);
            ByteBuf buf = ctx.alloc().buffer(512);
            int events;
            if (chunked) {
                buf.writerIndex(CHUNK_HEADER_ROOM).readerIndex(CHUNK_HEADER_ROOM);
                events = script.writeStep(buf, now);
                stats.sent(events, buf.readableBytes());
                frameChunk(buf);
            } else {
                events = script.writeStep(buf, now);
                stats.sent(events, buf.readableBytes());
            }
            below.write(buf, below.voidPromise());
            unflushedEvents += events;
            if (script.finished()) {
                finish();
                return;
            }
            maybeFlush(now);
            deadlineNanos += script.nextStepDelayNanos();
        }
    }

    /** Puts the chunk-size line right before the payload (in the room left for it) and CRLF after it. */
    private static void frameChunk(ByteBuf buf) {
        int size = buf.readableBytes();
        buf.writeByte('\r').writeByte('\n');
        int at = CHUNK_HEADER_ROOM - 2;
        buf.setByte(at, '\r');
        buf.setByte(at + 1, '\n');
        do {
            buf.setByte(--at, HEX[size & 0xF]);
            size >>>= 4;
        } while (size != 0);
        buf.readerIndex(at);
    }

    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /** The channel's writability changed; resumes a session that was waiting for it. */
    public void writabilityChanged() {
        if (waitingForWritability && ctx.channel().isWritable() && !over) {
            waitingForWritability = false;
            stats.unwritableFor(System.nanoTime() - unwritableSinceNanos);
            run();
        }
    }

    /** Stops the stream at once, for a client that went away. Idempotent. */
    public void cancel() {
        if (over) {
            return;
        }
        over = true;
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
        cancelFlushTimer();
        if (waitingForWritability) {
            stats.unwritableFor(System.nanoTime() - unwritableSinceNanos);
        }
        stats.streamCancelled();
    }

    /** True after the last byte was written or the stream was cancelled. */
    public boolean isOver() {
        return over;
    }

    private void finish() {
        over = true;
        cancelFlushTimer();
        ctx.write(LastHttpContent.EMPTY_LAST_CONTENT, ctx.voidPromise());
        ctx.flush();
        stats.streamCompleted();
        onComplete.run();
    }

    private void maybeFlush(long now) {
        if (flush instanceof FlushPolicy.EachEvent) {
            flushNow(now);
        } else if (flush instanceof FlushPolicy.EveryN n) {
            if (unflushedEvents >= n.events()) {
                flushNow(now);
            }
        } else if (flush instanceof FlushPolicy.Window w) {
            long windowNanos = (long) (w.millis() * 1_000_000);
            if (now - lastFlushNanos >= windowNanos) {
                flushNow(now);
            } else if (flushTimer == null) {
                flushTimer = ctx.executor().schedule(windowFlush, lastFlushNanos + windowNanos - now,
                        TimeUnit.NANOSECONDS);
            }
        }
    }

    private void windowFlush() {
        flushTimer = null;
        if (!over && unflushedEvents > 0) {
            flushNow(System.nanoTime());
        }
    }

    private void flushNow(long now) {
        cancelFlushTimer();
        if (unflushedEvents > 0) {
            ctx.flush();
            unflushedEvents = 0;
        }
        lastFlushNanos = now;
    }

    private void cancelFlushTimer() {
        if (flushTimer != null) {
            flushTimer.cancel(false);
            flushTimer = null;
        }
    }
}
