package io.streambench.mock.internal.stats;

import io.streambench.mock.stats.StatsSnapshot;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;

/**
 * The server's own account of what it did: counters and the pacing-lateness histogram, the ground truth
 * a client's measurements are checked against.
 *
 * <pre>
 * stats.streamStarted();
 * stats.recordLatenessNanos(System.nanoTime() - deadlineNanos);
 * StatsSnapshot s = stats.snapshot(false);
 * </pre>
 *
 * The per-event figures (events and bytes written, pacing lateness) go to a {@link Writer} of the calling
 * thread: each event loop writes only its own counters and its own HdrHistogram {@link SingleWriterRecorder},
 * so two loops never write one cache line per event (shared atomic counters cost a cache-line transfer
 * between cores on every event). {@link #snapshot} sums the writers and swaps their interval histograms into
 * the cumulative one, so memory stays constant however long the server runs. Rarer events (a stream started,
 * a fault) use shared {@link LongAdder}s.
 */
public final class ServerStats {

    /** Lateness above an hour is clamped; a write that late is a broken machine, not a measurement. */
    private static final long HIGHEST_TRACKABLE_NANOS = TimeUnit.HOURS.toNanos(1);

    private final long startNanos = System.nanoTime();
    private final List<Writer> writers = new CopyOnWriteArrayList<>();
    private final ThreadLocal<Writer> writer = ThreadLocal.withInitial(this::newWriter);
    private final Histogram cumulativeLateness = new Histogram(HIGHEST_TRACKABLE_NANOS, 3);
    /** Never reset: Prometheus histograms only grow. */
    private final Histogram allTimeLateness = new Histogram(HIGHEST_TRACKABLE_NANOS, 3);
    private final LongAdder activeStreams = new LongAdder();
    private final LongAdder streamsStarted = new LongAdder();
    private final LongAdder streamsCompleted = new LongAdder();
    private final LongAdder streamsCancelled = new LongAdder();
    private final LongAdder streamsFaulted = new LongAdder();
    private final Map<String, LongAdder> faults = new ConcurrentHashMap<>();
    private final LongAdder unwritableNanos = new LongAdder();
    private final LongAdder streamsUnwritable = new LongAdder();
    private final LongAdder requests = new LongAdder();
    private final Map<Integer, LongAdder> responsesByStatus = new ConcurrentHashMap<>();

    /** A request arrived (any path). */
    public void request() {
        requests.increment();
    }

    /** A response with {@code status} was started. */
    public void response(int status) {
        responsesByStatus.computeIfAbsent(status, s -> new LongAdder()).increment();
    }

    /** A stream (streaming or not) began. */
    public void streamStarted() {
        streamsStarted.increment();
        activeStreams.increment();
    }

    /** A stream sent its last byte. */
    public void streamCompleted() {
        streamsCompleted.increment();
        activeStreams.decrement();
    }

    /** A stream ended early because its client went away. */
    public void streamCancelled() {
        streamsCancelled.increment();
        activeStreams.decrement();
    }

    /** A stream ended early because an injected fault ended it (error event, reset, close). */
    public void streamFaulted() {
        streamsFaulted.increment();
        activeStreams.decrement();
    }

    /** An injected fault of {@code kind} fired (or a request was rate limited: kind {@code rate_limit}). */
    public void fault(String kind) {
        faults.computeIfAbsent(kind, k -> new LongAdder()).increment();
    }

    /** {@code events} SSE events totalling {@code bytes} were written. */
    public void sent(int events, int bytes) {
        writer().sent(events, bytes);
    }

    /** How late a write was against its deadline, in ns (negative values count as 0). */
    public void recordLatenessNanos(long nanos) {
        writer().recordLatenessNanos(nanos);
    }

    /**
     * The calling thread's writer of per-event figures. A stream looks it up once and keeps it: every call on
     * it must come from that same thread (an event loop).
     */
    public Writer writer() {
        return writer.get();
    }

    private Writer newWriter() {
        Writer w = new Writer();
        writers.add(w);
        return w;
    }

    /** A stream started waiting for its channel to become writable (a slow reader). */
    public void unwritableStarted() {
        streamsUnwritable.increment();
    }

    /** A stream stopped waiting (writable again, or gone) after {@code nanos}. */
    public void unwritableEnded(long nanos) {
        streamsUnwritable.decrement();
        unwritableNanos.add(nanos);
    }

    /** Currently open streams. */
    public long activeStreams() {
        return activeStreams.sum();
    }

