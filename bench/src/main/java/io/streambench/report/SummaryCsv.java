package io.streambench.report;

import io.streambench.driver.Metric;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.apache.commons.csv.CSVPrinter;

/**
 * {@code summary.csv}: one row per metric and stage, from the stage's whole histogram; {@code few_samples}
 * names the percentiles that rest on too few values ({@link FewSamples}).
 */
final class SummaryCsv {

    /** The columns, in order (documented in reports/README.md). */
    static final List<String> COLUMNS = List.of("stage", "workload", "metric", "unit", "count", "mean", "stddev",
            "min", "p50", "p90", "p95", "p99", "p999", "max", "few_samples");

    private SummaryCsv() {
    }

    static void write(Path file, List<StageSummary> stages) {
        try (CSVPrinter printer = Csv.open(file, COLUMNS)) {
            for (StageSummary stage : stages) {
                for (Map.Entry<Metric, Histogram> e : stage.histograms().entrySet()) {
                    Histogram h = e.getValue();
                    if (h.getTotalCount() == 0) {
                        continue;
                    }
                    boolean time = e.getKey().unit() == Metric.Unit.NANOS;
                    double scale = time ? 1e6 : 1.0;
                    int decimals = time ? 4 : 2;
                    printer.printRecord(stage.index(), stage.workload(), e.getKey().label(), time ? "ms" : "tokens",
                            h.getTotalCount(), Csv.num(h.getMean() / scale, decimals),
                            Csv.num(h.getStdDeviation() / scale, decimals), Csv.num(h.getMinValue() / scale, decimals),
                            q(h, 50, scale, decimals), q(h, 90, scale, decimals), q(h, 95, scale, decimals),
                            q(h, 99, scale, decimals), q(h, 99.9, scale, decimals),
                            Csv.num(h.getMaxValue() / scale, decimals), FewSamples.columns(h.getTotalCount()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static String q(Histogram h, double percentile, double scale, int decimals) {
        return Csv.num(h.getValueAtPercentile(percentile) / scale, decimals);
    }
}
