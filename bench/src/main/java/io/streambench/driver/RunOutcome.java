package io.streambench.driver;

import java.util.List;

/**
 * How a run ended.
 *
 * @param stages        each finished stage's final counters
 * @param interrupted   true when the run was stopped before its bounds were reached
 * @param startNanos    run start ({@code System.nanoTime()})
 * @param endNanos      run end
 * @param earlyStop     why the run stopped itself (its first requests all failed alike), or null
 */
public record RunOutcome(List<StageMetrics.Counters> stages, boolean interrupted, long startNanos, long endNanos,
        EarlyStop earlyStop) {

    public RunOutcome {
        stages = List.copyOf(stages);
    }

    /** An outcome the run did not stop itself. */
    public RunOutcome(List<StageMetrics.Counters> stages, boolean interrupted, long startNanos, long endNanos) {
        this(stages, interrupted, startNanos, endNanos, null);
    }

    /** Requests (warmup included) whose final attempt succeeded, over all stages. */
    public long succeeded() {
        return stages.stream().mapToLong(StageMetrics.Counters::succeeded).sum();
    }

    /** Requests that ended, over all stages. */
    public long completed() {
        return stages.stream().mapToLong(StageMetrics.Counters::completed).sum();
    }

    /** A run fails when it stopped itself, or when requests ended and none succeeded. */
    public boolean failed() {
        return earlyStop != null || completed() > 0 && succeeded() == 0;
    }
}
