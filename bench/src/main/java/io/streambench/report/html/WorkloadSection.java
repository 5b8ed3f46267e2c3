package io.streambench.report.html;

import io.streambench.report.folder.RunFolder;
import io.streambench.report.folder.Stat;
import io.streambench.report.folder.SummaryRow;
import io.streambench.report.folder.TurnRow;
import io.streambench.report.html.Plots.Line;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;

/**
 * The report's {@code workload} section: prompt and answer lengths asked against those the server reported, the
 * share of prompt tokens its prefix cache held, the driver's schedule lag, and a conversation's figures per turn
 * ({@code turns.csv}). From {@code summary.csv} and {@code turns.csv} alone.
 */
final class WorkloadSection {

    /** summary.csv's length metrics, each with what it is. */
    private static final Map<String, String> LENGTHS = new LinkedHashMap<>();

    static {
        LENGTHS.put("input_tokens", "prompt tokens sent (counted as built)");
        LENGTHS.put("usage_input_tokens", "prompt tokens by the server's usage");
        LENGTHS.put("cached_tokens", "of those, held by its prefix cache");
        LENGTHS.put("output_tokens_requested", "answer length asked (max_tokens)");
        LENGTHS.put("output_tokens", "answer length received");
    }

    private WorkloadSection() {
    }

    /** Whether the run recorded anything this section shows. */
    static boolean has(RunFolder files) {
        return files.summary().stream().anyMatch(r -> r.metric().equals("input_tokens"));
    }

    static void write(Page page, RunFolder files, IntFunction<String> stageLabel) {
        page.h2("workload", "Workload: lengths, cache, schedule");
        Map<Integer, Map<String, SummaryRow>> byStage = new TreeMap<>();
        for (SummaryRow row : files.summary()) {
            byStage.computeIfAbsent(row.stage(), s -> new LinkedHashMap<>()).put(row.metric(), row);
        }
        for (Map.Entry<Integer, Map<String, SummaryRow>> stage : byStage.entrySet()) {
            Map<String, SummaryRow> rows = stage.getValue();
            List<List<String>> cells = new ArrayList<>();
            LENGTHS.forEach((metric, meaning) -> {
                SummaryRow r = rows.get(metric);
                if (r != null) {
                    cells.add(row(metric, meaning, r));
                }
            });
            SummaryRow lag = rows.get("schedule_lag");
            if (lag != null) {
                cells.add(row("schedule_lag (ms)", "send minus intended send (the driver's own delay)", lag));
            }
            if (cells.isEmpty()) {
                continue;
            }
            page.h3(stageLabel.apply(stage.getKey()));
            page.table(List.of("metric", "what", "count", "mean", "p50", "p90", "p99", "max"), cells);
            SummaryRow cached = rows.get("cached_tokens");
            SummaryRow usage = rows.get("usage_input_tokens");
            if (cached != null && usage != null && usage.get(Stat.MEAN) > 0) {
                double ratio = cached.get(Stat.MEAN) * cached.count() / (usage.get(Stat.MEAN) * usage.count());
                page.p("Prefix cache hits: " + Page.number(100 * ratio) + " % of the prompt tokens in the server's usage "
                        + "were cached.");
            }
        }
        page.note("Lengths are per request (sent, asked) or per attempt with usage (by usage, received); the server's "
                + "count of a prompt includes its chat template, which the driver's count of the messages does not. "
                + "Schedule lag is the first attempt's send minus its intended send: a trace's or an open loop's "
                + "schedule, a conversation's think-time end, a closed-loop stream's free moment.");
        turns(page, files.turns(), stageLabel);
    }

    private static List<String> row(String metric, String meaning, SummaryRow r) {
        return List.of(metric, meaning, Page.count(r.count()), Page.number(r.get(Stat.MEAN)), Page.number(r.get(Stat.P50)),
                Page.number(r.get(Stat.P90)), Page.number(r.get(Stat.P99)), Page.number(r.get(Stat.MAX)));
    }

    /** Per turn: a table, and ttft p50/p99 with the prompt's length against the turn. */
    private static void turns(Page page, List<TurnRow> rows, IntFunction<String> stageLabel) {
        if (rows.isEmpty()) {
            return;
        }
        page.h3("Per turn of the conversations");
        Map<Integer, Map<String, Map<String, SummaryRow>>> byStage = new TreeMap<>();
        for (TurnRow row : rows) {
            byStage.computeIfAbsent(row.summary().stage(), s -> new LinkedHashMap<>())
                    .computeIfAbsent(row.turn(), t -> new LinkedHashMap<>()).put(row.summary().metric(), row.summary());
        }
        for (Map.Entry<Integer, Map<String, Map<String, SummaryRow>>> stage : byStage.entrySet()) {
            List<List<String>> cells = new ArrayList<>();
            List<Double> x = new ArrayList<>();
            List<Double> p50 = new ArrayList<>();
            List<Double> p99 = new ArrayList<>();
            for (Map.Entry<String, Map<String, SummaryRow>> turn : stage.getValue().entrySet()) {
                Map<String, SummaryRow> m = turn.getValue();
                cells.add(List.of(turn.getKey(), count(m.get("input_tokens")), stat(m.get("input_tokens"), Stat.P50),
                        stat(m.get("ttft"), Stat.P50), stat(m.get("ttft"), Stat.P99), stat(m.get("response_ttft"), Stat.P99),
                        stat(m.get("tpot"), Stat.P50), stat(m.get("e2e"), Stat.P50), stat(m.get("schedule_lag"), Stat.P99)));
                SummaryRow ttft = m.get("ttft");
                if (ttft != null && !turn.getKey().endsWith("+")) {
                    x.add(Double.parseDouble(turn.getKey()));
                    p50.add(ttft.get(Stat.P50));
                    p99.add(ttft.get(Stat.P99));
                }
            }
            page.p(stageLabel.apply(stage.getKey()));
            page.table(List.of("turn", "requests", "input tokens p50", "ttft p50 (ms)", "ttft p99 (ms)",
                    "response_ttft p99 (ms)", "tpot p50 (ms)", "e2e p50 (ms)", "schedule lag p99 (ms)"), cells);
            if (x.size() > 1) {
                page.img(Plots.lineChart("ttft by turn", "turn", "ttft (ms)", List.of(new Line("ttft p50", array(x),
                        array(p50)), new Line("ttft p99", array(x), array(p99))), null, List.of(), true, false),
                        "ttft by turn");
            }
        }
        page.note("Each turn carries the earlier prompts and answers, so its prompt grows; response_ttft counts from "
                + "the end of the think time. turns.csv has every metric per turn.");
    }

    private static String count(SummaryRow row) {
        return row == null ? "-" : Page.count(row.count());
    }

    private static String stat(SummaryRow row, Stat stat) {
        return row == null ? "-" : Page.number(row.get(stat));
    }

    private static double[] array(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
