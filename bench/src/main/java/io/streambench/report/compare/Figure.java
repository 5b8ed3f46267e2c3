package io.streambench.report.compare;

import java.util.ArrayList;
import java.util.List;

/**
 * One metric's figure on one side of a comparison: the value compared and the interval it is known
 * within. For a JMH score the interval is JMH's 99.9 % confidence interval (score +- error); for several
 * runs on one side the value is their median and the interval spans the runs (min..max); a single run
 * without an error bound is a point.
 *
 * @param value   the value compared: a JMH score, one run's figure, or the median over runs
 * @param low     lower end of the interval ({@code value} when nothing is known)
 * @param high    upper end of the interval
 * @param samples every single figure the value came from (one per run or result folder)
 */
public record Figure(double value, double low, double high, List<Double> samples) {

    public Figure {
        if (Double.isNaN(value) || low > value || high < value) {
            throw new IllegalArgumentException("bad figure value=" + value + " low=" + low + " high=" + high);
        }
        samples = List.copyOf(samples);
    }

    /** An exact figure, no interval. */
    public static Figure of(double value) {
        return new Figure(value, value, value, List.of(value));
    }

    /** A figure with a symmetric error bound; an absent (NaN) or negative error makes it exact. */
    public static Figure withError(double value, double error) {
        if (Double.isNaN(error) || error <= 0 || Double.isInfinite(error)) {
            return of(value);
        }
        return new Figure(value, value - error, value + error, List.of(value));
    }

    /** Several figures of one side (one per run): median value, interval from the lowest low to the highest high. */
    public static Figure combine(List<Figure> figures) {
        if (figures.isEmpty()) {
            throw new IllegalArgumentException("no figures to combine");
        }
        if (figures.size() == 1) {
            return figures.get(0);
        }
        List<Double> values = new ArrayList<>();
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (Figure f : figures) {
            values.addAll(f.samples());
            low = Math.min(low, f.low());
            high = Math.max(high, f.high());
        }
        double median = median(figures.stream().map(Figure::value).toList());
        return new Figure(median, Math.min(low, median), Math.max(high, median), values);
    }

    /** {@code this / other}, the interval carried over (low/high of the quotient of two positive intervals). */
    public Figure divide(Figure other) {
        double v = value / other.value;
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            throw new IllegalArgumentException("cannot divide " + value + " by " + other.value);
        }
        double a = low / other.high;
        double b = high / other.low;
        double lo = Math.min(Math.min(a, b), v);
        double hi = Math.max(Math.max(a, b), v);
        if (Double.isNaN(lo) || Double.isNaN(hi) || Double.isInfinite(lo) || Double.isInfinite(hi) || other.low <= 0) {
            lo = v;
            hi = v; // the divisor's interval reaches zero: no usable interval for the ratio
        }
        return new Figure(v, lo, hi, List.of(v));
    }

    /** True when the interval is wider than a point. */
    public boolean hasInterval() {
        return low < high;
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
