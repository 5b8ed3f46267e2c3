package io.streambench.report.html;

import io.streambench.report.folder.RunJsonResults;
import io.streambench.report.folder.Stat;
import io.streambench.report.folder.SummaryRow;
import io.streambench.report.html.Plots.Line;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The report's {@code objectives} and {@code limits} sections: each stage against the run's objectives (share of
 * requests meeting each, goodput beside throughput, percentile objectives, saturation), and a sweep's or a
 * search's stages and answer, with a sweep's latency and goodput against achieved rate and its knee marked.
 */
final class LimitsSection {

    private static final Pattern PERCENTILE_OBJECTIVE = Pattern.compile("(ttft|itl)\\.(p\\d+)<=.*");

    private LimitsSection() {
    }

    /** Whether the run had objectives or a sweep or search. */
    static boolean has(List<RunJsonResults.Stage> stages, RunJsonResults.Results results) {
        return results != null && results.limits() != null || stages.stream().anyMatch(s -> s.slo() != null
                || s.saturated() != null);
    }

    /**
     * @param summary per metric, its summary.csv rows by stage
     * @param label   a stage's label
     */
    static void write(Page page, List<RunJsonResults.Stage> stages, RunJsonResults.Limits limits,
            Map<String, Map<Integer, SummaryRow>> summary, IntFunction<String> label) {
        page.h2("limits", limits == null ? "Objectives" : "Objectives and limits");
        if (limits != null) {
            page.p(limits.line());
        }
        objectives(page, stages);
        if (limits != null) {
            probes(page, limits, label);
            if ("sweep".equals(limits.search())) {
                sweepChart(page, stages, limits, summary);
            }
        }
    }

    private static void objectives(Page page, List<RunJsonResults.Stage> stages) {
        List<String> header = new ArrayList<>(List.of("stage", "workload", "requests/s", "goodput req/s",
                "tokens/s", "goodput tokens/s", "met all"));
        List<String> checks = new ArrayList<>();
        for (RunJsonResults.Stage s : stages) {
            if (s.slo() != null && s.slo().checks() != null) {
                s.slo().checks().forEach(c -> {
                    if (!checks.contains(c.objective())) {
                        checks.add(c.objective());
                    }
                });
                if (s.slo().shares() != null) {
                    s.slo().shares().keySet().forEach(k -> {
                        if (!header.contains(k)) {
                            header.add(k);
                        }
                    });
                }
            }
        }
        header.addAll(checks);
        header.add("verdict");
        List<List<String>> rows = new ArrayList<>();
        for (RunJsonResults.Stage s : stages) {
            RunJsonResults.Slo slo = s.slo();
            RunJsonResults.Phases p = s.phases();
            List<String> row = new ArrayList<>(List.of(String.valueOf(HtmlReport.index(s)),
                    HtmlReport.text(s.workload(), ""), Page.number(p == null ? Double.NaN : number(p.requestsPerS())),
                    Page.number(slo == null ? Double.NaN : number(slo.goodputRequestsPerS())),
                    Page.number(p == null ? Double.NaN : number(p.tokensPerS())),
                    Page.number(slo == null ? Double.NaN : number(slo.goodputTokensPerS())),
                    percent(slo == null ? null : slo.share())));
            for (String h : header.subList(7, header.size() - checks.size() - 1)) {
                row.add(percent(slo == null || slo.shares() == null ? null : slo.shares().get(h)));
            }
            for (String c : checks) {
                RunJsonResults.SloCheck check = slo == null || slo.checks() == null ? null : slo.checks().stream()
                        .filter(k -> k.objective().equals(c)).findFirst().orElse(null);
                row.add(check == null ? "-" : (c.startsWith("requests meeting") ? percent(check.value())
                        : Page.number(number(check.value())) + " ms") + (check.met() ? " met" : " MISSED"));
            }
            String verdict = s.saturated() != null ? "saturated: " + s.saturated()
                    : slo == null || slo.meets() == null ? "-" : slo.meets() ? "meets" : "misses";
            row.add(verdict);
            rows.add(row);
        }
        page.table(header, rows);
        page.note("goodput: requests that met every per-request objective and ended within the measured window, per "
                + "second of window (and their output tokens); met all and the per-objective shares count the "
                + "measured requests (sent after the warmup), a failed request meeting none. A percentile objective "
                + "shows the stage's figure. A stage is saturated when it did not carry its open-loop rate: far "
                + "fewer requests succeeded than were sent for, or the time from intended send to first token grew "
                + "through the window; it then misses its objectives whatever its latencies.");
    }

    private static void probes(Page page, RunJsonResults.Limits limits, IntFunction<String> label) {
        List<List<String>> rows = new ArrayList<>();
        for (RunJsonResults.Probe p : limits.stages()) {
            rows.add(List.of(String.valueOf(p.stage()), p.role(), Page.number(p.level()),
                    Page.number(number(p.achievedRate())),
                    p.saturated() != null ? "saturated" : p.meets() == null ? "-" : p.meets() ? "meets" : "misses",
                    Integer.valueOf(p.stage()).equals(limits.knee()) ? "knee" : ""));
        }
        page.table(List.of("stage", "role", "sweep".equals(limits.search()) ? "rate (req/s) or streams"
                : "level (" + limits.unit() + ")", "achieved req/s", "verdict", ""), rows);
    }

