package io.streambench.report;

import io.streambench.driver.ErrorClass;
import io.streambench.driver.Metric;
import io.streambench.driver.StageWindow;
import io.streambench.report.folder.FewSamples;
import io.streambench.report.folder.RunJsonResults.MessageCount;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * The console's end-of-run table: per stage, the totals, the errors by class with their most frequent
 * messages, and the main metrics' percentiles in ms.
 */
public final class SummaryTable {

    /** Messages shown per error class; report.html and run.json keep more. */
    private static final int MESSAGES_SHOWN = 3;

    private static final List<Metric> SHOWN = List.of(Metric.TTFB, Metric.TTFT, Metric.TTFA, Metric.ITL, Metric.TPOT,
            Metric.E2E, Metric.RESPONSE_TTFT, Metric.RESPONSE_E2E, Metric.STAMP_OVERHEAD, Metric.PARSE);

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
            SloFigures.lines(s).forEach(out::println);
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
            workload(out, s);
            // ttfa is ttft again unless reasoning streamed: shown only when some attempt reasoned
            boolean reasoned = s.histograms().containsKey(Metric.REASONING_TOKENS)
                    && s.histograms().get(Metric.REASONING_TOKENS).getTotalCount() > 0;
            List<Metric> shown = SHOWN.stream().filter(m -> s.histograms().containsKey(m)
                    && s.histograms().get(m).getTotalCount() > 0 && (m != Metric.TTFA || reasoned)).toList();
            if (shown.isEmpty()) {
                out.println("  no latency figures: no measured request received a stream");
                continue;
            }
            out.printf(Locale.ROOT, "  %-15s %9s %10s  %10s  %10s  %10s  %10s%n", "metric (ms)", "count", "mean", "p50",
                    "p90", "p99", "max");
            for (Metric m : shown) {
                Histogram x = s.histograms().get(m);
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

    /**
     * What the requests asked and got, when the stage recorded it: prompt and answer lengths (p50/p99 of the
     * lengths sent and asked, and of the server's usage), the prefix cache's share of the prompt tokens, and the
     * driver's schedule lag:
     * {@code   tokens p50/p99: input 1004/1466 sent, 1011/1473 by usage (cached 42.0 %); output 200/200 asked, 200/200 received}
     * {@code   schedule lag: p50 0.052 ms, p99 0.310 ms, max 1.204 ms}
     */
    private static void workload(PrintStream out, StageSummary s) {
        Histogram input = recorded(s, Metric.INPUT_TOKENS);
        if (input == null) {
            return;
        }
        StringBuilder line = new StringBuilder("  tokens p50/p99: input ").append(p50p99(input)).append(" sent");
        Histogram usage = recorded(s, Metric.USAGE_INPUT_TOKENS);
        if (usage != null) {
            line.append(", ").append(p50p99(usage)).append(" by usage");
            Double cached = cacheHitRatio(s);
            if (cached != null) {
                line.append(String.format(Locale.ROOT, " (cached %.1f %%)", 100 * cached));
            }
        }
        Histogram asked = recorded(s, Metric.OUTPUT_TOKENS_REQUESTED);
        Histogram got = recorded(s, Metric.OUTPUT_TOKENS);
        if (asked != null || got != null) {
            line.append("; output");
            if (asked != null) {
                line.append(' ').append(p50p99(asked)).append(" asked").append(got == null ? "" : ",");
            }
            if (got != null) {
                line.append(' ').append(p50p99(got)).append(" received");
            }
        }
        out.println(line);
        Histogram lag = recorded(s, Metric.SCHEDULE_LAG);
        if (lag != null) {
            out.printf(Locale.ROOT, "  schedule lag: p50 %.3f ms, p99 %.3f ms, max %.3f ms%n",
                    lag.getValueAtPercentile(50) / 1e6, lag.getValueAtPercentile(99) / 1e6, lag.getMaxValue() / 1e6);
        }
    }

    /**
     * The share of the prompt tokens the server's prefix cache held, over the attempts whose usage said: the
     * cached tokens' total over the usage prompt tokens' (both recorded for the same attempts, so their means'
     * ratio); null when no usage said.
     */
    public static Double cacheHitRatio(StageSummary s) {
        Histogram cached = recorded(s, Metric.CACHED_TOKENS);
        Histogram usage = recorded(s, Metric.USAGE_INPUT_TOKENS);
        if (cached == null || usage == null || usage.getMean() <= 0) {
            return null;
        }
        return cached.getMean() * cached.getTotalCount() / (usage.getMean() * usage.getTotalCount());
    }

    private static Histogram recorded(StageSummary s, Metric metric) {
        Histogram h = s.histograms().get(metric);
        return h == null || h.getTotalCount() == 0 ? null : h;
    }

    private static String p50p99(Histogram h) {
        return h.getValueAtPercentile(50) + "/" + h.getValueAtPercentile(99);
    }

    /** Tenths of a second, or milliseconds below one second (a stage bounded by a few requests). */
    private static String seconds(double s) {
        return String.format(Locale.ROOT, s < 1 ? "%.3f" : "%.1f", s);
    }

    /** One line per frequent message: class, failed attempts, message. */
    private static void printMessages(PrintStream out, StageSummary s) {
        s.messages().forEach((error, top) -> {
            List<MessageCount> shown = top.messages().subList(0, Math.min(MESSAGES_SHOWN, top.messages().size()));
            long rest = top.other();
            for (MessageCount c : top.messages().subList(shown.size(), top.messages().size())) {
                rest += c.count();
            }
            for (MessageCount c : shown) {
                out.printf(Locale.ROOT, "    %-13s %7d  %s%n", error.label(), c.count(), c.message());
            }
            if (rest > 0) {
                out.printf(Locale.ROOT, "    %-13s %7d  (other messages; see requests.csv)%n", error.label(), rest);
            }
        });
    }
}
