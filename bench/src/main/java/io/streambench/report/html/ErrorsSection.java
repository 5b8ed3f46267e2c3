package io.streambench.report.html;

import io.streambench.report.folder.RunJsonResults;
import io.streambench.report.folder.RunJsonResults.MessageCount;
import io.streambench.report.folder.RunJsonResults.TopMessages;
import io.streambench.report.html.Plots.Bars;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;

/** The report's {@code errors} section: failed attempts by class and stage, then the most frequent messages. */
final class ErrorsSection {

    private ErrorsSection() {
    }

    /**
     * @param stageIndexes every stage the run's files name
     * @param legend       a stage's short label for the chart's legend
     */
    static void write(Page page, List<RunJsonResults.Stage> results, Collection<Integer> stageIndexes,
            IntFunction<String> legend) {
        page.h2("errors", "Errors by class");
        Map<String, Map<Integer, Long>> byClass = new TreeMap<>();
        for (RunJsonResults.Stage s : results) {
            int stage = HtmlReport.index(s);
            s.errorsByClass().forEach((label, n) -> byClass.computeIfAbsent(label, k -> new TreeMap<>())
                    .merge(stage, n == null ? 0 : n, Long::sum));
        }
        if (byClass.isEmpty()) {
            page.p("No failed attempts.");
            return;
        }
        List<Integer> stages = new ArrayList<>(stageIndexes);
        List<String> header = new ArrayList<>(List.of("error class"));
        stages.forEach(s -> header.add("stage " + s));
        header.add("total");
        List<List<String>> rows = new ArrayList<>();
        List<String> classes = new ArrayList<>(byClass.keySet());
        List<Bars> bars = new ArrayList<>();
        for (int stage : stages) {
            List<Double> values = new ArrayList<>();
            for (String c : classes) {
                values.add(byClass.get(c).getOrDefault(stage, 0L).doubleValue());
            }
            bars.add(new Bars(stages.size() > 1 ? legend.apply(stage) : "", values, null));
        }
        for (String c : classes) {
            List<String> row = new ArrayList<>(List.of(c));
            long total = 0;
            for (int stage : stages) {
                long v = byClass.get(c).getOrDefault(stage, 0L);
                row.add(Page.count(v));
                total += v;
            }
            row.add(Page.count(total));
            rows.add(row);
        }
        page.img(Plots.barChart("Failed attempts by error class", "error class", "failed attempts", classes, bars),
                "failed attempts by error class");
        page.table(header, rows);
        page.note("Failed attempts, retried ones and warmup included (run.json errors_by_class); every attempt is a "
                + "row of requests.csv with its error_class and error_message.");
        messages(page, results);
    }

    /** The most frequent messages per stage and class (run.json error_messages). */
    private static void messages(Page page, List<RunJsonResults.Stage> results) {
        List<List<String>> rows = new ArrayList<>();
        for (RunJsonResults.Stage s : results) {
            String stage = Integer.toString(HtmlReport.index(s));
            Map<String, TopMessages> byClass = s.errorMessages() == null ? Map.of() : s.errorMessages();
            byClass.forEach((label, top) -> {
                for (MessageCount m : top.messages()) {
                    rows.add(List.of(stage, label, Page.count(m.count()), String.valueOf(m.message())));
                }
                if (top.other() > 0) {
                    rows.add(List.of(stage, label, Page.count(top.other()), "(other messages)"));
                }
            });
        }
        if (rows.isEmpty()) {
            return;
        }
        page.h3("Most frequent error messages");
        page.table(List.of("stage", "error class", "failed attempts", "message"), rows);
        page.note("Per stage and class, the most frequent messages (run.json error_messages): the status and the "
                + "server's error message, or the driver's reason. Counts, times and ids in the server's text show "
                + "as #, <time> and <id>, so that messages differing only there count together; requests.csv has "
                + "each message as it came.");
    }
}
