package io.streambench.driver.gateway;

import io.streambench.driver.AttemptRow;
import io.streambench.driver.AttemptTimes;
import io.streambench.driver.ErrorClass;
import io.streambench.driver.TokenSource;

/** Attempt rows for the join's unit tests: only what the join reads is set. */
final class Rows {

    private Rows() {
    }

    /** A measured first attempt of request 0 in stage 0, sent at 0 and ended at {@code e2eNanos}. */
    static AttemptRow row(int status, ErrorClass error, long e2eNanos, int chunks) {
        AttemptTimes times = new AttemptTimes(0, 0, 0, 0, status > 0 ? 0 : -1, -1, -1, -1, Math.max(0, e2eNanos), -1);
        return new AttemptRow(new AttemptRow.Id(0, 1, 0, true), times,
                new AttemptRow.Ending(error, status, null, -1, false),
                new AttemptRow.Received(chunks, 0, 0, TokenSource.NONE, "o200k_base", null), new AttemptRow.Overhead(0, -1),
                null, AttemptRow.Plan.NONE);
    }
}
