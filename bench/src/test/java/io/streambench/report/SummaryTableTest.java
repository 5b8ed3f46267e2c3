package io.streambench.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streambench.driver.ErrorClass;
import io.streambench.driver.Metric;
import io.streambench.driver.StageMetrics;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class SummaryTableTest {

    private static String print(Map<Metric, Histogram> histograms) {
        StageMetrics.Counters counters = new StageMetrics.Counters(4, 4, 0, 4, 0, 4, 4, 0, 0, 0, 0);
        StageSummary stage = new StageSummary(0, "concurrency=2", histograms, counters,
                Map.of(ErrorClass.HTTP_STATUS, 4L), 1.5, null);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SummaryTable.print(new PrintStream(bytes, true, StandardCharsets.UTF_8), List.of(stage));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void shouldSayThereAreNoLatencyFiguresInsteadOfAnEmptyTableWhenEveryRequestFailed() {
        Map<Metric, Histogram> empty = new EnumMap<>(Metric.class);
        for (Metric m : Metric.values()) {
            empty.put(m, new Histogram(3));
        }

        String out = print(empty);

        assertFalse(out.contains("metric (ms)"), out);
        assertTrue(out.contains("no latency figures"), out);
    }

    @Test
    void shouldPrintTheTableWhenThereAreFigures() {
        Map<Metric, Histogram> some = new EnumMap<>(Metric.class);
        Histogram ttft = new Histogram(3);
        ttft.recordValue(200_000_000);
        some.put(Metric.TTFT, ttft);

        String out = print(some);

        assertTrue(out.contains("metric (ms)"), out);
        assertTrue(out.lines().anyMatch(l -> l.strip().startsWith("ttft ")), out);
        assertFalse(out.contains("no latency figures"), out);
    }
}
