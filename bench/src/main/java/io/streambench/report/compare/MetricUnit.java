package io.streambench.report.compare;

import java.util.Locale;
import java.util.Map;

/**
 * The unit of a metric's values, and of a gate's threshold: a label, what it measures and its size in
 * that dimension's base unit (ms for time, bytes for sizes), so that {@code +2ms}, {@code +500us} and
 * {@code +1KiB} convert to the metric's own unit.
 *
 * @param label     as shown ({@code ms}, {@code B/op}, {@code ops/s}, or empty for a plain count)
 * @param dimension what it measures
 * @param factor    one {@code label} in the dimension's base unit (1 for {@link Dimension#COUNT})
 */
public record MetricUnit(String label, Dimension dimension, double factor) {

    /** What a unit measures. */
    public enum Dimension {
        /** Base unit: millisecond. */
        TIME,
        /** Base unit: byte. */
        BYTES,
        /** Anything else (counts, rates, ratios): no conversion, thresholds are plain numbers. */
        COUNT
    }

    public static final MetricUnit MS = new MetricUnit("ms", Dimension.TIME, 1);
    public static final MetricUnit BYTES = new MetricUnit("B", Dimension.BYTES, 1);
    public static final MetricUnit BYTES_PER_OP = new MetricUnit("B/op", Dimension.BYTES, 1);
    public static final MetricUnit MIB = new MetricUnit("MiB", Dimension.BYTES, 1024 * 1024);
    public static final MetricUnit NONE = new MetricUnit("", Dimension.COUNT, 1);

    /** Threshold suffixes that convert, by their lower-case spelling. */
    private static final Map<String, MetricUnit> THRESHOLD_UNITS = Map.ofEntries(
            Map.entry("ns", new MetricUnit("ns", Dimension.TIME, 1e-6)),
            Map.entry("us", new MetricUnit("us", Dimension.TIME, 1e-3)),
            Map.entry("µs", new MetricUnit("us", Dimension.TIME, 1e-3)),
            Map.entry("ms", MS),
            Map.entry("s", new MetricUnit("s", Dimension.TIME, 1000)),
            Map.entry("b", BYTES),
            Map.entry("kb", new MetricUnit("KB", Dimension.BYTES, 1000)),
            Map.entry("kib", new MetricUnit("KiB", Dimension.BYTES, 1024)),
            Map.entry("mb", new MetricUnit("MB", Dimension.BYTES, 1_000_000)),
            Map.entry("mib", MIB));

    public MetricUnit {
        if (label == null || dimension == null || !(factor > 0)) {
            throw new IllegalArgumentException("bad unit label=" + label + " factor=" + factor);
        }
    }

    /** A threshold's unit suffix ({@code ms}, {@code us}, {@code s}, {@code B}, {@code KiB}...), or null if unknown. */
    static MetricUnit threshold(String suffix) {
        return THRESHOLD_UNITS.get(suffix.toLowerCase(Locale.ROOT));
    }

    /** A JMH score unit: {@code us/op} and friends are times, {@code B/op} bytes, everything else a count. */
    static MetricUnit jmh(String unit) {
        if (unit.endsWith("/op")) {
            MetricUnit time = THRESHOLD_UNITS.get(unit.substring(0, unit.length() - 3).toLowerCase(Locale.ROOT));
            if (time != null && time.dimension == Dimension.TIME) {
                return new MetricUnit(unit, Dimension.TIME, time.factor);
            }
            if (unit.equals("B/op")) {
                return BYTES_PER_OP;
            }
        }
        return new MetricUnit(unit.equals("#") ? "" : unit, Dimension.COUNT, 1);
    }

    /**
     * {@code amount} given in {@code given} (null: already in this unit) converted to this unit.
     *
     * @throws IllegalArgumentException when the two measure different things
     */
    double convert(double amount, MetricUnit given, String metric) {
        if (given == null) {
            return amount;
        }
        if (given.dimension != dimension || dimension == Dimension.COUNT) {
            throw new IllegalArgumentException("unit " + given.label + " does not fit metric " + metric
                    + (label.isEmpty() ? " (a plain number)" : " (in " + label + ")"));
        }
        return amount * given.factor / factor;
    }
}
