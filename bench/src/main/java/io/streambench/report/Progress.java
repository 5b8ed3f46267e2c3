package io.streambench.report;

/**
 * The run at one tick: the last interval's figures and the stage's totals, for the console and
 * {@code timeline.csv}.
 *
 * @param elapsedSeconds   since the run started
 * @param stage            stage number
 * @param workload         the stage's workload label
 * @param intervalStarted  requests begun in the interval
 * @param intervalDone     requests ended in the interval
 * @param intervalOk       of those, succeeded
 * @param intervalFailed   of those, failed
 * @param intervalErrors   failed attempts in the interval (retried ones included)
 * @param intervalRetries  retries scheduled in the interval
 * @param inFlight         requests in flight now
 * @param intervalTokens   output tokens that arrived in the interval (streams in flight included)
 * @param tokensPerSecond  {@code intervalTokens} per second
 * @param intervalChunks   content events that arrived in the interval
 * @param intervalBytes    response body bytes that arrived in the interval
 * @param stageDone        requests ended in the stage so far
 * @param stageErrors      failed attempts in the stage so far
 */
public record Progress(double elapsedSeconds, int stage, String workload, long intervalStarted, long intervalDone,
        long intervalOk, long intervalFailed, long intervalErrors, long intervalRetries, int inFlight,
        long intervalTokens, double tokensPerSecond, long intervalChunks, long intervalBytes, long stageDone,
        long stageErrors) {

    /** One console line: {@code [12s] stage 0 concurrency=8: done 96, in flight 8, 1530 tok/s, errors 0}. */
    public String line() {
        return String.format(java.util.Locale.ROOT, "[%4.0fs] stage %d %s: done %d, in flight %d, %.0f tok/s, errors %d",
                elapsedSeconds, stage, workload, stageDone, inFlight, tokensPerSecond, stageErrors);
    }
}
