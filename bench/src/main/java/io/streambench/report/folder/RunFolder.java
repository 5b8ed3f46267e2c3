package io.streambench.report.folder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.HdrHistogram.Histogram;

/**
 * A run folder read back: {@code run.json} as records, {@code summary.csv} and {@code timeline.csv} as rows,
 * {@code requests.csv} streamed, the {@code *.hlog} logs per stage. The one reader behind {@code report},
 * {@code compare} and {@code merge}. Damaged files are IllegalArgumentException with one line naming the file
 * (and the line); a missing CSV or log reads as empty (a run stopped early, a folder copied in part), except
 * {@code requests.csv}, which only a merge reads and needs.
 *
 * <pre>{@code
 * RunFolder run = RunFolder.open(Path.of("reports/20261124-101500-run"));
 * for (SummaryRow row : run.summary()) { ... }
 * }</pre>
 */
public final class RunFolder {

    public static final String RUN_JSON = "run.json";
    public static final String REQUESTS_CSV = "requests.csv";
    public static final String SUMMARY_CSV = "summary.csv";
    public static final String TIMELINE_CSV = "timeline.csv";
    public static final String TURNS_CSV = "turns.csv";

    private final Path dir;
    private final RunJson.Document json;
    private List<SummaryRow> summary;
    private List<TimelineRow> timeline;
    private List<TurnRow> turns;

    private RunFolder(Path dir, RunJson.Document json) {
        this.dir = dir;
        this.json = json;
    }

    /** Whether {@code dir} holds a run.json. */
    public static boolean isRunFolder(Path dir) {
        return Files.isRegularFile(dir.resolve(RUN_JSON));
    }

    /** Reads {@code dir/run.json}; the other files are read when asked for. */
    public static RunFolder open(Path dir) {
        if (!isRunFolder(dir)) {
            throw new IllegalArgumentException(dir + " is not a run folder (no " + RUN_JSON + ")");
        }
        return new RunFolder(dir, RunJson.read(dir.resolve(RUN_JSON)));
    }

    public Path dir() {
        return dir;
    }

    /** {@code run.json}: a {@link RunJson.Run} or a {@link RunJson.Merged}. */
    public RunJson.Document json() {
        return json;
    }

    /** {@code summary.csv}'s rows in file order. */
    public List<SummaryRow> summary() {
        if (summary == null) {
            summary = SummaryCsv.read(dir.resolve(SUMMARY_CSV));
        }
        return summary;
    }

    /** {@code timeline.csv}'s rows in file order. */
    public List<TimelineRow> timeline() {
        if (timeline == null) {
            timeline = TimelineCsv.read(dir.resolve(TIMELINE_CSV));
        }
        return timeline;
    }

    /** {@code turns.csv}'s rows in file order; empty for a run without conversations. */
    public List<TurnRow> turns() {
        if (turns == null) {
            turns = TurnsCsv.read(dir.resolve(TURNS_CSV));
        }
        return turns;
    }

    /** Whether the folder has {@code file} ({@code requests.csv}...). */
    public boolean has(String file) {
        return Files.isRegularFile(dir.resolve(file));
    }

    /**
     * Hands {@code requests.csv}'s records to {@code each}, streaming; IllegalArgumentException when its header is
     * not the one this version writes (its columns could not be moved and added to as they are).
     */
    public void requests(Consumer<CsvRows> each) {
        Path file = dir.resolve(REQUESTS_CSV);
        List<String> header = CsvRows.header(file);
        if (!header.equals(RequestsCsv.COLUMNS.names())) {
            throw new IllegalArgumentException(file + " has other columns than this version writes: " + header);
        }
        CsvRows.forEach(file, each);
    }

    /** The interval log of {@code metric} ({@code ttft.hlog}). */
    public Path hlog(String metric) {
        return dir.resolve(metric + ".hlog");
    }

    /** The {@code metric.hlog} log added up per stage (ns); empty when the log is absent. */
    public Map<Integer, Histogram> stageHistograms(String metric) {
        return StageHistograms.read(hlog(metric));
    }
}
