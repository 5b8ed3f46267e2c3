package io.streambench.driver;

import io.streambench.driver.limits.Objectives;
import io.streambench.driver.limits.SloTally;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * What one stage recorded: a wait-free HdrHistogram {@link Recorder} per {@link Metric} (measured requests
 * only, written from any event loop), counters of every request and attempt (warmup included), and its
 * {@link StageWindow} (tokens, chunks and bytes as they arrive, by phase), read by the reporting thread.
 * Memory does not grow with the number of requests.
 *
 * <pre>{@code
 * metrics.record(Metric.TTFT, nanos);            // event loop
 * Histogram interval = metrics.interval(Metric.TTFT, recycled);  // reporting thread, once a second
 * }</pre>
 */
public final class StageMetrics {

    /** Recorded values are clamped here (1 h in ns); anything above is a broken run, not a latency. */
    private static final long HIGHEST_TRACKABLE = 3_600_000_000_000L;
    private static final int SIGNIFICANT_DIGITS = 3;

    private final int index;
    private final Workload workload;
    private final Map<Metric, Recorder> recorders = new EnumMap<>(Metric.class);
    private final AtomicInteger inFlight = new AtomicInteger();
    private final LongAdder started = new LongAdder();
    private final LongAdder completed = new LongAdder();
    private final LongAdder succeeded = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder attempts = new LongAdder();
    private final LongAdder failedAttempts = new LongAdder();
    private final LongAdder retries = new LongAdder();
    private final StageWindow window;
    private final SloTally slo;
    private volatile boolean usageSeen;

    public StageMetrics(int index, Workload workload, StageWindow window) {
        this(index, workload, window, new SloTally(Objectives.NONE, window));
    }

    /** @param slo counts the requests that met the run's objectives ({@code --slo}) */
    public StageMetrics(int index, Workload workload, StageWindow window, SloTally slo) {
        this.index = index;
        this.workload = workload;
        this.window = window;
        this.slo = slo;
        for (Metric metric : Metric.values()) {
            // Auto-resizing: a histogram only grows to the range its values really span.
            recorders.put(metric, new Recorder(SIGNIFICANT_DIGITS));
        }
    }

    /** Stage number, from 0. */
    public int index() {
        return index;
    }

    /** The stage's workload. */
    public Workload workload() {
        return workload;
    }

    /** The stage's warmup, measured window and drain, with what arrived in each. */
    public StageWindow window() {
        return window;
    }

    /** The requests that met the run's objectives, and goodput. */
    public SloTally slo() {
        return slo;
    }

    /** Records one value (negative values count as 0). Wait-free; any thread. */
    public void record(Metric metric, long value) {
        recorders.get(metric).recordValue(Math.min(HIGHEST_TRACKABLE, Math.max(0, value)));
    }

    /** Records {@code count} occurrences of one value. Wait-free; any thread. */
    public void recordWithCount(Metric metric, long value, long count) {
        recorders.get(metric).recordValueWithCount(Math.min(HIGHEST_TRACKABLE, Math.max(0, value)), count);
    }

    /** The values recorded since the last call, swapping in {@code recycle} (or null) for the next interval. */
    public Histogram interval(Metric metric, Histogram recycle) {
        return recorders.get(metric).getIntervalHistogram(recycle);
    }

    /** An attempt of the stage received the server's usage. */
    public void sawUsage() {
        if (!usageSeen) {
            usageSeen = true;
        }
    }

    /** Whether an attempt of the stage has received the server's usage (later ones then need not keep their text). */
    public boolean usageSeen() {
        return usageSeen;
    }

    /** A request began (first attempt about to be sent). */
    public void requestStarted() {
        started.increment();
        inFlight.incrementAndGet();
    }

    /** A request ended for good (success, final failure or cancel), now. */
    public void requestCompleted(boolean ok) {
        inFlight.decrementAndGet();
        completed.increment();
        (ok ? succeeded : failed).increment();
        window.ended(ok, System.nanoTime());
    }

    /**
     * An attempt ended; {@code retry} says a retry follows. Its tokens, chunks and bytes were counted as they
     * arrived ({@link #window()}).
     */
    public void attemptCompleted(boolean ok, boolean retry) {
        attempts.increment();
        if (!ok) {
            failedAttempts.increment();
        }
        if (retry) {
            retries.increment();
        }
    }

    /** A point-in-time copy of the counters. */
    public Counters counters() {
        return new Counters(started.sum(), completed.sum(), succeeded.sum(), failed.sum(), inFlight.get(),
                attempts.sum(), failedAttempts.sum(), retries.sum(), window.tokens(), window.chunks(), window.bytes());
    }

    /**
     * Counter values at one moment (cumulative over the stage).
     *
     * @param started        requests begun
     * @param completed      requests ended for good
     * @param succeeded      requests whose last attempt succeeded
     * @param failed         requests whose last attempt failed
     * @param inFlight       requests begun and not ended (including those waiting to retry)
     * @param attempts       attempts ended
     * @param failedAttempts attempts that ended with an error
     * @param retries        attempts followed by a retry
     * @param tokens         output tokens that arrived so far, attempts in flight included (estimated per event,
     *                       corrected to the usage chunk's count when it arrives)
     * @param chunks         content events that arrived so far
     * @param bytes          response body bytes that arrived so far
     */
    public record Counters(long started, long completed, long succeeded, long failed, int inFlight, long attempts,
            long failedAttempts, long retries, long tokens, long chunks, long bytes) {
    }
}
