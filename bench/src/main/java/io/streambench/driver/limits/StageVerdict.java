package io.streambench.driver.limits;

import io.streambench.driver.Metric;
import java.math.BigDecimal;
import java.math.MathContext;
import io.streambench.driver.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * Whether a stage met its objectives, and whether it was saturated: the load it was given is not the load it
 * carried. An open-loop stage is saturated when the requests that succeeded within its window fall well short of
 * its rate (by more than Poisson noise explains), or when the time from each request's intended send to its first
 * token grows steadily quarter after quarter of the window, to over twice the first quarter's (the queue, in the
 * server or before the driver's slots, grows without bound; one stall's backlog rises in one quarter only). A saturated stage never meets its objectives: the rate it was asked for was not achieved.
 *
 * <pre>{@code
 * StageVerdict v = StageVerdict.of(figures);
 * if (v.meets()) ...; v.closeness();   // 1.0 at the boundary
 * }</pre>
 *
 * @param figures    what the stage measured
 * @param checks     each objective's figure and whether it held
 * @param saturated  why the stage was saturated, or null
 * @param meets      every objective held and the stage was not saturated
 */
public record StageVerdict(StageFigures figures, List<Check> checks, String saturated, boolean meets) {

    /** Achieved below this share of the target rate (and beyond noise) is saturation. */
    static final double SHORTFALL = 0.9;
    /** Noise allowance of the achieved count, in standard deviations of a Poisson count. */
    static final double SIGMAS = 3;
    /** The last quarter's mean queueing above this multiple of the first's, growing each quarter, is saturation. */
    static final double GROWTH = 2;
    /** Each quarter's rise must be at least this share of the mean rise per quarter. */
    static final double STEADY = 0.5;

    /**
     * One objective against the stage.
     *
     * @param objective the objective's text
     * @param value     the stage's figure: a percentile in ms, or the share of requests that met it
     * @param met       whether it held
     * @param closeness figure over bound (for a share: requests that missed over those allowed to); 1 at the
     *                  boundary, NaN when nothing was measured
     */
    public record Check(String objective, double value, boolean met, double closeness) {
    }

    public StageVerdict {
        checks = List.copyOf(checks);
    }

    /** Judges a finished stage. */
    public static StageVerdict of(StageFigures f) {
        List<Check> checks = new ArrayList<>();
        Objectives o = f.slo().objectives();
        SloCounts slo = f.slo();
        boolean meets = true;
        if (!o.perRequest().isEmpty()) {
            double share = slo.share();
            boolean met = share >= o.attainment();
            double allowed = 1 - o.attainment();
            double missed = 1 - share;
            double closeness = allowed > 0 ? missed / allowed : (missed > 0 ? Double.POSITIVE_INFINITY : 0);
            checks.add(new Check("requests meeting " + String.join(", ", o.perRequest().stream()
                    .map(Objective::text).toList()) + " >= " + percent(o.attainment()), share, met,
                    Double.isNaN(share) ? Double.NaN : closeness));
            meets &= met;
        }
        for (Objective.Percentile p : o.percentiles()) {
            Histogram h = f.histograms().get(p.metric());
            double value = p.value(h);
            boolean met = !Double.isNaN(value) && value <= p.boundNanos();
            checks.add(new Check(p.text(), value / 1e6, met, value / p.boundNanos()));
            meets &= met;
        }
        String saturated = saturation(f);
        return new StageVerdict(f, checks, saturated, meets && saturated == null);
    }

    /** Why an open-loop stage did not carry its load, or null. */
    static String saturation(StageFigures f) {
        if (!(f.workload() instanceof Workload.Open open)) {
            return null;
        }
        double seconds = f.window().windowSeconds();
        if (seconds > 0) {
            double expected = open.ratePerSecond() * seconds;
            double achieved = f.window().window().succeeded();
            if (achieved < SHORTFALL * expected && expected - achieved > SIGMAS * Math.sqrt(expected)) {
                return String.format(Locale.ROOT, "achieved %.1f of %s requests/s", achieved / seconds,
                        number(open.ratePerSecond()));
            }
        }
        double[] q = f.slo().queueQuarterNanos();
        double rise = q[q.length - 1] - q[0];
        for (int i = 0; i < q.length; i++) {
            // every quarter above the one before by at least half the mean step: a queue that grows through the
            // window, not one stall's backlog in a single quarter
            if (Double.isNaN(q[i]) || i > 0 && !(q[i] - q[i - 1] >= STEADY * rise / (q.length - 1))) {
                return null;
            }
        }
        if (rise > 0 && q[q.length - 1] > GROWTH * q[0]) {
            return String.format(Locale.ROOT, "queueing grows: intended send to first token %.1f ms in the window's "
                    + "first quarter, %.1f ms in its last", q[0] / 1e6, q[q.length - 1] / 1e6);
        }
        return null;
    }

    /** The largest closeness of any objective: below 1 all held, above 1 one missed; NaN without objectives. */
    public double closeness() {
        double c = Double.NaN;
        for (Check check : checks) {
            if (!Double.isNaN(check.closeness())) {
                c = Double.isNaN(c) ? check.closeness() : Math.max(c, check.closeness());
            }
        }
        return c;
    }

    /** The stage's achieved rate: requests that succeeded within its window per second. */
    public double achievedRate() {
        return figures.window().requestsPerSecond();
    }

    /** The percentile figure of {@code metric} at {@code level} in ms, NaN without values. */
    public double percentileMs(Metric metric, double level) {
        Histogram h = figures.histograms().get(metric);
        return h == null || h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(level) / 1e6;
    }

    static String percent(double share) {
        return new BigDecimal(Double.toString(share * 100)).stripTrailingZeros().toPlainString() + " %";
    }

    static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v)
                : new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }
}
