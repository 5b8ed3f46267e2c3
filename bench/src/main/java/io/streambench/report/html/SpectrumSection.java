package io.streambench.report.html;

import static io.streambench.report.html.HtmlReport.summaryOf;

import io.streambench.report.folder.RunFolder;
import io.streambench.report.folder.SummaryRow;
import io.streambench.report.html.Plots.Line;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.IntFunction;
import org.HdrHistogram.Histogram;

/**
 * The report's {@code percentiles} section: each latency metric's percentile spectrum per stage, from its hlog (or
 * from summary.csv's percentiles when the hlog holds none).
 */
final class SpectrumSection {

    /** Metrics drawn as percentile spectra (their hlogs are read). */
    static final List<String> SPECTRA = List.of("ttft", "itl", "e2e");

    private SpectrumSection() {
    }

    /** @param legend a stage's short label for the chart's legend */
    static void write(Page page, RunFolder files, IntFunction<String> legend) {
        page.h2("percentiles", "Latency percentile spectrum");
        page.note("HdrHistogram style: the x axis is 1/(1-p) on a log scale, so 90%, 99%, 99.9% are evenly spaced "
                + "and the tail is visible; the last point of each line is the maximum.");
        boolean any = false;
        for (String metric : SPECTRA) {
            List<Line> lines = new ArrayList<>();
            Map<Integer, Histogram> hlog = files.stageHistograms(metric);
            Map<Integer, SummaryRow> summary = summaryOf(files, metric);
            TreeSet<Integer> stages = new TreeSet<>(hlog.keySet());
            stages.addAll(summary.keySet());
            for (int stage : stages) {
                Histogram h = hlog.get(stage);
                if (h != null && h.getTotalCount() > 0) {
                    lines.add(Plots.spectrum(legend.apply(stage), h));
                } else if (summary.containsKey(stage)) {
                    lines.add(Plots.spectrum(legend.apply(stage) + " [summary.csv]", summary.get(stage)));
                }
            }
            if (!lines.isEmpty()) {
                page.img(Plots.spectrumChart(metric + " percentile spectrum", lines), metric + " percentile spectrum");
                any = true;
            }
        }
        if (!any) {
            page.p("No latency values were recorded.");
        }
    }
}
