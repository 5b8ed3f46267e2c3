package io.streambench.report.html;

import static io.streambench.report.html.HtmlReport.number;
import static io.streambench.report.html.HtmlReport.summaryOf;
import static io.streambench.report.html.HtmlReport.text;

import io.streambench.report.folder.RunFolder;
import io.streambench.report.folder.RunJson;
import io.streambench.report.folder.RunJsonConfig;
import io.streambench.report.folder.Stat;
import io.streambench.report.folder.SummaryRow;
import io.streambench.report.html.Plots.Line;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The report's {@code stages} section, for staged runs: ttft and itl (p50, p99) against each stage's load level
 * (offered rate or concurrency), or against the stage index when the stages mix kinds.
 */
final class LoadLevelSection {

    private LoadLevelSection() {
    }

    /** @param stageIndexes every stage the run's files name */
    static void write(Page page, RunFolder files, RunJson.Document run, Collection<Integer> stageIndexes) {
        page.h2("stages", "Latency against load level");
        Map<Integer, Double> level = new TreeMap<>();
        String kind = null;
        int index = 0;
        for (RunJsonConfig.StageConfig s : run.config() == null ? List.<RunJsonConfig.StageConfig>of()
                : run.config().stages()) {
            String type = text(s.type(), "");
            double value = "open".equals(type) ? number(s.ratePerS()) : number(s.concurrency());
            kind = kind == null || kind.equals(type) ? type : "mixed";
            level.put(index++, value);
        }
        boolean byLevel = !"mixed".equals(kind) && level.keySet().containsAll(stageIndexes)
                && level.values().stream().noneMatch(v -> v.isNaN() || v <= 0);
        String xTitle = !byLevel ? "stage" : "open".equals(kind) ? "offered rate (requests/s)" : "concurrency (streams)";
        double min = level.values().stream().mapToDouble(Double::doubleValue).min().orElse(1);
        double max = level.values().stream().mapToDouble(Double::doubleValue).max().orElse(1);
        boolean logX = byLevel && max / min >= 100; // XChart labels whole decades only
        for (String metric : List.of("ttft", "itl")) {
            Map<Integer, SummaryRow> rows = summaryOf(files, metric);
            if (rows.isEmpty()) {
                continue;
            }
            double[] x = new double[rows.size()];
            double[] p50 = new double[rows.size()];
            double[] p99 = new double[rows.size()];
            int i = 0;
            for (Map.Entry<Integer, SummaryRow> e : rows.entrySet()) {
                x[i] = byLevel ? level.get(e.getKey()) : e.getKey();
                p50[i] = e.getValue().get(Stat.P50);
                p99[i] = e.getValue().get(Stat.P99);
                i++;
            }
            page.img(Plots.lineChart(metric + " against load", xTitle, metric + " (ms)",
                    List.of(new Line(metric + " p50", x, p50), new Line(metric + " p99", x, p99)), null, List.of(),
                    true, logX), metric + " against load level");
        }
    }
}
