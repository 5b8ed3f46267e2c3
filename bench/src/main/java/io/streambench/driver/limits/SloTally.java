package io.streambench.driver.limits;

import io.streambench.driver.AttemptRow;
import io.streambench.driver.StageWindow;
import java.util.concurrent.atomic.LongAdder;

/**
 * One stage's count of the requests that met the objectives, as their last attempts end (any event loop,
 * wait-free): among the measured requests (sent after the warmup, the latency figures' requests) how many met
 * each per-request objective and all of them; among the requests that ended within the measured window, those
 * that met all (goodput) and their output tokens; and the mean response time to first token in each quarter of
 * the window, by intended send, whose growth says the queue grows without bound ({@link StageVerdict}).
 *
 * <pre>{@code
 * AttemptRow judged = tally.judge(row);     // event loop, as each attempt ends
 * SloCounts counts = tally.counts();       // after the stage ended
 * }</pre>
 */
public final class SloTally {

    /** Quarters of the window whose mean queueing is compared. */
    static final int QUARTERS = 4;

    private final Objectives objectives;
    private final StageWindow window;
    private final LongAdder judged = new LongAdder();
    private final LongAdder met = new LongAdder();
    private final LongAdder[] metEach;
    private final LongAdder windowGood = new LongAdder();
    private final LongAdder windowGoodTokens = new LongAdder();
    private final LongAdder[] quarterSum = adders(QUARTERS);
    private final LongAdder[] quarterCount = adders(QUARTERS);

    public SloTally(Objectives objectives, StageWindow window) {
        this.objectives = objectives;
        this.window = window;
        this.metEach = adders(objectives.perRequest().size());
    }

    private static LongAdder[] adders(int n) {
        LongAdder[] a = new LongAdder[n];
        for (int i = 0; i < n; i++) {
            a[i] = new LongAdder();
        }
        return a;
    }

    /** The objectives counted. */
    public Objectives objectives() {
        return objectives;
    }

    /**
     * Counts an attempt that ended (a retried one is not a request's last and counts nothing) and returns it
     * with its verdict for requests.csv.
     */
    public AttemptRow judge(AttemptRow row) {
        if (row.ending().retried()) {
            return row;
        }
        String verdict = objectives.missed(row);
        boolean ok = row.ending().error().ok();
        boolean good = ok && (verdict.isEmpty() || verdict.equals(Objectives.MET));
        if (row.id().measured()) {
            judged.increment();
            if (good) {
                met.increment();
            }
            for (int i = 0; ok && i < metEach.length; i++) {
                if (objectives.perRequest().get(i).met(row)) {
                    metEach[i].increment();
                }
            }
            queueing(row);
        }
        if (good && window.inWindow(row.times().endNanos())) {
            windowGood.increment();
            windowGoodTokens.add(row.received().outputTokens());
        }
        return verdict.isEmpty() ? row : row.withSlo(verdict);
    }

    /** The request's intended send to its first token, in the quarter of a time-bounded window it was meant for. */
    private void queueing(AttemptRow row) {
        long length = window.plannedNanos();
        long waited = row.times().responseTtft();
        if (length <= 0 || waited < 0) {
            return;
        }
        long into = row.times().intendedNanos() - window.windowStartNanos();
        if (into < 0 || into >= length) {
            return;
        }
        int q = (int) (into * QUARTERS / length);
        quarterSum[q].add(waited);
        quarterCount[q].increment();
    }

    /** The counts so far (final after the stage ended). */
    public SloCounts counts() {
        long[] each = new long[metEach.length];
        for (int i = 0; i < each.length; i++) {
            each[i] = metEach[i].sum();
        }
        double[] quarters = new double[QUARTERS];
        for (int q = 0; q < QUARTERS; q++) {
            long n = quarterCount[q].sum();
            quarters[q] = n == 0 ? Double.NaN : quarterSum[q].sum() / (double) n;
        }
        return new SloCounts(objectives, judged.sum(), met.sum(), each, windowGood.sum(), windowGoodTokens.sum(),
                quarters);
    }
}
