package io.streambench.report.folder;

import io.streambench.driver.StageMetrics;

/**
 * One {@code timeline.csv} row: an interval of the run (about a second) and what happened in it.
 *
 * @param interval        when
 * @param tally           what happened in it
 * @param tokensPerSecond output tokens per second of the interval (a merged row: the sum of the drivers' rates)
 * @param heapUsedMb      JVM heap in use at the end of the interval, MiB; NaN when unknown
 */
public record TimelineRow(Interval interval, Tally tally, double tokensPerSecond, double heapUsedMb) {

    /**
     * When an interval was.
     *
     * @param stage          stage number
     * @param elapsedSeconds time since the run started, at the end of the interval
     * @param seconds        the interval's length
     * @param epochMillis    wall-clock time at the end of the interval; -1 in files written before it was
     */
    public record Interval(int stage, double elapsedSeconds, double seconds, long epochMillis) {
    }

    /**
     * What happened in an interval: requests begun and ended, failed attempts, retries, what arrived, and
     * the requests in flight at its end.
     */
    public record Tally(long started, long done, long ok, long failed, long errors, long retries, long inFlight,
            long tokens, long chunks, long bytes) {

        /** The counts from {@code before} to {@code now}, and the requests in flight {@code now}. */
        public static Tally between(StageMetrics.Counters before, StageMetrics.Counters now) {
            return new Tally(now.started() - before.started(), now.completed() - before.completed(),
                    now.succeeded() - before.succeeded(), now.failed() - before.failed(),
                    now.failedAttempts() - before.failedAttempts(), now.retries() - before.retries(), now.inFlight(),
                    now.tokens() - before.tokens(), now.chunks() - before.chunks(), now.bytes() - before.bytes());
        }

        /** Both together (two drivers in the same second): every count added, in-flight requests too. */
        public Tally plus(Tally o) {
            return new Tally(started + o.started, done + o.done, ok + o.ok, failed + o.failed, errors + o.errors,
                    retries + o.retries, inFlight + o.inFlight, tokens + o.tokens, chunks + o.chunks, bytes + o.bytes);
        }
    }

    /** A row as the driver measures it: the tokens per second of this interval alone. */
    public static TimelineRow measured(Interval interval, Tally tally, double heapUsedMb) {
        return new TimelineRow(interval, tally, tally.tokens() / interval.seconds(), heapUsedMb);
    }
}
