package io.streambench.mock.internal.stream;

import io.netty.buffer.ByteBuf;
import io.netty.util.concurrent.ScheduledFuture;
import io.streambench.mock.internal.fault.StreamFaults;
import io.streambench.mock.internal.stats.ServerStats;
import io.streambench.mock.profile.FlushPolicy;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Sends one SSE answer, paced on absolute deadlines, on the connection's event loop. It knows when to write,
 * not what: the {@link Script} writes the events of each step, the {@link EventSink} frames and writes them.
 *
 * <p>Each step's deadline is the previous deadline plus the next gap, all counted from the stream's start,
 * so a late write never shifts the ones after it. How late each write was is recorded. Steps that are due
 * at the same time (no delay, or catching up after a late wake-up) go out in one write (up to 256 steps or
 * 64 KiB), so an unpaced stream costs a syscall per write, not one per event. When the connection stops
 * being writable (a reader that does not read) the session stops producing until it is writable again, so
 * nothing queues without bound; the lost time is recorded and the following events catch up.
 * {@link #cancel()} (the client went away) stops it at once.
 *
 * <p>Armed faults ({@link StreamFaults}) bend all of this on purpose: a mid-stream fault fires before the
 * first step at which its trigger holds. What each one does to the stream ({@code FaultTarget}) stays in
 * this file, a little over 300 lines, because it works on the loop's own state: the write being filled,
 * the deadline and the timers.
 */
public final class StreamSession extends Paced {

    /** Steps coalesced into one write at most, so one stream never holds the event loop for long. */
    private static final int MAX_STEPS_PER_WRITE = 256;
    private static final int MAX_BYTES_PER_WRITE = 64 * 1024;
    private static final byte[] PING = ": ping\n\n".getBytes(StandardCharsets.US_ASCII);

    private final EventSink sink;
    private final Script script;
    private final StreamFaults faults;
    private final ServerStats stats;
    private final Flusher flusher;
    private final StreamFaults.Target faultTarget = new FaultTarget();
    /** This loop's writer of per-event figures, taken in {@link #start}. */
    private ServerStats.Writer counters;
    private Pacer pacer;
    private long startNanos;
    private long deadlineNanos;
    private long eventsSent;
    private boolean repeatNextStep;
    private ScheduledFuture<?> timer;
    private ScheduledFuture<?> pingTimer;
    private boolean waitingForWritability;
    private long unwritableSinceNanos;
    private boolean over;
    /** While {@link #run()} fills a write: its buffer, its events and its time (what a fault sends or adds to). */
    private ByteBuf pending;
    private int pendingEvents;
    private long stepNanos;

    /**
     * @param flush the planned flush policy (a burst fault overrides it)
     */
    public StreamSession(EventSink sink, Script script, StreamFaults faults, FlushPolicy flush, ServerStats stats) {
        this.sink = sink;
        this.script = script;
        this.faults = faults;
        this.stats = stats;
        this.flusher = new Flusher(faults.flushPolicy(flush), sink);
    }

    /**
     * Schedules the first step; {@code streamStartNanos} is when the stream's clock starts. The response head must
     * have been written (not necessarily flushed). Call on the event loop.
     */
    public void start(long streamStartNanos) {
        stats.streamStarted();
        counters = stats.writer();
        faults.countWholeStreamFaults();
        this.startNanos = streamStartNanos;
        this.pacer = Pacer.of(sink.executor());
        flusher.start(streamStartNanos);
        deadlineNanos = streamStartNanos + script.nextStepDelayNanos();
        if (deadlineNanos - System.nanoTime() > 0) {
            sink.flush(); // the response head goes out now; the first event comes later
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
        pending = sink.buffer();
        pendingEvents = 0;
        stepNanos = now;
        for (int steps = 1; ; steps++) {
            if (faults.fireDue(faultTarget, now - startNanos)) {
                return; // the fault sent or released the pending write
            }
            counters.recordLatenessNanos(now - deadlineNanos);
            int start = pending.writerIndex();
            int n = script.writeStep(pending, now);
            if (repeatNextStep) {
                repeatNextStep = false;
                pending.writeBytes(pending, start, pending.writerIndex() - start);
                n *= 2;
            }
            pendingEvents += n;
            eventsSent += n;
            if (script.finished()) {
                sendPending();
                finish();
                return;
            }
            deadlineNanos += script.nextStepDelayNanos();
            if (deadlineNanos - now > 0 || steps >= MAX_STEPS_PER_WRITE || pending.readableBytes() >= MAX_BYTES_PER_WRITE) {
                break;
            }
        }
        sendPending();
        flusher.afterWrite(now);
        // When more is already due, the pacer runs it after the loop has served other channels.
        wakeAtDeadline(System.nanoTime());
    }

    /** Runs {@link #run()} again at the deadline: from the loop's {@link Pacer}, or its timer when far ahead. */
    private void wakeAtDeadline(long now) {
        if (!pacer.offer(this, now)) {
            timer = sink.executor().schedule(this, deadlineNanos - now, TimeUnit.NANOSECONDS);
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

    @Override
    boolean exactDeadline() {
        return eventsSent == 0;
    }

    /** The connection's writability changed; resumes a session that was waiting for it. */
    public void writabilityChanged() {
        if (waitingForWritability && sink.isWritable() && !over) {
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
        if (sink.isWritable()) {
            return true;
        }
        flusher.flushNow(System.nanoTime());
        if (sink.isWritable()) {
            return true;
        }
        waitingForWritability = true;
        unwritableSinceNanos = System.nanoTime();
        stats.unwritableStarted();
        return false;
    }

    /** Writes the pending events (handing the buffer over): as one write, or fragmented. */
    private void sendPending() {
        ByteBuf buf = pending;
        pending = null;
        if (!buf.isReadable()) {
            buf.release();
            return;
        }
        counters.sent(pendingEvents, buf.readableBytes());
        flusher.written(pendingEvents);
        if (faults.fragments()) {
            sendFragmented(buf);
        } else {
            sink.write(buf);
        }
    }

    /** Fault: every piece is its own write and its own flush, so the client reads it on its own. */
    private void sendFragmented(ByteBuf payload) {
        try {
            int from = payload.readerIndex();
            int end = payload.writerIndex();
            while (from < end) {
                int to = Math.min(end, from + faults.pieceLength(payload, from, end));
                ByteBuf piece = sink.buffer();
                piece.writeBytes(payload, from, to - from);
                sink.write(piece);
                sink.flush();
                from = to;
            }
            flusher.flushed();
        } finally {
            payload.release();
        }
    }

    private void finish() {
        end();
        stats.streamCompleted();
        sink.end();
    }

    /** Marks the stream over and stops every timer. */
    private void end() {
        over = true;
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
        cancelPing();
        flusher.close();
    }

    private void cancelPing() {
        if (pingTimer != null) {
            pingTimer.cancel(false);
            pingTimer = null;
        }
    }

    private void ping() {
        if (over || !sink.isWritable()) {
            return;
        }
        ByteBuf buf = sink.buffer();
        buf.writeBytes(PING);
        sink.write(buf);
        sink.flush();
    }

    /** What the armed mid-stream faults do to this stream, in the middle of {@link #run()}'s write. */
    private final class FaultTarget implements StreamFaults.Target {

        @Override
        public long eventsSent() {
            return eventsSent;
        }

        @Override
        public void writeMalformedEvent(boolean invalidUtf8) {
            script.writeMalformed(pending, stepNanos, invalidUtf8);
            eventsSent++;
        }

        @Override
        public void repeatNextStep() {
            repeatNextStep = true;
        }

        @Override
        public void endWithErrorEvent(String message, String type, String code) {
            pendingEvents += script.writeErrorEvent(pending, stepNanos, message, type, code);
            sendPending();
            end();
            stats.streamFaulted();
            sink.end();
        }

        @Override
        public void stall(long millis, long pingMillis) {
            sendAndFlush();
            if (pingMillis > 0) {
                pingTimer = sink.executor().scheduleAtFixedRate(StreamSession.this::ping, pingMillis, pingMillis,
                        TimeUnit.MILLISECONDS);
            }
            if (millis >= 0) {
                timer = sink.executor().schedule(() -> {
                    timer = null;
                    cancelPing();
                    // The stream resumes where it stopped: later events keep their spacing, not their deadlines.
                    deadlineNanos += TimeUnit.MILLISECONDS.toNanos(millis);
                    run();
                }, millis, TimeUnit.MILLISECONDS);
            }
        }

        @Override
        public void abort(boolean reset) {
            sendAndFlush();
            end();
            stats.streamFaulted();
            sink.abort(reset);
        }

        private void sendAndFlush() {
            sendPending();
            flusher.flushNow(stepNanos);
            sink.flush(); // also the response head, when the fault fires before the first event
        }
    }
}
