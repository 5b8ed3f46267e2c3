package io.streambench.driver;

import io.streambench.driver.limits.Objectives;
import java.util.List;

/**
 * Everything a run needs.
 *
 * @param name      report folder suffix
 * @param target    where to send, with what
 * @param stages    workloads run one after another
 * @param bounds    when each stage stops
 * @param timeouts  per-attempt limits
 * @param retry     retry policy
 * @param client    parser, flush and accumulation strategies
 * @param seed      seed for arrivals, jitter and mock seeds
 * @param ioThreads client event loops, 0 for one per core
 * @param failFast  stop the run when its first this many requests all fail alike ({@link FailFast}); 0 never
 * @param objectives the service-level objectives requests and stages are judged by ({@code --slo})
 */
public record RunConfig(String name, Target target, List<Workload> stages, Bounds bounds, Timeouts timeouts,
        RetryPolicy retry, ClientOptions client, long seed, int ioThreads, int failFast, Objectives objectives) {

    /** The fail-fast count when none is given. */
    public static final int DEFAULT_FAIL_FAST = 10;

    public RunConfig {
        if (name == null || !name.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new IllegalArgumentException("name must be 1-64 of [A-Za-z0-9._-], got " + name);
        }
        if (target == null || bounds == null || timeouts == null || retry == null || client == null) {
            throw new IllegalArgumentException("target, bounds, timeouts, retry and client are required");
        }
        if (stages == null || stages.isEmpty()) {
            throw new IllegalArgumentException("at least one stage is required");
        }
        stages = List.copyOf(stages);
        boolean trace = target.requests().size().isPresent();
        for (Workload stage : stages) {
            if (trace != stage instanceof Workload.Replay) {
                throw new IllegalArgumentException(trace ? "a trace (" + target.requests().label()
                        + ") is replayed on its own schedule, not in a " + stage.label() + " stage"
                        : "a replay stage needs a trace to replay");
            }
        }
        if (trace && stages.size() > 1) {
            throw new IllegalArgumentException("a trace is replayed in one stage, got " + stages.size());
        }
        if (ioThreads < 0) {
            throw new IllegalArgumentException("io threads must be >= 0, got " + ioThreads);
        }
        if (failFast < 0) {
            throw new IllegalArgumentException("fail-fast count must be >= 0 (0 turns it off), got " + failFast);
        }
        objectives = objectives == null ? Objectives.NONE : objectives;
    }

    /** A run without objectives. */
    public RunConfig(String name, Target target, List<Workload> stages, Bounds bounds, Timeouts timeouts,
            RetryPolicy retry, ClientOptions client, long seed, int ioThreads, int failFast) {
        this(name, target, stages, bounds, timeouts, retry, client, seed, ioThreads, failFast, Objectives.NONE);
    }

    /** A run with the default fail-fast count. */
    public RunConfig(String name, Target target, List<Workload> stages, Bounds bounds, Timeouts timeouts,
            RetryPolicy retry, ClientOptions client, long seed, int ioThreads) {
        this(name, target, stages, bounds, timeouts, retry, client, seed, ioThreads, DEFAULT_FAIL_FAST);
    }

    /** The same run against another target. */
    public RunConfig withTarget(Target newTarget) {
        return new RunConfig(name, newTarget, stages, bounds, timeouts, retry, client, seed, ioThreads, failFast,
                objectives);
    }
}
