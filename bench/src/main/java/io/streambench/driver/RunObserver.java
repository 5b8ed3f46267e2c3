package io.streambench.driver;

/** Receives what a {@link LoadRunner} does, as it happens (the report writer is one). */
public interface RunObserver {

    /** A stage begins; its metrics start recording. Run thread. */
    default void stageStarted(StageMetrics stage) {
    }

    /** An attempt ended. Called on event loops: must be cheap and thread-safe. */
    void attempt(AttemptRow row);

    /** A stage's last request ended (or was cancelled). Run thread. */
    default void stageEnded(StageMetrics stage) {
    }
}
