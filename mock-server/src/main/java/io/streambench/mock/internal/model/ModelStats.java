package io.streambench.mock.internal.model;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * The figures of one {@link ServerModel}: requests, queueing, tokens and prefill. Not thread-safe: the model
 * writes and reads it under its lock, once per request.
 */
public final class ModelStats {

    /** Waits and prefills are recorded in µs, up to an hour, to 1 %: 27 KB a histogram (ns to 0.1 % took 256). */
    private static final long HIGHEST_TRACKABLE_MICROS = TimeUnit.HOURS.toMicros(1);

    private final Histogram queueWait = new Histogram(HIGHEST_TRACKABLE_MICROS, 2);
    private final Histogram prefill = new Histogram(HIGHEST_TRACKABLE_MICROS, 2);
    private long requests;
    private long admitted;
    private long queued;
    private long cancelledInQueue;
    private long maxQueueLength;
    private long queueWaitNanos;
    private long prefillNanos;
    private long inputTokens;
    private long cachedTokens;

    ModelStats() {
    }

    /** The figures of a model that saw nothing (the server warms its JSON writer up with it). */
    public static Snapshot emptySnapshot() {
        return new ModelStats().snapshot(0, 0, 0, 0, 0, false);
    }

    /** A counted request asks for a slot. */
    void arrived() {
        requests++;
    }

    /** A request had to wait; the queue is {@code length} long with it. */
    void queued(int length) {
        queued++;
        maxQueueLength = Math.max(maxQueueLength, length);
    }

    void cancelledInQueue() {
        cancelledInQueue++;
    }

    /** A request got its slot after {@code waitNanos}, with these prompt figures. */
    void admitted(long waitNanos, int promptTokens, int cached, long prefillNanos) {
        admitted++;
        queueWait.recordValue(micros(waitNanos));
        prefill.recordValue(micros(prefillNanos));
        queueWaitNanos += Math.max(0, waitNanos);
        this.prefillNanos += prefillNanos;
        inputTokens += promptTokens;
        cachedTokens += cached;
    }

    Snapshot snapshot(int sequences, int active, int queueLength, int cacheBlocks, long stallNanos, boolean reset) {
        Snapshot s = new Snapshot(sequences, active, queueLength, requests, admitted, queued, cancelledInQueue,
                maxQueueLength, window(queueWait), ms(queueWaitNanos), inputTokens, cachedTokens, window(prefill),
                ms(prefillNanos), ms(stallNanos), cacheBlocks);
        if (reset) {
            queueWait.reset();
            prefill.reset();
        }
        return s;
    }

    private static Window window(Histogram h) {
        return new Window(h.getTotalCount(), ms(h.getMean() * 1e3), ms(h.getValueAtPercentile(50) * 1e3),
                ms(h.getValueAtPercentile(90) * 1e3), ms(h.getValueAtPercentile(99) * 1e3),
                ms(h.getMaxValue() * 1e3));
    }

    private static long micros(long nanos) {
        return Math.min(HIGHEST_TRACKABLE_MICROS, Math.max(0, (nanos + 500) / 1000));
    }

    private static double ms(double nanos) {
        return Math.round(nanos / 1e4) / 100.0;
    }

    /**
     * What {@code /stats} shows of one model.
     *
     * @param sequences the slots (0: no limit)
     * @param activeSequences sequences holding a slot now (prefilling or decoding)
     * @param queueLength requests waiting for a slot now
     * @param requests requests that asked for a slot (counted)
     * @param admitted requests that got one
     * @param queued requests that had to wait for one
     * @param cancelledInQueue requests whose client left while they waited
     * @param maxQueueLength the longest the queue has been
     * @param queueWaitMs wait for a slot of the requests admitted (0 for those admitted at once), in ms, since
     *     start or the last reset
     * @param queueWaitMsTotal all the waiting since start, in ms
     * @param inputTokens prompt tokens of the requests admitted (0 when the profile counts none)
     * @param cachedTokens of those, the tokens found in the prefix cache
     * @param prefillMs prefill time of the requests admitted, in ms, since start or the last reset
     * @param prefillMsTotal all the prefill time since start, in ms
     * @param stallMsTotal decoding stall caused by prefills since start, in ms (each decoding sequence waits it)
     * @param cacheBlocks blocks in the prefix cache now
     */
    public record Snapshot(int sequences, int activeSequences, int queueLength, long requests, long admitted,
            long queued, long cancelledInQueue, long maxQueueLength, Window queueWaitMs, double queueWaitMsTotal,
            long inputTokens, long cachedTokens, Window prefillMs, double prefillMsTotal, double stallMsTotal,
            int cacheBlocks) {
    }

    /** Count, mean, p50, p90, p99 and max of a time, in ms. */
    public record Window(long count, double mean, double p50, double p90, double p99, double max) {
    }
}
