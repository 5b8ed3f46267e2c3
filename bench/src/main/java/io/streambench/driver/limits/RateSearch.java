package io.streambench.driver.limits;

import io.streambench.driver.Arrival;
import io.streambench.driver.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

/**
 * {@code --find-max-rate} and {@code --find-max-concurrency}: the highest load whose stage meets every objective.
 * It brackets (doubling up from the start while stages meet them, or halving down while they miss), then
 * bisects the bracket until it is narrower than the precision. One noisy stage must not decide: a stage whose
 * closest objective lies near its bound (between {@link #NEAR_LOW} and {@link #NEAR_HIGH} times it), or whose
 * evidence disagrees with itself (it missed an objective without being saturated, as one stall of a busy
 * machine makes it; or it met them while saturated), is run again until two stages agree (three at most). A
 * stage that missed because it was saturated, or met them clearly, decides alone.
 * Without a start, a rate search first runs a synchronous stage (one stream) and starts at its rate.
 *
 * <pre>{@code
 * RateSearch search = RateSearch.rate(Double.NaN, 0.05, 30, Arrival.POISSON, 1024, verdicts);
 * runner.plan(search).run();
 * search.outcome().line();   // max rate 37.5 requests/s, between 37.5 and 40: ...
 * }</pre>
 */
public final class RateSearch implements LimitPlan {

    /** Closeness (figure over bound) from which a stage is near the boundary and is repeated. */
    static final double NEAR_LOW = 0.8;
    static final double NEAR_HIGH = 1.25;
    /** The bracket stops halving this far below the start: no load that low meets the objectives. */
    static final int MAX_HALVINGS = 8;
    /** Rates above this are not searched (requests/s). */
    static final double MAX_RATE = 1e6;

    private final boolean concurrency;
    private final double precision;
    private final int maxStages;
    private final Arrival arrival;
    private final int maxInFlight;
    private final IntFunction<StageVerdict> verdicts;

    private final List<LimitOutcome.Probe> probes = new ArrayList<>();
    private boolean synchronous;
    private double start;
    private double level = Double.NaN;
    private String role;
    private int votesMet;
    private int votesMissed;
    private int halvings;
    private double low = Double.NaN;
    private double high = Double.NaN;
    private String stop;
    private boolean done;

    private RateSearch(boolean concurrency, double start, double precision, int maxStages, Arrival arrival,
            int maxInFlight, IntFunction<StageVerdict> verdicts) {
        if (!(precision > 0) || precision >= 1) {
            throw new IllegalArgumentException("--search-precision must be above 0 % and below 100 %, got "
                    + precision * 100 + " %");
        }
        if (maxStages < 2) {
            throw new IllegalArgumentException("--max-stages must be at least 2, got " + maxStages);
        }
        this.concurrency = concurrency;
        this.precision = precision;
        this.maxStages = maxStages;
        this.arrival = arrival;
        this.maxInFlight = maxInFlight;
        this.verdicts = verdicts;
        this.synchronous = !concurrency && Double.isNaN(start);
        this.start = Double.isNaN(start) ? 1 : start;
    }

    /** A search over open-loop rates from {@code start} requests/s (NaN: the synchronous stage's rate). */
    public static RateSearch rate(double start, double precision, int maxStages, Arrival arrival, int maxInFlight,
            IntFunction<StageVerdict> verdicts) {
        if (!Double.isNaN(start) && !(start > 0)) {
            throw new IllegalArgumentException("the search's start rate must be above 0, got " + start);
        }
        return new RateSearch(false, start, precision, maxStages, arrival, maxInFlight, verdicts);
    }

    /** A search over closed-loop concurrency from {@code start} streams (at most {@code maxStreams}). */
    public static RateSearch concurrency(int start, double precision, int maxStages, int maxStreams,
            IntFunction<StageVerdict> verdicts) {
        if (start < 1) {
            throw new IllegalArgumentException("the search's start concurrency must be at least 1, got " + start);
        }
        return new RateSearch(true, start, precision, maxStages, Arrival.CONSTANT, maxStreams, verdicts);
    }

