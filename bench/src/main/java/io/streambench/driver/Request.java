package io.streambench.driver;

/**
 * One logical request of a stage, across its attempts.
 *
 * @param id            run-wide request number, from 0
 * @param stage         the stage it belongs to
 * @param intendedNanos when the workload meant to send it (open loop: the schedule; closed loop: when a
 *                      stream became free), the origin of response times
 * @param measured      false during warmup: counted, written to requests.csv, kept out of histograms
 * @param mockSeed      the {@code x-mock-seed} to send
 * @param stream        closed loop: the stream (0 to concurrency - 1) that sends it; open loop: -1
 * @param prepared      its plan and body; null until {@link #with} gives them
 */
record Request(long id, Stage stage, long intendedNanos, boolean measured, long mockSeed, int stream,
        Prepared prepared) {

    /** This request carrying {@code payload}. */
    Request with(Prepared payload) {
        return new Request(id, stage, intendedNanos, measured, mockSeed, stream, payload);
    }
}
