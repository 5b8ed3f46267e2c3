package io.streambench.mock.stream;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.concurrent.ScheduledFuture;
import io.streambench.mock.fault.ArmedFaults;
import io.streambench.mock.fault.Fault;
import io.streambench.mock.fault.FaultAction;
import io.streambench.mock.profile.FlushPolicy;
import io.streambench.mock.stats.ServerStats;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Sends one SSE answer, paced on absolute deadlines, on the channel's own event loop.
 *
 * <p>Each step's deadline is the previous deadline plus the next gap, all counted from the stream's start,
 * so a late write never shifts the ones after it. How late each write was is recorded. Steps that are due
 * at the same time (no delay, or catching up after a late wake-up) go out in one write (up to 256 steps or
 * 64 KiB), so an unpaced stream costs a syscall per write, not one per event. When the channel stops being writable (a reader that does
 * not read) the session stops producing until it is writable again, so nothing queues without bound; the
 * lost time is recorded and the following events catch up. {@link #cancel()} (the client went away) stops
 * it at once.
 *
 * <p>Events are framed here, not by Netty's HTTP encoder: each write is one buffer holding the chunk
 * header, the events and the chunk trailer, written below the HTTP codec. That saves the encoder's extra
 * header buffer and one iovec per write on the hot path; the response head and the last chunk still go
 * through the codec, so its state stays right for the next request on the connection.
 *
 * <p>Armed faults ({@link ArmedFaults}) bend all of this on purpose: a mid-stream fault fires before the
 * first step at which its trigger holds.
 */
public final class StreamSession extends Paced {

    /** Steps coalesced into one write at most, so one stream never holds the event loop for long. */
    private static final int MAX_STEPS_PER_WRITE = 256;
    private static final int MAX_BYTES_PER_WRITE = 64 * 1024;
    /** Room before the payload for the chunk-size line: up to 8 hex digits and CRLF. */
    private static final int CHUNK_HEADER_ROOM = 10;
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PING = ": ping\n\n".getBytes(StandardCharsets.US_ASCII);

    private final ChannelHandlerContext ctx;
    private final ChannelHandlerContext below;
    private final boolean chunked;
    private final StreamScript script;
    private final ServerStats stats;
    /** This loop's writer of per-event figures, taken in {@link #start}. */
    private ServerStats.Writer counters;
    private final FlushPolicy flush;
    private final ArmedFaults faults;
    private final boolean[] fired;
    private final SplittableRandom faultRandom;
    private final Runnable onComplete;
    private final Runnable windowFlush = this::windowFlush;
    private long startNanos;
    private long deadlineNanos;
    private long eventsSent;
    private boolean duplicateNextStep;
    private ScheduledFuture<?> timer;
    private ScheduledFuture<?> flushTimer;
    private ScheduledFuture<?> pingTimer;
    private boolean waitingForWritability;
    private long unwritableSinceNanos;
    private int unflushedEvents;
    private long lastFlushNanos;
    private boolean over;
    private Pacer pacer;

    /**
     * @param ctx the handler's context (flushes and the last chunk go through the HTTP codec from here)
     * @param codec the HTTP codec's context: event buffers are written from it, so they bypass its encoder
     * @param chunked frame events as HTTP/1.1 chunks; false for a close-delimited HTTP/1.0 body
     * @param faults the faults armed for this request
     * @param onComplete run on the event loop after the stream ended on its own (not after a cancel)
     */
    public StreamSession(ChannelHandlerContext ctx, ChannelHandlerContext codec, boolean chunked, StreamPlan plan,
            ArmedFaults faults, ServerStats stats, Runnable onComplete) {
        this.ctx = ctx;
        this.below = codec;
        this.chunked = chunked;
        this.script = new StreamScript(plan);
        this.stats = stats;
        this.faults = faults;
        this.fired = new boolean[faults.midStream().size()];
        this.faultRandom = new SplittableRandom(plan.seed() ^ 0xbb67ae8584caa73bL);
        this.flush = faults.burstEvents() > 0 ? new FlushPolicy.EveryN(faults.burstEvents()) : plan.flush();
        this.onComplete = onComplete;
        if (faults.noDone()) {
            script.omitDone();
        }
        if (faults.noFinish()) {
            script.omitFinish();
        }
    }

    /**
     * Schedules the first step; {@code streamStartNanos} is when the stream's clock starts. The response head must
     * have been written (not necessarily flushed). Call on the event loop.
     */
    public void start(long streamStartNanos) {
        stats.streamStarted();
        counters = stats.writer();
        countWholeStreamFaults();
        this.startNanos = streamStartNanos;
        this.pacer = Pacer.of(ctx.executor());
        lastFlushNanos = streamStartNanos;
        deadlineNanos = streamStartNanos + script.nextStepDelayNanos();
        if (deadlineNanos - System.nanoTime() > 0) {
            ctx.flush(); // the response head goes out now; the first event comes later
        }
        run();
    }

    @Override
    public void run() {
        timer = null;
        if (over || !writableOrWaiting()) {
            return;
        }
        long now = System.nanoTime();
        if (deadlineNanos - now > 0) {
            wakeAtDeadline(now);
            return;
        }
        ByteBuf buf = newChunk();
        int events = 0;
        for (int steps = 1; ; steps++) {
            for (Fault due = dueFault(now); due != null; due = dueFault(now)) {
                if (fire(due, buf, events, now)) {
                    return;
                }
            }
            counters.recordLatenessNanos(now - deadlineNanos);
            int start = buf.writerIndex();
            int n = script.writeStep(buf, now);
            if (duplicateNextStep) {
                duplicateNextStep = false;
                buf.writeBytes(buf, start, buf.writerIndex() - start);
                n *= 2;
            }
            events += n;
            eventsSent += n;
            if (script.finished()) {
                send(buf, events);
                finish();
                return;
            }
            deadlineNanos += script.nextStepDelayNanos();
            if (deadlineNanos - now > 0 || steps >= MAX_STEPS_PER_WRITE || buf.readableBytes() >= MAX_BYTES_PER_WRITE) {
                break;
            }
        }
        send(buf, events);
        maybeFlush(now);
        // When more is already due, the pacer runs it after the loop has served other channels.
        wakeAtDeadline(System.nanoTime());
    }

    /** Runs {@link #run()} again at the deadline: from the loop's {@link Pacer}, or its timer when far ahead. */
    private void wakeAtDeadline(long now) {
        if (!pacer.offer(this, now)) {
            timer = ctx.executor().schedule(this, deadlineNanos - now, TimeUnit.NANOSECONDS);
        }
    }

    @Override
    long deadlineNanos() {
        return deadlineNanos;
    }

    @Override
    boolean isOver() {
        return over;
    }

    /** The channel's writability changed; resumes a session that was waiting for it. */
    public void writabilityChanged() {
        if (waitingForWritability && ctx.channel().isWritable() && !over) {
            waitingForWritability = false;
            stats.unwritableEnded(System.nanoTime() - unwritableSinceNanos);
            run();
        }
    }

    /** Stops the stream at once, for a client that went away. Idempotent. */
    public void cancel() {
        if (over) {
            return;
        }
        end();
        if (waitingForWritability) {
            waitingForWritability = false;
            stats.unwritableEnded(System.nanoTime() - unwritableSinceNanos);
        }
        stats.streamCancelled();
    }

    private boolean writableOrWaiting() {
        if (ctx.channel().isWritable()) {
            return true;
        }
        flushNow(System.nanoTime());
        if (ctx.channel().isWritable()) {
            return true;
        }
        waitingForWritability = true;
        unwritableSinceNanos = System.nanoTime();
        stats.unwritableStarted();
        return false;
    }

    private ByteBuf newChunk() {
        ByteBuf buf = ctx.alloc().buffer(512);
        buf.writerIndex(CHUNK_HEADER_ROOM).readerIndex(CHUNK_HEADER_ROOM);
        return buf;
    }

    /** Writes the events in {@code buf} (taking ownership of it): framed as one chunk, or fragmented. */
    private void send(ByteBuf buf, int events) {
        if (!buf.isReadable()) {
            buf.release();
            return;
        }
        counters.sent(events, buf.readableBytes());
        unflushedEvents += events;
        if (faults.fragment() != null) {
            sendFragmented(buf);
            return;
        }
        if (chunked) {
            frameChunk(buf);
        }
        below.write(buf, below.voidPromise());
    }

    /** Puts the chunk-size line right before the payload (in the room left for it) and CRLF after it. */
    private static void frameChunk(ByteBuf buf) {
        int size = buf.readableBytes();
        buf.writeByte('\r').writeByte('\n');
        int at = buf.readerIndex() - 2;
        buf.setByte(at, '\r');
        buf.setByte(at + 1, '\n');
        do {
            buf.setByte(--at, HEX[size & 0xF]);
            size >>>= 4;
        } while (size != 0);
        buf.readerIndex(at);
    }

    /** Fault: every piece is its own chunk and its own flush, so the client reads it on its own. */
    private void sendFragmented(ByteBuf payload) {
        try {
            int from = payload.readerIndex();
            int end = payload.writerIndex();
            while (from < end) {
                int to = Math.min(end, from + pieceLength(payload, from, end));
                ByteBuf piece = newChunk();
                piece.writeBytes(payload, from, to - from);
                if (chunked) {
                    frameChunk(piece);
                }
                below.writeAndFlush(piece, below.voidPromise());
                from = to;
            }
            unflushedEvents = 0;
        } finally {
            payload.release();
        }
    }

    private int pieceLength(ByteBuf payload, int from, int end) {
        switch (faults.fragment()) {
            case BYTES:
                return 1;
            case RANDOM:
                return 1 + faultRandom.nextInt(32);
            default:
                // UTF8: end each piece right after the lead byte of a multi-byte character, splitting it.
                for (int i = from; i < end; i++) {
                    if ((payload.getByte(i) & 0xC0) == 0xC0) {
                        return i - from + 1;
                    }
                }
                return end - from;
        }
    }

    private Fault dueFault(long now) {
        for (int i = 0; i < fired.length; i++) {
            Fault f = faults.midStream().get(i);
            if (!fired[i] && f.trigger().firesAt(eventsSent, now - startNanos)) {
                fired[i] = true;
                stats.fault(f.action().kind());
                return f;
            }
        }
        return null;
    }

    /**
     * Applies a mid-stream fault before the next step. Returns true when the session stopped here (the
     * buffer was sent or released).
     */
    private boolean fire(Fault fault, ByteBuf buf, int events, long now) {
        FaultAction a = fault.action();
        if (a instanceof FaultAction.Malformed m) {
            script.writeMalformed(buf, now, m.variant() == FaultAction.Malformed.Variant.UTF8);
            eventsSent++;
            return false;
        }
        if (a instanceof FaultAction.Duplicate) {
            duplicateNextStep = true;
            return false;
        }
        if (a instanceof FaultAction.ErrorEvent e) {
            script.writeErrorEvent(buf, now, e.message(), e.type(), e.code());
            send(buf, events + 1);
            end();
            stats.streamFaulted();
            ctx.write(LastHttpContent.EMPTY_LAST_CONTENT, ctx.voidPromise());
            ctx.flush();
            onComplete.run();
            return true;
        }
        send(buf, events);
        flushNow(now);
        ctx.flush(); // also the response head, when the fault fires before the first event
        if (a instanceof FaultAction.Stall s) {
            stall(s);
            return true;
        }
        end();
        stats.streamFaulted();
        if (a instanceof FaultAction.Reset) {
            // SO_LINGER 0 makes close() send RST instead of FIN.
            ctx.channel().config().setOption(ChannelOption.SO_LINGER, 0);
        }
        ctx.close();
        return true;
    }

    private void stall(FaultAction.Stall s) {
        if (s.pingMillis() > 0) {
            pingTimer = ctx.executor().scheduleAtFixedRate(this::ping, s.pingMillis(), s.pingMillis(),
                    TimeUnit.MILLISECONDS);
        }
        if (s.millis() >= 0) {
            timer = ctx.executor().schedule(() -> {
                timer = null;
                cancelPing();
                // The stream resumes where it stopped: later events keep their spacing, not their deadlines.
                deadlineNanos += TimeUnit.MILLISECONDS.toNanos(s.millis());
                run();
            }, s.millis(), TimeUnit.MILLISECONDS);
        }
    }

    private void ping() {
        if (over || !ctx.channel().isWritable()) {
            return;
        }
        ByteBuf buf = newChunk();
        buf.writeBytes(PING);
        if (chunked) {
            frameChunk(buf);
        }
        below.writeAndFlush(buf, below.voidPromise());
    }

    private void countWholeStreamFaults() {
        if (faults.fragment() != null) {
            stats.fault("fragment");
        }
        if (faults.burstEvents() > 0) {
            stats.fault("burst");
        }
        if (faults.noDone()) {
            stats.fault("no_done");
        }
        if (faults.noFinish()) {
            stats.fault("no_finish");
        }
    }

    private void finish() {
        end();
        ctx.write(LastHttpContent.EMPTY_LAST_CONTENT, ctx.voidPromise());
        ctx.flush();
        stats.streamCompleted();
        onComplete.run();
    }

    /** Marks the stream over and stops every timer. */
    private void end() {
        over = true;
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
        cancelPing();
        cancelFlushTimer();
    }

    private void cancelPing() {
        if (pingTimer != null) {
            pingTimer.cancel(false);
            pingTimer = null;
        }
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