    /**
     * Reads every figure.
     *
     * @param resetLateness start a new lateness window after reading (counters always keep counting)
     */
    public synchronized StatsSnapshot snapshot(boolean resetLateness) {
        drainLateness();
        Histogram h = cumulativeLateness;
        StatsSnapshot.Lateness lateness = new StatsSnapshot.Lateness(h.getTotalCount(), us(h.getMean()),
                us(h.getValueAtPercentile(50)), us(h.getValueAtPercentile(90)), us(h.getValueAtPercentile(99)),
                us(h.getValueAtPercentile(99.9)), us(h.getMaxValue()));
        if (resetLateness) {
            cumulativeLateness.reset();
        }
        Map<Integer, Long> statuses = new TreeMap<>();
        responsesByStatus.forEach((k, v) -> statuses.put(k, v.sum()));
        Map<String, Long> faultCounts = new TreeMap<>();
        faults.forEach((k, v) -> faultCounts.put(k, v.sum()));
        return new StatsSnapshot(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos), activeStreams.sum(),
                streamsStarted.sum(), streamsCompleted.sum(), streamsCancelled.sum(), streamsFaulted.sum(),
                sum(Writer.EVENTS), sum(Writer.BYTES), streamsUnwritable.sum(),
                TimeUnit.NANOSECONDS.toMillis(unwritableNanos.sum()),
                requests.sum(), statuses, faultCounts, lateness);
    }

    /** The sum over every writer of one of its counters ({@link Writer#EVENTS} or {@link Writer#BYTES}). */
    private long sum(VarHandle counter) {
        long sum = 0;
        for (Writer w : writers) {
            sum += (long) counter.getOpaque(w);
        }
        return sum;
    }

    private void drainLateness() {
        for (Writer w : writers) {
            w.recycled = w.lateness.getIntervalHistogram(w.recycled);
            cumulativeLateness.add(w.recycled);
            allTimeLateness.add(w.recycled);
        }
    }

    /**
     * Lateness since the server started, as counts per bucket (not cumulative) for the upper bounds given
     * in seconds, plus the overflow count last; and the sum in seconds. For {@code /metrics}.
     */
    public synchronized LatenessBuckets latenessBuckets(double[] upperBoundsSeconds) {
        drainLateness();
        long[] counts = new long[upperBoundsSeconds.length + 1];
        long below = 0;
        for (int i = 0; i < upperBoundsSeconds.length; i++) {
            long upTo = allTimeLateness.getCountBetweenValues(0, (long) (upperBoundsSeconds[i] * 1e9));
            counts[i] = upTo - below;
            below = upTo;
        }
        counts[upperBoundsSeconds.length] = allTimeLateness.getTotalCount() - below;
        double sumSeconds = allTimeLateness.getMean() * allTimeLateness.getTotalCount() / 1e9;
        return new LatenessBuckets(counts, sumSeconds);
    }

    /**
     * One thread's per-event figures. Only the owning thread writes; readers ({@link #snapshot}) see the
     * counters through opaque reads and the lateness through the recorder's interval swap.
     */
    public static final class Writer {
        static final VarHandle EVENTS;
        static final VarHandle BYTES;

        static {
            try {
                MethodHandles.Lookup l = MethodHandles.lookup();
                EVENTS = l.findVarHandle(Writer.class, "events", long.class);
                BYTES = l.findVarHandle(Writer.class, "bytes", long.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        private final SingleWriterRecorder lateness = new SingleWriterRecorder(HIGHEST_TRACKABLE_NANOS, 3);
        /** Guarded by the snapshot's lock: the interval histogram handed back to the recorder. */
        private Histogram recycled;
        private long events;
        private long bytes;

        private Writer() {
        }

        /** {@code events} SSE events totalling {@code bytes} were written. */
        public void sent(int events, int bytes) {
            EVENTS.setOpaque(this, this.events + events);
            BYTES.setOpaque(this, this.bytes + bytes);
        }

        /** How late a write was against its deadline, in ns (negative values count as 0). */
        public void recordLatenessNanos(long nanos) {
            lateness.recordValue(Math.min(HIGHEST_TRACKABLE_NANOS, Math.max(0, nanos)));
        }
    }

    /** Bucket counts (last one: above the highest bound) and the sum of lateness, in seconds. */
    public record LatenessBuckets(long[] counts, double sumSeconds) {
    }

    private static double us(double nanos) {
        return Math.round(nanos / 10.0) / 100.0;
    }
}
