package io.streambench.driver;

import java.util.List;

/**
 * Which stage a run runs next. A fixed list ({@link #of}) is the usual plan; a sweep or a search decides each
 * stage from the ones before it (see {@code driver.limits}).
 */
public interface StagePlan {

    /**
     * The workload of stage {@code index}, or null when the run is complete. Called on the run thread, after
     * the observer was told that the stage before ended ({@link RunObserver#stageEnded}).
     */
    Workload next(int index);

    /** The stages of {@code stages}, in order. */
    static StagePlan of(List<Workload> stages) {
        List<Workload> copy = List.copyOf(stages);
        return index -> index < copy.size() ? copy.get(index) : null;
    }
}
