package io.streambench.report.html;

import static io.streambench.report.html.HtmlReport.count;
import static io.streambench.report.html.HtmlReport.index;
import static io.streambench.report.html.HtmlReport.number;
import static io.streambench.report.html.HtmlReport.text;

import io.streambench.report.folder.FewSamples;
import io.streambench.report.folder.RunFolder;
import io.streambench.report.folder.RunJsonResults;
import io.streambench.report.folder.Stat;
import io.streambench.report.folder.SummaryRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;

/** The report's {@code summary} section: each stage's totals and rates, then its latency figures by metric. */
final class SummarySection {

    private SummarySection() {
    }

    /** @param stageLabel a stage's heading */
    static void write(Page page, RunFolder files, List<RunJsonResults.Stage> results, IntFunction<String> stageLabel) {
        page.h2("summary", "Summary");
        List<List<String>> totals = new ArrayList<>();
        boolean windows = true;
        for (RunJsonResults.Stage s : results) {
            RunJsonResults.Phases phases = s.phases();
            boolean window = phases != null;
            windows &= window;
            RunJsonResults.Totals t = s.totals();
            double seconds = window ? phases.windowS() : number(s.seconds());
            totals.add(List.of(String.valueOf(index(s)), text(s.workload(), ""), Page.number(seconds),
                    window ? Page.number(phases.drainS() == null ? 0 : phases.drainS()) : "-",
                    Page.count(count(t.requests())),
                    Page.count(count(t.succeeded())), Page.count(count(t.failed())), Page.count(count(t.retries())),
                    Page.count(count(t.outputTokens())),
                    Page.number(window ? number(phases.requestsPerS()) : count(t.requests()) / seconds),
                    Page.number(window ? number(phases.tokensPerS()) : count(t.outputTokens()) / seconds),
                    window ? Page.count(phases.drain() == null ? 0 : phases.drain().outputTokens()) : "-"));
        }
        if (!totals.isEmpty()) {
            page.table(List.of("stage", "workload", "window (s)", "drain (s)", "requests", "succeeded", "failed",
                    "retries", "output tokens", "requests/s", "tokens/s", "drain tokens"), totals);
            page.note(windows
                    ? "requests/s: requests that succeeded within the measured window (after the warmup, until the "
                    + "stage stopped sending), per second of window; tokens/s: output tokens that arrived within it. "
                    + "What arrived while in-flight streams finished is the drain, apart. Requests and output tokens "
                    + "are totals, warmup and drain included; the latency figures below are the requests sent after "
                    + "the warmup (see docs/metrics.md)."
                    : "This run.json has no measured window (written by an older version): rates are totals over the "
                    + "whole stage, warmup and drain included.");
        }
        if (files.summary().isEmpty()) {
            page.p("No summary.csv figures (no measured request finished).");
            return;
        }
        Map<Integer, List<List<String>>> byStage = new TreeMap<>();
        boolean flagged = false;
        for (SummaryRow r : files.summary()) {
            long n = r.count();
            flagged |= FewSamples.flagged(n, 99.9);
            List<String> cells = new ArrayList<>(List.of(r.metric(), r.unit(), Page.count(n)));
            for (Stat stat : Stat.values()) {
                String cell = Page.number(r.get(stat));
                cells.add(stat.isPercentile() && !"-".equals(cell) ? FewSamples.mark(cell, n, stat.percentile()) : cell);
            }
            byStage.computeIfAbsent(r.stage(), s -> new ArrayList<>()).add(cells);
        }
        for (Map.Entry<Integer, List<List<String>>> e : byStage.entrySet()) {
            page.h3(stageLabel.apply(e.getKey()));
            page.table(List.of("metric", "unit", "count", "mean", "stddev", "min", "p50", "p90", "p95", "p99",
                    "p99.9", "max"), e.getValue());
        }
        if (flagged) {
            page.note(FewSamples.NOTE + ".");
        }
        page.note("Metric definitions: ttft send to first token, itl gap between content events, e2e send to [DONE]; "
                + "response_* count from the intended send (see docs/metrics.md).");
    }
}