    /** ttft and itl p50/p99 against achieved rate, goodput (or throughput) on the right, the knee marked. */
    private static void sweepChart(Page page, List<RunJsonResults.Stage> stages, RunJsonResults.Limits limits,
            Map<String, Map<Integer, SummaryRow>> summary) {
        Map<Integer, RunJsonResults.Stage> byIndex = new TreeMap<>();
        stages.forEach(s -> byIndex.put(HtmlReport.index(s), s));
        List<Integer> order = new ArrayList<>(byIndex.keySet());
        order.removeIf(i -> byIndex.get(i).phases() == null || byIndex.get(i).phases().requestsPerS() == null);
        order.sort(Comparator.comparingDouble(i -> byIndex.get(i).phases().requestsPerS()));
        if (order.size() < 2) {
            return;
        }
        int n = order.size();
        double[] x = new double[n];
        double[] goodput = new double[n];
        boolean hasGoodput = true;
        for (int k = 0; k < n; k++) {
            RunJsonResults.Stage s = byIndex.get(order.get(k));
            x[k] = s.phases().requestsPerS();
            Double g = s.slo() == null ? null : s.slo().goodputRequestsPerS();
            hasGoodput &= g != null;
            goodput[k] = g == null ? x[k] : g;
        }
        List<Line> lines = new ArrayList<>();
        double top = 0;
        double bottom = Double.POSITIVE_INFINITY;
        for (String metric : List.of("ttft", "itl")) {
            Map<Integer, SummaryRow> rows = summary.getOrDefault(metric, Map.of());
            for (Stat stat : List.of(Stat.P50, Stat.P99)) {
                double[] y = new double[n];
                for (int k = 0; k < n; k++) {
                    SummaryRow r = rows.get(order.get(k));
                    y[k] = r == null ? Double.NaN : r.get(stat);
                    top = Double.isNaN(y[k]) ? top : Math.max(top, y[k]);
                    bottom = y[k] > 0 ? Math.min(bottom, y[k]) : bottom;
                }
                lines.add(new Line(metric + " " + stat.column(), x, y));
            }
        }
        RunJsonResults.Stage first = byIndex.get(order.get(0));
        if (first.slo() != null) {
            for (String objective : first.slo().objectives()) {
                Matcher m = PERCENTILE_OBJECTIVE.matcher(objective);
                RunJsonResults.SloCheck check = first.slo().checks().stream()
                        .filter(c -> c.objective().equals(objective)).findFirst().orElse(null);
                if (m.matches() && check != null) {
                    double bound = boundMs(objective);
                    if (!Double.isNaN(bound)) {
                        lines.add(new Line("objective " + objective, new double[] {x[0], x[n - 1]},
                                new double[] {bound, bound}));
                    }
                }
            }
        }
        if (limits.knee() != null && byIndex.containsKey(limits.knee())) {
            double kx = byIndex.get(limits.knee()).phases().requestsPerS();
            lines.add(new Line("knee (stage " + limits.knee() + ")", new double[] {kx, kx},
                    new double[] {bottom, top}));
        }
        page.img(Plots.lineChart("Latency and goodput against achieved rate", "achieved rate (requests/s)",
                "latency (ms)", lines, hasGoodput ? "goodput (requests/s)" : "throughput (requests/s)",
                List.of(new Line(hasGoodput ? "goodput" : "throughput", x, goodput)), true, false, logY(lines)),
                "latency against achieved rate");
        page.note("Each point is a stage of the sweep at the rate it achieved (requests that succeeded within its "
                + "window, per second): the synchronous stage on the left, the throughput stage on the right. The knee "
                + "is the last stage before the first that misses the objectives (without objectives: whose ttft p99 "
                + "is over twice the synchronous stage's) or is saturated.");
    }

    /**
     * A log scale when every latency is above 0 and they span more than a decade: a throughput stage's queue
     * puts its ttft seconds above the others', which a linear axis flattens to the floor.
     */
    private static boolean logY(List<Line> lines) {
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (Line line : lines) {
            for (double y : line.y()) {
                if (!Double.isNaN(y)) {
                    min = Math.min(min, y);
                    max = Math.max(max, y);
                }
            }
        }
        return min > 0 && max / min > 10;
    }

    /** {@code ttft.p99<=100ms} as 100; NaN when the text does not say. */
    static double boundMs(String objective) {
        Matcher m = Pattern.compile(".*<=(\\d+(?:\\.\\d+)?|\\.\\d+)(us|ms|s)").matcher(objective);
        if (!m.matches()) {
            return Double.NaN;
        }
        double v = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> v / 1000;
            case "s" -> v * 1000;
            default -> v;
        };
    }

    private static double number(Double v) {
        return v == null ? Double.NaN : v;
    }

    private static String percent(Double share) {
        return share == null || Double.isNaN(share) ? "-" : Page.number(100 * share) + " %";
    }
}
