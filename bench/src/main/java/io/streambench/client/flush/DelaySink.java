package io.streambench.client.flush;

import org.HdrHistogram.Histogram;

/**
 * Where a {@link Flusher} records how long each character waited between its arrival and its flush: a
 * histogram, a run's recorder, a running maximum. Called on the stream's thread; must not allocate.
 *
 * <pre>{@code
 * Histogram delays = new Histogram(TimeUnit.MINUTES.toNanos(10), 3);
 * DelaySink sink = DelaySink.into(delays);      // once, shared by the flushers of one thread
 * }</pre>
 */
@FunctionalInterface
public interface DelaySink {

    /** {@code count} characters that arrived together waited {@code delayNanos} (at least 0) each. */
    void record(long delayNanos, long count);

    /** Records into {@code histogram}; delays above its highest trackable value are recorded as that value. */
    static DelaySink into(Histogram histogram) {
        long highest = histogram.getHighestTrackableValue();
        return (delayNanos, count) -> histogram.recordValueWithCount(Math.min(highest, delayNanos), count);
    }
}
