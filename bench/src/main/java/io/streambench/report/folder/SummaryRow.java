package io.streambench.report.folder;

import io.streambench.driver.Metric;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * One {@code summary.csv} row: a metric's statistics over one stage's measured values, in {@code unit}
 * ({@code ms} or {@code tokens}); NaN where a cell is empty.
 *
 * @param stage    stage number
 * @param workload the stage's workload label
 * @param metric   the metric's label ({@code ttft})
 * @param unit     {@code ms} or {@code tokens}
 * @param count    values recorded
 * @param stats    every {@link Stat}
 */
public record SummaryRow(int stage, String workload, String metric, String unit, long count, Map<Stat, Double> stats) {

    public SummaryRow {
        EnumMap<Stat, Double> all = new EnumMap<>(Stat.class);
        for (Stat s : Stat.values()) {
            Double v = stats.get(s);
            all.put(s, v == null ? Double.NaN : v);
        }
        stats = Collections.unmodifiableMap(all);
    }

    /** The row of a stage's whole histogram (values in ns, or tokens). */
    public static SummaryRow of(int stage, String workload, Metric metric, Histogram histogram) {
        boolean time = metric.unit() == Metric.Unit.NANOS;
        double scale = time ? 1e6 : 1.0;
        Map<Stat, Double> stats = new EnumMap<>(Stat.class);
        for (Stat s : Stat.values()) {
            stats.put(s, s.of(histogram) / scale);
        }
        return new SummaryRow(stage, workload, metric.label(), time ? "ms" : "tokens", histogram.getTotalCount(), stats);
    }

    /** One statistic. */
    public double get(Stat stat) {
        return stats.get(stat);
    }

    /** A statistic as summary.csv writes it: 4 decimals for ms, 6 for a share, 2 for tokens and rates. */
    String cell(Stat stat) {
        return Csv.num(get(stat), "ms".equals(unit) ? 4 : "share".equals(unit) ? 6 : 2);
    }
}
