package io.streambench.mock.internal.fault;

import io.netty.buffer.ByteBuf;
import io.streambench.mock.fault.Fault;
import io.streambench.mock.fault.FaultAction;
import io.streambench.mock.internal.stats.ServerStats;
import io.streambench.mock.profile.FlushPolicy;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The faults armed for one stream, at work while it is sent: which mid-stream fault is due and what it does,
 * how writes are fragmented, and the flush policy a burst imposes. What each action does to the stream is
 * decided here; how (timers, buffers, the socket) is the stream's {@link Target}.
 *
 * <pre>
 * StreamFaults faults = new StreamFaults(armed, seed, stats);
 * if (faults.fireDue(target, nowNanos - startNanos)) {
 *     return; // the fault ended or paused the stream
 * }
 * </pre>
 *
 * Confined to the stream's event loop.
 */
public final class StreamFaults {

    /** What a mid-stream fault can do to a stream; the stream's session implements it. */
    public interface Target {

        /** SSE events sent so far ({@code after_chunks} counts them). */
        long eventsSent();

        /** {@code malformed}: writes one broken event; the stream goes on. */
        void writeMalformedEvent(boolean invalidUtf8);

        /** {@code duplicate}: the events of the next step are written twice. */
        void repeatNextStep();

        /** {@code error_event}: writes the API's error event, then ends the body cleanly. */
        void endWithErrorEvent(String message, String type, String code);

        /** {@code stall}: sends what is written, then sends nothing for {@code millis} (forever when negative). */
        void stall(long millis, long pingMillis);

        /** {@code reset} and {@code close}: sends what is written, then closes the connection mid-body. */
        void abort(boolean reset);
    }

    private final ArmedFaults armed;
    private final List<Fault> midStream;
    private final boolean[] fired;
    /** A source of its own, so fragment sizes never change the content or timing of the stream. */
    private final SplittableRandom random;
    private final ServerStats stats;

    /** @param seed the request's seed: random fragment sizes are a function of it */
    public StreamFaults(ArmedFaults armed, long seed, ServerStats stats) {
        this.armed = armed;
        this.midStream = armed.midStream();
        this.fired = new boolean[midStream.size()];
        this.random = new SplittableRandom(seed ^ 0xbb67ae8584caa73bL);
        this.stats = stats;
    }

    /** Counts the whole-stream faults on {@code /stats}; call once, when the stream starts. */
    public void countWholeStreamFaults() {
        if (armed.fragment() != null) {
            stats.fault("fragment");
        }
        if (armed.burstEvents() > 0) {
            stats.fault("burst");
        }
        if (armed.noDone()) {
            stats.fault("no_done");
        }
        if (armed.noFinish()) {
            stats.fault("no_finish");
        }
    }

    /** The flush policy of the stream: {@code planned}, unless a burst holds events back. */
    public FlushPolicy flushPolicy(FlushPolicy planned) {
        return armed.burstEvents() > 0 ? new FlushPolicy.EveryN(armed.burstEvents()) : planned;
    }

    /** Whether every write is split into pieces, each written and flushed on its own. */
    public boolean fragments() {
        return armed.fragment() != null;
    }

    /** Length of the next piece of a fragmented write of {@code payload}'s bytes {@code [from, end)}. */
    public int pieceLength(ByteBuf payload, int from, int end) {
        switch (armed.fragment()) {
            case BYTES:
                return 1;
            case RANDOM:
                return 1 + random.nextInt(32);
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

    /**
     * Fires, in declaration order, every mid-stream fault whose trigger holds now. Returns true when one
     * ended or paused the stream: nothing more is written in this step.
     */
    public boolean fireDue(Target stream, long elapsedNanos) {
        for (Fault due = nextDue(stream.eventsSent(), elapsedNanos); due != null;
                due = nextDue(stream.eventsSent(), elapsedNanos)) {
            stats.fault(due.action().kind());
            if (apply(due.action(), stream)) {
                return true;
            }
        }
        return false;
    }

    private Fault nextDue(long eventsSent, long elapsedNanos) {
        for (int i = 0; i < fired.length; i++) {
            Fault f = midStream.get(i);
            if (!fired[i] && f.trigger().firesAt(eventsSent, elapsedNanos)) {
                fired[i] = true;
                return f;
            }
        }
        return null;
    }

    /** Applies one mid-stream action; true when the stream stopped or paused. */
    private static boolean apply(FaultAction action, Target stream) {
        if (action instanceof FaultAction.Malformed m) {
            stream.writeMalformedEvent(m.variant() == FaultAction.Malformed.Variant.UTF8);
            return false;
        }
        if (action instanceof FaultAction.Duplicate) {
            stream.repeatNextStep();
            return false;
        }
        if (action instanceof FaultAction.ErrorEvent e) {
            stream.endWithErrorEvent(e.message(), e.type(), e.code());
        } else if (action instanceof FaultAction.Stall s) {
            stream.stall(s.millis(), s.pingMillis());
        } else if (action instanceof FaultAction.Reset) {
            stream.abort(true);
        } else if (action instanceof FaultAction.Close) {
            stream.abort(false);
        } else {
            throw new IllegalStateException("not a mid-stream fault: " + action.kind());
        }
        return true;
    }
}
