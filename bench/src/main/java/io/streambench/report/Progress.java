package io.streambench.report;

import io.streambench.report.folder.TimelineRow;

/**
 * The run at one tick: the last interval, as {@code timeline.csv} has it, and the stage's totals, for the
 * console.
 *
 * @param interval    the interval's row
 * @param workload    the stage's workload label
 * @param stageDone   requests ended in the stage so far
 * @param stageErrors failed attempts in the stage so far
 */
public record Progress(TimelineRow interval, String workload, long stageDone, long stageErrors) {

    /** Since the run started. */
    public double elapsedSeconds() {
        return interval.interval().elapsedSeconds();
    }

    /** Stage number. */
    public int stage() {
        return interval.interval().stage();
    }

    /** Requests in flight now. */
    public long inFlight() {
        return interval.tally().inFlight();
    }

    /** Output tokens per second over the interval. */
    public double tokensPerSecond() {
        return interval.tokensPerSecond();
    }

    /** One console line: {@code [12s] stage 0 concurrency=8: done 96, in flight 8, 1530 tok/s, errors 0}. */
    public String line() {
        return String.format(java.util.Locale.ROOT, "[%4.0fs] stage %d %s: done %d, in flight %d, %.0f tok/s, errors %d",
                elapsedSeconds(), stage(), workload, stageDone, inFlight(), tokensPerSecond(), stageErrors);
    }
}
