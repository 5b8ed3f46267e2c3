package io.streambench.report.folder;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.streambench.driver.Metric;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every summary.csv column carries its own value, and each statistic is the one its column names. */
class SummaryCsvTest {

    private static SummaryRow distinctRow() {
        return new SummaryRow(4, "rate=5/s poisson max=9", "ttft", "ms", 150, Map.of(Stat.MEAN, 1.5, Stat.STDDEV, 2.25,
                Stat.MIN, 0.125, Stat.P50, 3.5, Stat.P90, 4.75, Stat.P95, 5.125, Stat.P99, 6.5, Stat.P999, 7.25,
                Stat.MAX, 8.0625));
    }

    @Test
    void shouldReadEveryColumnBackByNameWithItsOwnValue(@TempDir Path dir) {
        Path file = dir.resolve("summary.csv");

        SummaryCsv.write(file, List.of(distinctRow()));

        DistinctCells.assertReadBack(file, SummaryCsv.COLUMNS, "summary-row.txt");
        assertEquals(List.of(distinctRow()), SummaryCsv.read(file), "read back into the row written");
    }

    @Test
    void shouldComputeEachStatisticFromTheStagesHistogram() {
        Histogram h = new Histogram(3);
        for (long ms = 1; ms <= 1000; ms++) {
            h.recordValue(ms * 1_000_000); // 1 ms to 1000 ms, once each
        }

        SummaryRow row = SummaryRow.of(2, "concurrency=8", Metric.TTFT, h);

        Map<Stat, Double> expected = Map.of(Stat.MEAN, 500.5, Stat.STDDEV, 288.7, Stat.MIN, 1.0, Stat.P50, 500.0,
                Stat.P90, 900.0, Stat.P95, 950.0, Stat.P99, 990.0, Stat.P999, 999.0, Stat.MAX, 1000.0);
        // HdrHistogram with 3 significant digits: within 0.1 % (plus rounding of the percentile's rank)
        expected.forEach((stat, value) -> assertEquals(value, row.get(stat), value * 0.002, stat.column()));
        assertEquals("ms", row.unit());
        assertEquals(1000, row.count());
        assertEquals("ttft", row.metric());
    }
}
