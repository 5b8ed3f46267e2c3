package io.streambench.report.compare;

/**
 * The outcome of one gate on one scope (a stage, a benchmark with its parameters, or a ratio of two).
 *
 * @param gate    the gate as written
 * @param metric  the metric's canonical name ({@code a/b} for a ratio)
 * @param scope   the scope's label
 * @param status  what happened
 * @param message one line: which metric moved, from what to what, by how much, against which threshold
 */
public record Check(String gate, String metric, String scope, Status status, String message) {

    /** What a gate did on one scope. */
    public enum Status {
        /** Within the threshold (or within the noise). */
        PASSED,
        /** Past the threshold: a regression. */
        FAILED,
        /** Nothing to compare (the figure is new in the current results). */
        SKIPPED
    }
}
