package io.streambench.report.folder;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.streambench.driver.Metric;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every summary.csv column carries its own value, and each statistic is the one its column names. */
class SummaryCsvTest {

    private static SummaryRow distinctRow() {
        Map<Stat, Double> stats = new EnumMap<>(Stat.class);
        stats.put(Stat.MEAN, 1.5);
        stats.put(Stat.STDDEV, 2.25);
        stats.put(Stat.MIN, 0.125);
        stats.put(Stat.P50, 3.5);
        stats.put(Stat.P90, 4.75);
        stats.put(Stat.P95, 5.125);
        stats.put(Stat.P99, 6.5);
        stats.put(Stat.P999, 7.25);
        stats.put(Stat.MAX, 8.0625);
        return new SummaryRow(4, "rate=5/s poisson max=9", "ttft", "ms", 150, stats);
    }

    @Test
    void shouldReadEveryColumnBackByNameWithItsOwnValue(@TempDir Path dir) {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("stage", "4");
        expected.put("workload", "rate=5/s poisson max=9");
        expected.put("metric", "ttft");
        expected.put("unit", "ms");
        expected.put("count", "150");
        expected.put("mean", "1.5000");
        expected.put("stddev", "2.2500");
        expected.put("min", "0.1250");
        expected.put("p50", "3.5000");
        expected.put("p90", "4.7500");
        expected.put("p95", "5.1250");
        expected.put("p99", "6.5000");
        expected.put("p999", "7.2500");
        expected.put("max", "8.0625");
        expected.put("few_samples", "p95;p99;p999"); // 150 values: p95 needs 200
        Path file = dir.resolve("summary.csv");

        SummaryCsv.write(file, List.of(distinctRow()));

        DistinctCells.assertReadBack(file, SummaryCsv.COLUMNS, expected);
        assertEquals(List.of(distinctRow()), SummaryCsv.read(file), "read back into the row written");
    }

    @Test
    void shouldComputeEachStatisticFromTheStagesHistogram() {
        Histogram h = new Histogram(3);
        for (long ms = 1; ms <= 1000; ms++) {
            h.recordValue(ms * 1_000_000); // 1 ms to 1000 ms, once each
        }

        SummaryRow row = SummaryRow.of(2, "concurrency=8", Metric.TTFT, h);

        Map<Stat, Double> expected = new EnumMap<>(Stat.class);
        expected.put(Stat.MEAN, 500.5);
        expected.put(Stat.STDDEV, 288.7);
        expected.put(Stat.MIN, 1.0);
        expected.put(Stat.P50, 500.0);
        expected.put(Stat.P90, 900.0);
        expected.put(Stat.P95, 950.0);
        expected.put(Stat.P99, 990.0);
        expected.put(Stat.P999, 999.0);
        expected.put(Stat.MAX, 1000.0);
        // HdrHistogram with 3 significant digits: within 0.1 % (plus rounding of the percentile's rank)
        expected.forEach((stat, value) -> assertEquals(value, row.get(stat), value * 0.002, stat.column()));
        assertEquals("ms", row.unit());
        assertEquals(1000, row.count());
        assertEquals("ttft", row.metric());
    }
}
