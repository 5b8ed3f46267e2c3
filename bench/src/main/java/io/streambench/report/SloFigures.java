package io.streambench.report;

import io.streambench.driver.limits.Objective;
import io.streambench.driver.limits.Objectives;
import io.streambench.driver.limits.SloCounts;
import io.streambench.driver.limits.StageVerdict;
import io.streambench.report.folder.RunJsonResults;
import io.streambench.report.folder.Stat;
import io.streambench.report.folder.SummaryRow;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * A stage's objectives and goodput as each output shows them: {@code summary.csv} rows, {@code run.json}'s
 * {@code slo}, the console's lines.
 */
final class SloFigures {

    /** summary.csv's unit of a share of requests (or of values). */
    static final String SHARE = "share";

    private SloFigures() {
    }

    /**
     * summary.csv rows, in the {@code mean} column: {@code goodput} (requests/s) and {@code goodput_tokens}
     * (tokens/s) within the window, {@code slo} (the share of measured requests meeting every per-request
     * objective) and {@code slo.NAME} per objective (for a percentile objective, the share of the stage's values
     * within its bound).
     */
    static List<SummaryRow> summaryRows(StageSummary s) {
        List<SummaryRow> rows = new ArrayList<>();
        StageVerdict v = s.verdict();
        if (v == null || !v.figures().slo().objectives().any()) {
            return rows;
        }
        SloCounts c = v.figures().slo();
        Objectives o = c.objectives();
        if (!o.perRequest().isEmpty()) {
            double window = s.window() == null ? 0 : s.window().windowSeconds();
            if (window > 0) {
                rows.add(mean(s, "goodput", "requests/s", c.windowGood(), c.windowGood() / window));
                rows.add(mean(s, "goodput_tokens", "tokens/s", c.windowGoodTokens(), c.windowGoodTokens() / window));
            }
            rows.add(mean(s, "slo", SHARE, c.judged(), c.share()));
            for (int i = 0; i < o.perRequest().size(); i++) {
                rows.add(mean(s, "slo." + o.perRequest().get(i).name(), SHARE, c.judged(), c.share(i)));
            }
        }
        for (Objective.Percentile p : o.percentiles()) {
            Histogram h = s.histograms().get(p.metric());
            long n = h == null ? 0 : h.getTotalCount();
            double within = n == 0 ? Double.NaN : h.getCountBetweenValues(0, p.boundNanos()) / (double) n;
            rows.add(mean(s, "slo." + p.name(), SHARE, n, within));
        }
        return rows;
    }

    private static SummaryRow mean(StageSummary s, String metric, String unit, long count, double value) {
        Map<Stat, Double> stats = new EnumMap<>(Stat.class);
        stats.put(Stat.MEAN, value);
        return new SummaryRow(s.index(), s.workload(), metric, unit, count, stats);
    }

    /** run.json's {@code slo} of a stage, null without objectives. */
    static RunJsonResults.Slo json(StageSummary s) {
        StageVerdict v = s.verdict();
        if (v == null || !v.figures().slo().objectives().any()) {
            return null;
        }
        SloCounts c = v.figures().slo();
        Objectives o = c.objectives();
        boolean perRequest = !o.perRequest().isEmpty();
        Map<String, Double> shares = new LinkedHashMap<>();
        for (int i = 0; i < o.perRequest().size(); i++) {
            shares.put(o.perRequest().get(i).text(), round(c.share(i)));
        }
        double window = s.window() == null ? 0 : s.window().windowSeconds();
        List<RunJsonResults.SloCheck> checks = v.checks().stream()
                .map(k -> new RunJsonResults.SloCheck(k.objective(), round(k.value()), k.met())).toList();
        return new RunJsonResults.Slo(o.texts(), perRequest ? o.attainment() : null,
                perRequest ? c.judged() : null, perRequest ? c.met() : null, perRequest ? round(c.share()) : null,
                perRequest ? shares : null,
                perRequest && window > 0 ? RunJsonResults.round(c.windowGood() / window) : null,
                perRequest && window > 0 ? RunJsonResults.round(c.windowGoodTokens() / window) : null, checks,
                v.meets());
    }

    private static Double round(double v) {
        return Double.isNaN(v) ? null : Math.round(v * 1e6) / 1e6;
    }

    /**
     * The console's lines:
     * {@code   slo: 93.2 % of 1500 requests met ttft<=500ms, tpot<=50ms (ttft 95.1 %, tpot 97.0 %); goodput 14.2 requests/s, 2830 tokens/s}
     * {@code   ttft.p99<=1s: 812.300 ms, met; stage meets its objectives}
     */
    static List<String> lines(StageSummary s) {
        List<String> lines = new ArrayList<>();
        StageVerdict v = s.verdict();
        if (v == null) {
            return lines;
        }
        SloCounts c = v.figures().slo();
        Objectives o = c.objectives();
        if (!o.perRequest().isEmpty()) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  slo: %s of %d requests met %s",
                    percent(c.share()), c.judged(), String.join(", ", o.perRequest().stream().map(Objective::text)
                            .toList())));
            if (o.perRequest().size() > 1) {
                List<String> each = new ArrayList<>();
                for (int i = 0; i < o.perRequest().size(); i++) {
                    each.add(o.perRequest().get(i).name() + " " + percent(c.share(i)));
                }
                line.append(" (").append(String.join(", ", each)).append(')');
            }
            double window = s.window() == null ? 0 : s.window().windowSeconds();
            if (window > 0) {
                line.append(String.format(Locale.ROOT, "; goodput %.2f requests/s, %.0f tokens/s",
                        c.windowGood() / window, c.windowGoodTokens() / window));
            }
            lines.add(line.toString());
        }
        List<String> checks = new ArrayList<>();
        for (StageVerdict.Check k : v.checks()) {
            if (k.objective().startsWith("requests meeting")) {
                checks.add("attainment " + percent(k.value()) + (k.met() ? " >= " : " < ")
                        + percent(o.attainment()));
            } else {
                checks.add(String.format(Locale.ROOT, "%s: %.3f ms %s", k.objective(), k.value(),
                        k.met() ? "met" : "MISSED"));
            }
        }
        if (v.saturated() != null) {
            checks.add("SATURATED: " + v.saturated());
        }
        if (o.any()) {
            checks.add(v.meets() ? "stage meets its objectives" : "stage misses its objectives");
        }
        if (!checks.isEmpty()) {
            lines.add("  " + String.join("; ", checks));
        }
        return lines;
    }

    private static String percent(double share) {
        return Double.isNaN(share) ? "-" : String.format(Locale.ROOT, "%.1f %%", 100 * share);
    }
}
