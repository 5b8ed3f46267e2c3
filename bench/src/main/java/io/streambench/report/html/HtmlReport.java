package io.streambench.report.html;

import io.streambench.report.folder.RunFolder;
import io.streambench.report.folder.RunJson;
import io.streambench.report.folder.RunJsonResults;
import io.streambench.report.folder.SummaryRow;
import io.streambench.report.folder.TimelineRow;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders a run folder's {@code report.html} from its files alone ({@code run.json}, {@code summary.csv},
 * {@code timeline.csv}, {@code turns.csv}, the {@code *.hlog} logs): summary tables, percentile spectra,
 * throughput and streams in flight over time, latency against load level for staged runs, lengths, cache hits,
 * schedule lag and per-turn figures, errors by class and the run's settings. The page is self-contained (plots are inline PNGs, CSS inline, no script).
 *
 * <pre>{@code
 * Path html = HtmlReport.render(Path.of("reports/20261124-101500-run"));
 * }</pre>
 */
public final class HtmlReport {

    /** The file written into the run folder. */
    public static final String FILE = "report.html";

    private final RunFolder files;
    private final RunJson.Document run;
    private final List<RunJsonResults.Stage> results;
    private final Map<Integer, String> stageNames = new TreeMap<>();

    private HtmlReport(RunFolder files) {
        this.files = files;
        this.run = files.json();
        this.results = run.results() == null ? List.of() : run.results().stageList();
        for (RunJsonResults.Stage stage : results) {
            stageNames.put(index(stage), text(stage.workload(), ""));
        }
        for (SummaryRow row : files.summary()) {
            stageNames.putIfAbsent(row.stage(), row.workload());
        }
        for (TimelineRow row : files.timeline()) {
            stageNames.putIfAbsent(row.interval().stage(), "");
        }
    }

    /** A stage's index, 0 when its run.json has none (as a page shows it). */
    static int index(RunJsonResults.Stage stage) {
        return stage.index() == null ? 0 : stage.index();
    }

    static String text(Object value, String none) {
        return value == null ? none : value.toString();
    }

    static double number(Number value) {
        return value == null ? Double.NaN : value.doubleValue();
    }

    static long count(Long value) {
        return value == null ? 0 : value;
    }

    /**
     * Reads {@code runDir} and writes {@code runDir/report.html}; returns its path.
     *
     * @throws IllegalArgumentException when {@code runDir} is not a run folder or one of its files cannot be read
     */
    public static Path render(Path runDir) {
        return new HtmlReport(RunFolder.open(runDir)).page().writeTo(runDir.resolve(FILE));
    }

    private Page page() {
        String name = text(run.name(), "run");
        String url = run.config() == null || run.config().target() == null ? null : run.config().target().url();
        Page page = new Page("streambench: " + name);
        page.h1("streambench run: " + name);
        page.raw("<p class=\"meta\">" + Page.escape("status " + text(run.status(), "?") + " · started "
                + text(run.start(), "?") + " · " + Page.number(number(run.durationS())) + " s · target "
                + text(url, "?") + " · folder " + files.dir().toAbsolutePath().getFileName()) + "</p>\n");
        page.raw("<nav>" + (LimitsSection.has(results, run.results()) ? "<a href=\"#limits\">Objectives</a>" : "")
                + "<a href=\"#summary\">Summary</a><a href=\"#percentiles\">Percentiles</a>"
                + "<a href=\"#timeline\">Over time</a>" + (staged() ? "<a href=\"#stages\">Load levels</a>" : "")
                + (GatewaySection.present(run) ? "<a href=\"#gateway\">Gateway</a>" : "")
                + (WorkloadSection.has(files) ? "<a href=\"#workload\">Workload</a>" : "")
                + "<a href=\"#errors\">Errors</a><a href=\"#settings\">Settings</a></nav>\n");
        if (LimitsSection.has(results, run.results())) {
            // a sweep's or a search's answer first: it is what the run was for
            Map<String, Map<Integer, SummaryRow>> byMetric = new TreeMap<>();
            for (String metric : List.of("ttft", "itl")) {
                byMetric.put(metric, summaryOf(files, metric));
            }
            LimitsSection.write(page, results, run.results().limits(), byMetric, this::stageLabel);
        }
        SummarySection.write(page, files, results, this::stageLabel);
        SpectrumSection.write(page, files, this::shortStageLabel);
        TimelineSection.write(page, files.timeline(), staged());
        if (staged()) {
            LoadLevelSection.write(page, files, run, stageNames.keySet());
        }
        if (GatewaySection.present(run)) {
            GatewaySection.render(page, run, files.dir());
        }
        if (WorkloadSection.has(files)) {
            WorkloadSection.write(page, files, this::stageLabel);
        }
        ErrorsSection.write(page, results, stageNames.keySet(), this::shortStageLabel);
        SettingsSection.write(page, run);
        return page;
    }

    private String stageLabel(int stage) {
        String workload = stageNames.getOrDefault(stage, "");
        return "stage " + stage + (workload.isEmpty() ? "" : " (" + workload + ")");
    }

    /** For legends: {@code stage 1 (rate=20/s)}, without the arrival and limit details. */
    private String shortStageLabel(int stage) {
        String workload = stageNames.getOrDefault(stage, "");
        int space = workload.indexOf(' ');
        return "stage " + stage + (workload.isEmpty() ? "" : " (" + (space < 0 ? workload : workload.substring(0, space)) + ")");
    }

    private boolean staged() {
        return stageNames.size() > 1;
    }


    /** The summary rows of one metric, by stage. */
    static Map<Integer, SummaryRow> summaryOf(RunFolder files, String metric) {
        Map<Integer, SummaryRow> rows = new TreeMap<>();
        for (SummaryRow row : files.summary()) {
            if (row.metric().equals(metric)) {
                rows.put(row.stage(), row);
            }
        }
        return rows;
    }
}
