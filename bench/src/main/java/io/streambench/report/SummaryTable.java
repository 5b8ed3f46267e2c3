package io.streambench.report;

import io.streambench.driver.ErrorClass;
import io.streambench.driver.Metric;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The console's end-of-run table: per stage, the totals, the errors by class with their most frequent
 * messages, and the main metrics' percentiles in ms.
 */
public final class SummaryTable {

    /** Messages shown per error class; report.html and run.json keep more. */
    private static final int MESSAGES_SHOWN = 3;

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
                printMessages(out, s);
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

    /** One line per frequent message: class, failed attempts, message. */
    private static void printMessages(PrintStream out, StageSummary s) {
        s.messages().forEach((error, top) -> {
            List<ErrorMessages.Count> shown = top.messages().subList(0, Math.min(MESSAGES_SHOWN, top.messages().size()));
            long rest = top.other();
            for (ErrorMessages.Count c : top.messages().subList(shown.size(), top.messages().size())) {
                rest += c.count();
            }
            for (ErrorMessages.Count c : shown) {
                out.printf(Locale.ROOT, "    %-13s %7d  %s%n", error.label(), c.count(), c.message());
            }
            if (rest > 0) {
                out.printf(Locale.ROOT, "    %-13s %7d  (other messages; see requests.csv)%n", error.label(), rest);
            }
        });
    }
}
