package io.streambench.driver.limits;

import java.util.Arrays;

/**
 * A stage's tally of objectives ({@link SloTally}).
 *
 * @param objectives       what was counted
 * @param judged           measured requests that ended (their last attempt)
 * @param met              of those, the ones that succeeded and met every per-request objective
 * @param metEach          per per-request objective (in order), the measured requests that met it (a failed
 *                         request meets none)
 * @param windowGood       requests that met every per-request objective and ended within the measured window
 * @param windowGoodTokens their output tokens
 * @param queueQuarterNanos mean intended send to first token of the measured requests meant for each quarter of
 *                         the window (NaN when none, or the window is not bounded by time)
 */
public record SloCounts(Objectives objectives, long judged, long met, long[] metEach, long windowGood,
        long windowGoodTokens, double[] queueQuarterNanos) {

    public SloCounts {
        metEach = metEach.clone();
        queueQuarterNanos = queueQuarterNanos.clone();
        if (metEach.length != objectives.perRequest().size()) {
            throw new IllegalArgumentException("met counts " + metEach.length + " for "
                    + objectives.perRequest().size() + " objectives");
        }
    }

    /** Share of the measured requests that met every per-request objective; NaN without requests. */
    public double share() {
        return judged == 0 ? Double.NaN : met / (double) judged;
    }

    /** Share that met per-request objective {@code i}. */
    public double share(int i) {
        return judged == 0 ? Double.NaN : metEach[i] / (double) judged;
    }

    @Override
    public long[] metEach() {
        return metEach.clone();
    }

    @Override
    public double[] queueQuarterNanos() {
        return queueQuarterNanos.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SloCounts c && c.objectives.equals(objectives) && c.judged == judged && c.met == met
                && Arrays.equals(c.metEach, metEach) && c.windowGood == windowGood
                && c.windowGoodTokens == windowGoodTokens && Arrays.equals(c.queueQuarterNanos, queueQuarterNanos);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(judged) * 31 + Long.hashCode(met);
    }

    @Override
    public String toString() {
        return "SloCounts[judged=" + judged + ", met=" + met + ", metEach=" + Arrays.toString(metEach)
                + ", windowGood=" + windowGood + "]";
    }
}
