package io.streambench.driver.limits;

import io.streambench.driver.Arrival;
import io.streambench.driver.Metric;
import io.streambench.driver.Workload;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

/**
 * {@code --sweep N}: a synchronous stage (one stream at a time) and a throughput stage (as many streams as the
 * cap allows, the target's most) measure the two ends; then N open-loop rates spread evenly between them, the last
 * at the throughput stage's rate, each with the run's warm-up. The knee is the last stage before the first that
 * misses the objectives (or, without objectives, whose ttft p99 is more than twice the synchronous stage's), or
 * is saturated.
 *
 * <pre>{@code
 * Sweep sweep = new Sweep(5, 256, Arrival.POISSON, 1024, verdicts);
 * runner.plan(sweep).run();
 * LimitOutcome outcome = sweep.outcome();
 * }</pre>
 */
public final class Sweep implements LimitPlan {

    /** Without objectives: ttft p99 above this multiple of the synchronous stage's ends the flat part. */
    static final double KNEE_RISE = 2;

    private final int rates;
    private final int throughputStreams;
    private final Arrival arrival;
    private final int maxInFlight;
    private final IntFunction<StageVerdict> verdicts;
    private final List<StageVerdict> done = new ArrayList<>();
    private final List<String> roles = new ArrayList<>();
    private String stopped;

    /**
     * @param rates             N, the open-loop stages between the two ends, at least 1
     * @param throughputStreams the throughput stage's streams (a cap)
     * @param verdicts          stage number to its verdict, once it ended
     */
    public Sweep(int rates, int throughputStreams, Arrival arrival, int maxInFlight, IntFunction<StageVerdict> verdicts) {
        if (rates < 1) {
            throw new IllegalArgumentException("--sweep needs at least 1 rate between the two ends, got " + rates);
        }
        if (throughputStreams < 2) {
            throw new IllegalArgumentException("--throughput-streams must be at least 2, got " + throughputStreams);
        }
        this.rates = rates;
        this.throughputStreams = throughputStreams;
        this.arrival = arrival;
        this.maxInFlight = maxInFlight;
        this.verdicts = verdicts;
    }

    @Override
    public Workload next(int index) {
        if (index > 0) {
            done.add(verdicts.apply(index - 1));
        }
        if (index == 0) {
            roles.add("synchronous");
            return new Workload.Closed(1);
        }
        if (index == 1) {
            roles.add("throughput");
            return new Workload.Closed(throughputStreams);
        }
        double low = done.get(0).achievedRate();
        double high = done.get(1).achievedRate();
        if (!(low > 0) || !(high > 0)) {
            stopped = "the " + (low > 0 ? "throughput" : "synchronous") + " stage completed no request in its window";
            return null;
        }
        int k = index - 1;
        if (k > rates) {
            return null;
        }
        roles.add("rate");
        double from = Math.min(low, high);
        double to = Math.max(low, high);
        return new Workload.Open(round(from + (to - from) * k / rates), arrival, maxInFlight);
    }

    /** Rates with four significant digits: labels stay short. */
    static double round(double rate) {
        return new BigDecimal(rate).round(new MathContext(4)).doubleValue();
    }

    /** What the sweep found; call after the run. */
    @Override
    public LimitOutcome outcome() {
        List<LimitOutcome.Probe> probes = new ArrayList<>();
        for (int i = 0; i < done.size(); i++) {
            probes.add(probe(i, roles.get(i), done.get(i)));
        }
        int knee = knee();
        StringBuilder line = new StringBuilder("sweep:");
        if (done.size() >= 2) {
            line.append(String.format(Locale.ROOT, " synchronous %.2f requests/s, throughput %.2f requests/s;",
                    done.get(0).achievedRate(), done.get(1).achievedRate()));
        }
        if (stopped != null) {
            line.append(" stopped: ").append(stopped).append(';');
        }
        if (knee >= 0) {
            StageVerdict k = done.get(knee);
            line.append(String.format(Locale.ROOT, " knee at stage %d, %s (achieved %.2f requests/s)", knee,
                    k.figures().workload().label(), k.achievedRate()));
        } else {
            line.append(" no knee: ").append(done.isEmpty() ? "no stage ran" : "the first stage already turned up");
        }
        long saturated = done.stream().filter(v -> v.saturated() != null).count();
        if (saturated > 0) {
            line.append(String.format(Locale.ROOT, "; %d stage%s saturated (see each stage)", saturated,
                    saturated == 1 ? "" : "s"));
        }
        return new LimitOutcome("sweep", "requests/s", Double.NaN, Double.NaN, Double.NaN, line.toString(), knee,
                probes);
    }

    /**
     * The last stage, in order of offered load (synchronous, the rates, then throughput), before the first that
     * misses its objectives, is saturated or (without objectives) turns up.
     */
    int knee() {
        if (done.isEmpty()) {
            return -1;
        }
        List<Integer> order = new ArrayList<>();
        order.add(0);
        for (int i = 2; i < done.size(); i++) {
            order.add(i);
        }
        if (done.size() > 1) {
            order.add(1);
        }
        boolean objectives = done.get(0).figures().slo().objectives().any();
        double base = done.get(0).percentileMs(Metric.TTFT, 99);
        int knee = -1;
        for (int i : order) {
            StageVerdict v = done.get(i);
            boolean turned = v.saturated() != null || (objectives ? !v.meets()
                    : v.percentileMs(Metric.TTFT, 99) > KNEE_RISE * base);
            if (turned) {
                return knee;
            }
            knee = i;
        }
        return knee;
    }

    static LimitOutcome.Probe probe(int stage, String role, StageVerdict v) {
        Workload w = v.figures().workload();
        double level = w instanceof Workload.Open o ? o.ratePerSecond()
                : w instanceof Workload.Closed c ? c.concurrency() : Double.NaN;
        return new LimitOutcome.Probe(stage, role, level, v.achievedRate(), v.meets(), v.saturated());
    }
}
