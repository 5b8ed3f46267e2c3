package io.streambench.driver;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
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
    private volatile boolean closed;

    Stage(StageMetrics metrics, long startNanos, Bounds bounds, AtomicLong nextId, long seed) {
        this.metrics = metrics;
        this.warmupEndNanos = startNanos + bounds.warmup().toNanos();
        this.endNanos = bounds.duration() == null ? Long.MAX_VALUE : warmupEndNanos + bounds.duration().toNanos();
        this.requestLimit = bounds.requests();
        this.nextId = nextId;
        this.seed = seed;
        if (metrics.workload() instanceof Workload.Closed c) {
            streams = new CountDownLatch(c.concurrency());
            streamFailures = new AtomicIntegerArray(c.concurrency());
            slots = null;
        } else {
            streams = null;
            streamFailures = null;
            slots = new Semaphore(((Workload.Open) metrics.workload()).maxInFlight());
        }
    }

    StageMetrics metrics() {
        return metrics;
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
        return new Request(id, this, intendedNanos, measured, mix(seed + id), stream);
    }

    /** A request ended for good: counted, and in an open loop its slot is free (a closed loop's stream goes on). */
    void requestEnded(boolean ok) {
        metrics.requestCompleted(ok);
        if (slots != null) {
            slots.release();
        }
    }

    /** True when nothing of this stage is in flight any more (and, closed loop, every stream stopped). */
    boolean quiet(boolean issuingDone) {
        return streams != null ? streams.getCount() == 0 : issuingDone && metrics.counters().inFlight() == 0;
    }

    /** SplitMix64: well-spread per-request seeds from consecutive numbers. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return (z ^ (z >>> 31)) & Long.MAX_VALUE;
    }
}
