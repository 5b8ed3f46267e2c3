package io.streambench.report.html;

import io.streambench.report.folder.TimelineRow;
import io.streambench.report.html.Plots.Line;
import java.util.List;

/** The report's {@code timeline} section: throughput, streams in flight and heap over the run, from timeline.csv. */
final class TimelineSection {

    private TimelineSection() {
    }

    /** @param staged the run has more than one stage */
    static void write(Page page, List<TimelineRow> rows, boolean staged) {
        page.h2("timeline", "Over time");
        if (rows.isEmpty()) {
            page.p("timeline.csv is empty.");
            return;
        }
        int n = rows.size();
        double[] t = new double[n];
        double[] tokens = new double[n];
        double[] requests = new double[n];
        double[] errors = new double[n];
        double[] inFlight = new double[n];
        double[] heap = new double[n];
        for (int i = 0; i < n; i++) {
            TimelineRow r = rows.get(i);
            TimelineRow.Tally tally = r.tally();
            double interval = r.interval().seconds() > 0 ? r.interval().seconds() : 1.0;
            t[i] = r.interval().elapsedSeconds();
            tokens[i] = Double.isNaN(r.tokensPerSecond()) ? tally.tokens() / interval : r.tokensPerSecond();
            requests[i] = tally.done() / interval;
            errors[i] = tally.errors() / interval;
            inFlight[i] = tally.inFlight();
            heap[i] = Double.isNaN(r.heapUsedMb()) ? 0 : r.heapUsedMb();
        }
        page.img(Plots.lineChart("Throughput", "time since start (s)", "output tokens/s",
                List.of(new Line("output tokens/s (as they arrive)", t, tokens)), "requests/s",
                List.of(new Line("requests ended/s", t, requests), new Line("failed attempts/s", t, errors)), false,
                false), "throughput over time");
        page.img(Plots.lineChart("Streams in flight", "time since start (s)", "streams in flight",
                List.of(new Line("in flight", t, inFlight)), "heap used (MiB)",
                List.of(new Line("heap used (MiB)", t, heap)), false, false), "streams in flight over time");
        if (staged) {
            page.note("Stages run one after another; timeline.csv's stage column says which second belongs to which.");
        }
    }
}
