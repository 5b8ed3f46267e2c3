package io.streambench.driver.limits;

import io.streambench.driver.AttemptRow;
import io.streambench.driver.Metric;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToLongFunction;
import java.util.regex.Matcher;
import org.HdrHistogram.Histogram;

/**
 * One service-level objective: a bound on a time, either for every request ({@code ttft<=500ms}: a request meets
 * it or misses it) or for a stage's percentile ({@code ttft.p99<=1s}: the stage meets it or misses it).
 *
 * <pre>{@code
 * Objective o = Objective.parse("itl.max<=200ms");
 * boolean met = ((Objective.PerRequest) o).met(row);
 * }</pre>
 */
public sealed interface Objective {

    /** The objective as the user writes it, normalized: {@code ttft<=500ms}. */
    String text();

    /** The figure it bounds, as named in requests.csv's {@code slo} column: {@code ttft}, {@code itl.max}, {@code ttft.p99}. */
    String name();

    /** The bound in ns. */
    long boundNanos();

    /**
     * The per-request figures objectives can bound, by the metric they are a value of: a new metric is one line
     * here. {@code itl.max} (a request's largest gap) is apart, since the ITL metric pools gaps across requests.
     */
    Map<Metric, ToLongFunction<AttemptRow>> PER_REQUEST = Collections.unmodifiableMap(new EnumMap<>(Map.of(
            Metric.TTFB, r -> r.times().ttfb(),
            Metric.TTFE, r -> r.times().ttfe(),
            Metric.TTFT, r -> r.times().ttft(),
            Metric.TTFA, r -> r.times().ttfa(),
            Metric.TPOT, AttemptRow::tpot,
            Metric.E2E, r -> r.ending().error().ok() ? r.times().e2e() : -1,
            Metric.RESPONSE_TTFT, r -> r.times().responseTtft(),
            Metric.RESPONSE_E2E, AttemptRow::responseE2e)));

    /** The name of a request's largest gap between two content events. */
    String ITL_MAX = "itl.max";

    /**
     * A bound every request is held to.
     *
     * @param name   {@code ttft}, {@code itl.max}...
     * @param figure the request's value in ns, -1 when it has none (then the request meets the objective)
     */
    record PerRequest(String name, long boundNanos, ToLongFunction<AttemptRow> figure) implements Objective {

        /** Whether the attempt's figure is within the bound (or it has none: a one-token answer has no tpot). */
        public boolean met(AttemptRow row) {
            long value = figure.applyAsLong(row);
            return value < 0 || value <= boundNanos;
        }

        @Override
        public String text() {
            return name + "<=" + Bound.format(boundNanos);
        }
    }

    /**
     * A bound on a stage's percentile (or mean) of a metric's measured values.
     *
     * @param percentile the level in percent (99 for p99), or NaN for the mean
     */
    record Percentile(Metric metric, double percentile, long boundNanos) implements Objective {

        @Override
        public String name() {
            return metric.label() + "." + (Double.isNaN(percentile) ? "mean" : "p" + Bound.level(percentile));
        }

        @Override
        public String text() {
            return name() + "<=" + Bound.format(boundNanos);
        }

        /** The stage's figure in ns; NaN without values. */
        public double value(Histogram h) {
            if (h == null || h.getTotalCount() == 0) {
                return Double.NaN;
            }
            return Double.isNaN(percentile) ? h.getMean() : h.getValueAtPercentile(percentile);
        }
    }

    /**
     * Parses one objective; IllegalArgumentException with one line naming what is wrong and what is known.
     */
    static Objective parse(String text) {
        Matcher m = Bound.OBJECTIVE.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("--slo: cannot read '" + text + "': expected NAME<=TIME, e.g. "
                    + "ttft<=500ms, itl.max<=200ms or ttft.p99<=1s");
        }
        String name = m.group("name").toLowerCase(Locale.ROOT);
        long bound = Bound.parse(m.group("bound"), text);
        if (name.equals(ITL_MAX)) {
            return new PerRequest(ITL_MAX, bound, r -> r.times().itlMaxNanos());
        }
        int dot = name.indexOf('.');
        if (dot < 0) {
            Metric metric = Bound.metric(name, text);
            ToLongFunction<AttemptRow> figure = PER_REQUEST.get(metric);
            if (figure == null) {
                throw new IllegalArgumentException("--slo: '" + text + "': " + name + " has no value per request; "
                        + "per request: " + Bound.perRequestNames() + "; per stage: METRIC.p99, METRIC.mean");
            }
            return new PerRequest(name, bound, figure);
        }
        Metric metric = Bound.metric(name.substring(0, dot), text);
        String stat = name.substring(dot + 1);
        if (stat.equals("mean")) {
            return new Percentile(metric, Double.NaN, bound);
        }
        return new Percentile(metric, Bound.percentile(stat, text), bound);
    }
}
