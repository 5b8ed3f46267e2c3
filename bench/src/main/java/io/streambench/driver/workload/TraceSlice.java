package io.streambench.driver.workload;

import java.util.ArrayList;
import java.util.List;

/**
 * The part of a trace to replay and how fast: {@code --trace-start}, {@code --trace-limit},
 * {@code --time-scale}.
 *
 * <p>The time scale is a speed-up, as in BurstGPT's and AIPerf's replay: {@code timeScale} 10 replays ten
 * times faster (every gap between requests divided by 10, ten times the request rate), 0.5 at half
 * speed. Send offsets count from the first request of the slice, which is sent at once.
 *
 * @param startSeconds skip the records before this time, in seconds of the trace from its first record
 * @param limit        at most this many records from there; 0 for all
 * @param timeScale    speed-up of the schedule, above 0
 */
public record TraceSlice(double startSeconds, int limit, double timeScale) {

    /** The whole trace at its own speed. */
    public static final TraceSlice ALL = new TraceSlice(0, 0, 1);

    public TraceSlice {
        if (!(startSeconds >= 0) || Double.isInfinite(startSeconds)) {
            throw new IllegalArgumentException("trace start must be >= 0 seconds, got " + startSeconds);
        }
        if (limit < 0) {
            throw new IllegalArgumentException("trace limit must be >= 0 (0 for all), got " + limit);
        }
        if (!(timeScale > 0) || Double.isInfinite(timeScale)) {
            throw new IllegalArgumentException("time scale must be > 0 (2 = twice as fast), got " + timeScale);
        }
    }

    /**
     * The records of {@code trace} in this slice.
     *
     * @throws IllegalArgumentException when the slice holds none, saying how long the trace is
     */
    List<TraceRecord> of(Trace trace) {
        List<TraceRecord> all = trace.records();
        long origin = all.get(0).timestampNanos();
        long from = origin + Math.round(startSeconds * 1e9);
        List<TraceRecord> out = new ArrayList<>();
        for (TraceRecord record : all) {
            if (record.timestampNanos() >= from) {
                out.add(record);
                if (limit > 0 && out.size() == limit) {
                    break;
                }
            }
        }
        if (out.isEmpty()) {
            double length = (all.get(all.size() - 1).timestampNanos() - origin) / 1e9;
            throw new IllegalArgumentException(trace.source() + ": no requests from " + startSeconds
                    + " s on (the trace spans " + length + " s)");
        }
        return out;
    }

    /** The send offset of {@code record}, in nanoseconds after the slice's first record. */
    long offsetNanos(TraceRecord record, TraceRecord first) {
        return Math.round((record.timestampNanos() - first.timestampNanos()) / timeScale);
    }
}
