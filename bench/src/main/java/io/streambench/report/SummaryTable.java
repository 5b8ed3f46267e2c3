package io.streambench.report;

import io.streambench.driver.ErrorClass;
import io.streambench.driver.Metric;
import io.streambench.driver.StageWindow;
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
        boolean anyFlag = false;
        for (StageSummary s : stages) {
            var c = s.counters();
            out.printf(Locale.ROOT, "stage %d %s: %d requests (%d ok, %d failed), %d attempts, %d retries, %d tokens%n",
                    s.index(), s.workload(), c.completed(), c.succeeded(), c.failed(), c.attempts(), c.retries(),
                    c.tokens());
            out.println(rates(s));
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
            out.printf(Locale.ROOT, "  %-15s %9s %10s  %10s  %10s  %10s  %10s%n", "metric (ms)", "count", "mean", "p50",
                    "p90", "p99", "max");
            Map<Metric, Histogram> h = s.histograms();
            for (Metric m : SHOWN) {
                Histogram x = h.get(m);
                if (x == null || x.getTotalCount() == 0) {
                    continue;
                }
                long n = x.getTotalCount();
                out.printf(Locale.ROOT, "  %-15s %9d %10.3f  %s %s %s %10.3f%n", m.label(), n, x.getMean() / 1e6,
                        FewSamples.console(x.getValueAtPercentile(50) / 1e6, n, 50),
                        FewSamples.console(x.getValueAtPercentile(90) / 1e6, n, 90),
                        FewSamples.console(x.getValueAtPercentile(99) / 1e6, n, 99), x.getMaxValue() / 1e6);
                anyFlag |= FewSamples.flagged(n, 99);
            }
        }
        if (anyFlag) {
            out.println("  " + FewSamples.NOTE);
        }
    }

    /**
     * The stage's rates over its measured window, and what arrived while it drained:
     * {@code   window 10.0 s: 452 tokens/s, 1.40 requests/s (14 ok); drain 5.7 s: 1256 tokens, 5 requests ended}.
     */
    static String rates(StageSummary s) {
        StageWindow.Figures w = s.window();
        if (w == null) {
            return String.format(Locale.ROOT, "  %.0f tokens/s over %.1f s (warmup and drain included)",
                    s.seconds() > 0 ? s.counters().tokens() / s.seconds() : 0.0, s.seconds());
        }
        StringBuilder line = new StringBuilder(" ");
        if (w.warmupSeconds() > 0) {
            line.append(String.format(Locale.ROOT, " warmup %s s: %d tokens (excluded);", seconds(w.warmupSeconds()),
                    w.warmup().tokens()));
        }
        if (w.windowSeconds() > 0) {
            line.append(String.format(Locale.ROOT, " window %s s: %.0f tokens/s, %.2f requests/s (%d ok);",
                    seconds(w.windowSeconds()), w.tokensPerSecond(), w.requestsPerSecond(), w.window().succeeded()));
        } else {
            line.append(" no measured window (stopped during the warmup);");
        }
        return line.append(String.format(Locale.ROOT, " drain %s s: %d tokens, %d requests ended",
                seconds(w.drainSeconds()), w.drain().tokens(), w.drain().requests())).toString();
    }

    /** Tenths of a second, or milliseconds below one second (a stage bounded by a few requests). */
    private static String seconds(double s) {
        return String.format(Locale.ROOT, s < 1 ? "%.3f" : "%.1f", s);
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