    @Override
    public Workload next(int index) {
        if (index > 0) {
            judge(index - 1, verdicts.apply(index - 1));
        }
        if (index == 0 && synchronous) {
            role = "synchronous";
            return new Workload.Closed(1);
        }
        if (index == 0) {
            level = start;
            role = "bracket";
        }
        if (done) {
            return null;
        }
        if (index >= maxStages) {
            stop = "--max-stages " + maxStages + " reached";
            done = true;
            return null;
        }
        return workload(level);
    }

    private Workload workload(double at) {
        return concurrency ? new Workload.Closed((int) at) : new Workload.Open(at, arrival, maxInFlight);
    }

    /** Takes stage {@code stage}'s verdict and decides the next level (or the end). */
    private void judge(int stage, StageVerdict v) {
        probes.add(Sweep.probe(stage, role, v));
        if ("synchronous".equals(role)) {
            double rate = v.achievedRate();
            if (!v.meets() || !(rate > 0)) {
                stop = !(rate > 0) ? "the synchronous stage completed no request in its window"
                        : "even one stream at a time misses the objectives";
                done = true;
                return;
            }
            start = Sweep.round(rate);
            level = start;
            role = "bracket";
            return;
        }
        boolean met = v.meets();
        if (met) {
            votesMet++;
        } else {
            votesMissed++;
        }
        int votes = votesMet + votesMissed;
        double c = v.closeness();
        boolean saturated = v.saturated() != null;
        boolean near = c >= NEAR_LOW && c <= NEAR_HIGH || met == saturated;
        boolean decided = votes == 1 ? !near : votesMet >= 2 || votesMissed >= 2;
        if (!decided) {
            role = "repeat";
            return;
        }
        boolean meets = votesMet > votesMissed;
        votesMet = 0;
        votesMissed = 0;
        if (meets) {
            low = Double.isNaN(low) ? level : Math.max(low, level);
        } else {
            high = Double.isNaN(high) ? level : Math.min(high, level);
        }
        advance();
    }

    private void advance() {
        if (Double.isNaN(high)) {
            double up = level * 2;
            if (!concurrency && up > MAX_RATE || concurrency && up > maxInFlight) {
                if (concurrency && level < maxInFlight) {
                    level = maxInFlight;
                    role = "bracket";
                    return;
                }
                stop = "every load up to " + number(level) + " met the objectives";
                done = true;
                return;
            }
            level = up;
            role = "bracket";
            return;
        }
        if (Double.isNaN(low)) {
            if (++halvings > MAX_HALVINGS || concurrency && level <= 1) {
                stop = "no load down to " + number(level) + " met the objectives";
                done = true;
                return;
            }
            level = concurrency ? Math.max(1, Math.floor(level / 2)) : Sweep.round(level / 2);
            role = "bracket";
            return;
        }
        if (concurrency ? high - low <= 1 || (high - low) / low <= precision : (high - low) / low <= precision) {
            done = true;
            return;
        }
        level = concurrency ? Math.floor((low + high) / 2) : Sweep.round((low + high) / 2);
        role = "bisect";
    }

    /** What the search found; call after the run. */
    @Override
    public LimitOutcome outcome() {
        String name = concurrency ? "max_concurrency" : "max_rate";
        String unit = concurrency ? "streams" : "requests/s";
        String what = concurrency ? "max concurrency" : "max rate";
        int stages = probes.size();
        String line;
        if (!Double.isNaN(low) && !Double.isNaN(high)) {
            line = String.format(Locale.ROOT, "%s %s %s, between %s and %s: %s met every objective, %s missed "
                    + "(%d stages)", what, number(low), unit, number(low), number(high), number(low), number(high),
                    stages);
        } else if (!Double.isNaN(low)) {
            line = String.format(Locale.ROOT, "%s at least %s %s: no load tried missed the objectives (%d stages)",
                    what, number(low), unit, stages);
        } else {
            line = String.format(Locale.ROOT, "%s: none found (%d stages)", what, stages);
        }
        if (stop != null) {
            line += "; " + stop;
        }
        return new LimitOutcome(name, unit, low, low, high, line, -1, probes);
    }

    static String number(double v) {
        return StageVerdict.number(v);
    }
}
