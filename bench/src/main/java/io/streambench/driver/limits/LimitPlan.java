package io.streambench.driver.limits;

import io.streambench.driver.StagePlan;

/** A plan whose stages look for a limit (a sweep, a search), and what it found once the run ended. */
public interface LimitPlan extends StagePlan {

    /** What it found; call after the run (a stopped run's outcome covers the stages that ran). */
    LimitOutcome outcome();
}
