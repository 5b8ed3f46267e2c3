package io.streambench.driver;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;

/** One running stage: which requests it still admits, and what happens when one ends. */
final class Stage {

    private final StageMetrics metrics;
    private final long warmupEndNanos;
    private final long endNanos;
    private final long requestLimit;
    private final AtomicLong measuredAdmitted = new AtomicLong();
    private final AtomicLong nextId;
    private final long seed;
    private final CountDownLatch streams;
    private final Semaphore slots;
    private final AtomicIntegerArray streamFailures;
    /** Open-loop conversations: a slot is held by a session, from its first turn to its end. */
    private final boolean slotPerSession;
    private final AtomicInteger sessions = new AtomicInteger();
    private final Planner.Ahead ahead;
    private volatile boolean closed;

    /**
     * @param slotPerSession an open loop's in-flight slots are held per session (conversations), not per request
     * @param ahead          the stage's requests made ahead by the planner, or null when their bodies were encoded
     *                       at start
     */
    Stage(StageMetrics metrics, long startNanos, Bounds bounds, AtomicLong nextId, long seed, boolean slotPerSession,
            Planner.Ahead ahead) {
        this.metrics = metrics;
        this.warmupEndNanos = startNanos + bounds.warmup().toNanos();
        this.endNanos = bounds.duration() == null ? Long.MAX_VALUE : warmupEndNanos + bounds.duration().toNanos();
        this.requestLimit = bounds.requests();
        this.nextId = nextId;
        this.seed = seed;
        this.slotPerSession = slotPerSession;
        this.ahead = ahead;
        if (metrics.workload() instanceof Workload.Closed c) {
            streams = new CountDownLatch(c.concurrency());
            streamFailures = new AtomicIntegerArray(c.concurrency());
            slots = null;
        } else {
            streams = null;
            streamFailures = null;
            slots = new Semaphore(((Workload.Scheduled) metrics.workload()).maxInFlight());
        }
    }

    StageMetrics metrics() {
        return metrics;
    }

    /** The requests made ahead, or null. */
    Planner.Ahead ahead() {
        return ahead;
    }

    long endNanos() {
        return endNanos;
    }

    CountDownLatch streams() {
        return streams;
    }

    Semaphore slots() {
        return slots;
    }

    /** Stops admitting requests. */
    void close() {
        closed = true;
    }

    /**
     * Closed loop: counts how stream {@code stream}'s request ended; returns its failed requests in a row
     * (0 after a success).
     */
    int streamEnded(int stream, boolean ok) {
        if (ok) {
            streamFailures.set(stream, 0);
            return 0;
        }
        return streamFailures.incrementAndGet(stream);
    }

    /**
     * The next request intended at {@code intendedNanos}, sent by closed-loop stream {@code stream} (-1 in an
     * open loop), or null when the stage admits no more (time or count reached, or stopped).
     */
    Request admit(long intendedNanos, int stream) {
        if (closed || intendedNanos >= endNanos) {
            // the window ended at the deadline, or when the run was stopped
            return null;
        }
        boolean measured = intendedNanos >= warmupEndNanos;
        if (measured && requestLimit > 0 && measuredAdmitted.incrementAndGet() > requestLimit) {
            // --requests reached: the window ends when this one would have been sent
            metrics.window().endWindow(intendedNanos);
            return null;
        }
        long id = nextId.getAndIncrement();
        metrics.requestStarted();
        return new Request(id, this, intendedNanos, measured, mix(seed + id), stream, null);
    }

    /** A request ended for good: counted, and in an open loop its slot is free (a closed loop's stream goes on). */
    void requestEnded(boolean ok) {
        metrics.requestCompleted(ok);
        if (slots != null && !slotPerSession) {
            slots.release();
        }
    }

    /** An open-loop session took a slot and starts. */
    void sessionStarted() {
        sessions.incrementAndGet();
    }

    /** An open-loop session ended (its last turn, a failure, or the stage's end): its slot is free. */
    void sessionEnded() {
        sessions.decrementAndGet();
        slots.release();
    }

    /**
     * True when nothing of this stage is in flight any more: closed loop, every stream stopped; else every
     * request ended, and every session (which may be between turns).
     */
    boolean quiet(boolean issuingDone) {
        return streams != null ? streams.getCount() == 0
                : issuingDone && metrics.counters().inFlight() == 0 && sessions.get() == 0;
    }

    /** SplitMix64: well-spread per-request seeds from consecutive numbers. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return (z ^ (z >>> 31)) & Long.MAX_VALUE;
    }
}
