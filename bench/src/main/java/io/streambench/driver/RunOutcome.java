package io.streambench.driver;

import java.util.List;

/**
 * How a run ended.
 *
 * @param stages        each finished stage's final counters
 * @param interrupted   true when the run was stopped before its bounds were reached
 * @param startNanos    run start ({@code System.nanoTime()})
 * @param endNanos      run end
 */
public record RunOutcome(List<StageMetrics.Counters> stages, boolean interrupted, long startNanos, long endNanos) {

    public RunOutcome {
        stages = List.copyOf(stages);
    }

    /** Requests (warmup included) whose final attempt succeeded, over all stages. */
    public long succeeded() {
        return stages.stream().mapToLong(StageMetrics.Counters::succeeded).sum();
    }

    /** Requests that ended, over all stages. */
    public long completed() {
        return stages.stream().mapToLong(StageMetrics.Counters::completed).sum();
    }

    /** A run fails when requests ended and none succeeded. */
    public boolean failed() {
        return completed() > 0 && succeeded() == 0;
    }
}
