package io.streambench.report.folder;

import java.nio.file.Path;
import java.util.List;

/**
 * {@code timeline.csv}: one row per second of the run (and a shorter one where a stage ends). {@link #COLUMNS}
 * is the file's schema: header, cells and the table in reports/README.md; {@link #read} reads a file back into
 * the same rows.
 */
public final class TimelineCsv {

    /** The columns, in order. */
    public static final Columns<TimelineRow> COLUMNS = new Columns<>(List.of(
            new Column<>("elapsed_s", "s", "time since the run started, at the end of the interval",
                    r -> Csv.num(r.interval().elapsedSeconds(), 3)),
            new Column<>("stage", "", "stage number", r -> r.interval().stage()),
            new Column<>("interval_s", "s", "length of the interval (about 1)", r -> Csv.num(r.interval().seconds(), 3)),
            new Column<>("started", "", "requests begun", r -> r.tally().started()),
            new Column<>("done", "", "requests ended for good (success, final failure or cancel)", r -> r.tally().done()),
            new Column<>("ok", "", "of those, succeeded", r -> r.tally().ok()),
            new Column<>("failed", "", "of those, failed", r -> r.tally().failed()),
            new Column<>("errors", "", "failed attempts, retried ones included", r -> r.tally().errors()),
            new Column<>("retries", "", "retries scheduled", r -> r.tally().retries()),
            new Column<>("in_flight", "", "requests in flight at the end of the interval (including those waiting to "
                    + "retry)", r -> r.tally().inFlight()),
            new Column<>("tokens", "tokens", "output tokens that arrived in the interval, streams still in flight "
                    + "included: each content event adds its tokens as estimated from its text, and the exact count "
                    + "adds the difference: the usage chunk's as it arrives, else, when the attempt ends, the "
                    + "`--tokenizer` count of its text, at its last content event (so the column sums to the exact "
                    + "totals; a single second may be off by the estimator's error of a stream that straddles it)",
                    r -> r.tally().tokens()),
            new Column<>("tokens_per_s", "tokens/s", "`tokens / interval_s`", r -> Csv.num(r.tokensPerSecond(), 1)),
            new Column<>("heap_used_mb", "MiB", "JVM heap in use at the end of the interval",
                    r -> Csv.num(r.heapUsedMb(), 1)),
            new Column<>("epoch_ms", "ms since 1970-01-01 UTC", "wall-clock time at the end of the interval: lines up "
                    + "the timelines of drivers on several machines", r -> r.interval().epochMillis()),
            new Column<>("chunks", "", "content and tool-call events that arrived in the interval",
                    r -> r.tally().chunks()),
            new Column<>("bytes", "bytes", "response body bytes that arrived in the interval (HTTP chunk framing "
                    + "excluded)", r -> r.tally().bytes())));

    private TimelineCsv() {
    }

    /**
     * The rows of {@code file} in file order; empty when it is absent. Files written before {@code epoch_ms},
     * {@code chunks} and {@code bytes} existed read as -1, 0 and 0 there.
     */
    public static List<TimelineRow> read(Path file) {
        return CsvRows.read(file, TimelineCsv::row);
    }

    private static TimelineRow row(CsvRows c) {
        TimelineRow.Interval interval = new TimelineRow.Interval(c.integer("stage"), c.number("elapsed_s"),
                c.number("interval_s"), c.has("epoch_ms") ? c.whole("epoch_ms") : -1);
        // written before chunks and bytes were counted per second: none counted
        boolean arrivals = c.has("chunks") && c.has("bytes");
        TimelineRow.Tally tally = new TimelineRow.Tally(c.whole("started"), c.whole("done"), c.whole("ok"),
                c.whole("failed"), c.whole("errors"), c.whole("retries"), c.whole("in_flight"), c.whole("tokens"),
                arrivals ? c.whole("chunks") : 0, arrivals ? c.whole("bytes") : 0);
        return new TimelineRow(interval, tally, c.number("tokens_per_s"), c.number("heap_used_mb"));
    }
}
