package io.streambench.report.folder;

import java.util.function.ToDoubleFunction;
import org.HdrHistogram.Histogram;

/**
 * A statistic of {@code summary.csv}: its column, what it is, and how it comes from a stage's histogram. Each
 * column's name, definition and computation sit in one constant, so none can be paired with another's.
 */
public enum Stat {
    MEAN("mean", "arithmetic mean", Double.NaN, Histogram::getMean),
    STDDEV("stddev", "standard deviation", Double.NaN, Histogram::getStdDeviation),
    MIN("min", "smallest value", Double.NaN, h -> h.getMinValue()),
    P50("p50", "median", 50, null),
    P90("p90", "90th percentile", 90, null),
    P95("p95", "95th percentile", 95, null),
    P99("p99", "99th percentile", 99, null),
    P999("p999", "99.9th percentile", 99.9, null),
    MAX("max", "largest value", Double.NaN, h -> h.getMaxValue());

    private final String column;
    private final String meaning;
    private final double percentile;
    private final ToDoubleFunction<Histogram> of;

    Stat(String column, String meaning, double percentile, ToDoubleFunction<Histogram> of) {
        this.column = column;
        this.meaning = meaning;
        this.percentile = percentile;
        this.of = of != null ? of : h -> h.getValueAtPercentile(percentile);
    }

    /** The summary.csv column, also the suffix of compare's metric names ({@code ttft.p99}). */
    public String column() {
        return column;
    }

    /** The README's definition. */
    String meaning() {
        return meaning;
    }

    /** The percentile level in percent (99.9 for p999); NaN for the statistics that are not percentiles. */
    public double percentile() {
        return percentile;
    }

    /** Whether this is a percentile (flagged by {@link FewSamples} when too few values lie above it). */
    public boolean isPercentile() {
        return !Double.isNaN(percentile);
    }

    /** The statistic of {@code histogram}, in the histogram's unit. */
    public double of(Histogram histogram) {
        return of.applyAsDouble(histogram);
    }
}
