package io.streambench.report;

import io.streambench.driver.ErrorClass;
import io.streambench.driver.Metric;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** The console's end-of-run table: per stage, the main metrics' percentiles in ms and the totals. */
public final class SummaryTable {

    private static final List<Metric> SHOWN = List.of(Metric.TTFB, Metric.TTFT, Metric.ITL, Metric.TPOT, Metric.E2E,
            Metric.RESPONSE_TTFT, Metric.RESPONSE_E2E, Metric.STAMP_OVERHEAD, Metric.PARSE);

    private SummaryTable() {
    }

    /** Prints every stage. */
    public static void print(PrintStream out, List<StageSummary> stages) {
        for (StageSummary s : stages) {
            var c = s.counters();
            out.printf(Locale.ROOT, "stage %d %s: %d requests (%d ok, %d failed), %d attempts, %d retries, "
                    + "%.0f tokens/s over %.1f s%n", s.index(), s.workload(), c.completed(), c.succeeded(), c.failed(),
                    c.attempts(), c.retries(), s.seconds() > 0 ? c.tokens() / s.seconds() : 0.0, s.seconds());
            if (!s.errors().isEmpty()) {
                StringBuilder errors = new StringBuilder("  errors:");
                for (ErrorClass e : ErrorClass.values()) {
                    Long n = s.errors().get(e);
                    if (n != null) {
                        errors.append(' ').append(e.label()).append('=').append(n);
                    }
                }
                out.println(errors);
            }
            out.printf(Locale.ROOT, "  %-15s %9s %10s %10s %10s %10s %10s%n", "metric (ms)", "count", "mean", "p50",
                    "p90", "p99", "max");
            Map<Metric, Histogram> h = s.histograms();
            for (Metric m : SHOWN) {
                Histogram x = h.get(m);
                if (x == null || x.getTotalCount() == 0) {
                    continue;
                }
                out.printf(Locale.ROOT, "  %-15s %9d %10.3f %10.3f %10.3f %10.3f %10.3f%n", m.label(), x.getTotalCount(),
                        x.getMean() / 1e6, x.getValueAtPercentile(50) / 1e6, x.getValueAtPercentile(90) / 1e6,
                        x.getValueAtPercentile(99) / 1e6, x.getMaxValue() / 1e6);
            }
        }
    }
}
