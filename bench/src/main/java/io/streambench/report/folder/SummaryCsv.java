package io.streambench.report.folder;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * {@code summary.csv}: one row per metric and stage, from the stage's whole histogram; {@code few_samples}
 * names the percentiles that rest on too few values ({@link FewSamples}). {@link #COLUMNS} is the file's
 * schema: header, cells and the table in reports/README.md; {@link #read} reads a file back into the same rows.
 */
public final class SummaryCsv {

    /** The columns, in order: the row's identity, then one per {@link Stat}, then the flags. */
    public static final Columns<SummaryRow> COLUMNS = new Columns<>(columns());

    private SummaryCsv() {
    }

    private static List<Column<SummaryRow>> columns() {
        List<Column<SummaryRow>> c = new ArrayList<>(List.of(
                new Column<>("stage", "", "stage number", SummaryRow::stage),
                new Column<>("workload", "", "`concurrency=N`, `rate=R/s poisson|constant max=M` or `trace max=M` (a replay); with `--turns`, concurrency and rate count sessions", SummaryRow::workload),
                new Column<>("metric", "", "one of the metrics below", SummaryRow::metric),
                new Column<>("unit", "", "`ms` or `tokens`; for the objectives' rows `share`, `requests/s` or "
                        + "`tokens/s`", SummaryRow::unit),
                new Column<>("count", "", "values recorded", SummaryRow::count)));
        for (Stat stat : Stat.values()) {
            c.add(new Column<>(stat.column(), "unit", stat.meaning(), r -> r.cell(stat)));
        }
        c.add(new Column<>("few_samples", "", "the percentile columns that rest on too few values, joined by `;` "
                + "(e.g. `p99;p999`), empty when none: pXX is flagged when fewer than " + FewSamples.VALUES_ABOVE
                + " values lie above it, i.e. `count < " + FewSamples.VALUES_ABOVE + " / (1 - p)` (p50 needs 20 values, "
                + "p90 100, p95 200, p99 1,000, p99.9 10,000). Such a figure is one of the few largest values of a "
                + "small sample (a p99 of 19 values is their maximum) and moves from run to run; the console and "
                + "`report.html` mark it with `*`", r -> Double.isNaN(r.get(Stat.P50)) ? "" : FewSamples.columns(r.count())));
        return c;
    }

    /** Writes every row (a metric without values has no row: leave it out). */
    public static void write(Path file, List<SummaryRow> rows) {
        try (CsvOut<SummaryRow> out = COLUMNS.open(file)) {
            rows.forEach(out::write);
        }
    }

    /** The rows of {@code file} in file order; empty when it is absent. */
    public static List<SummaryRow> read(Path file) {
        return CsvRows.read(file, SummaryCsv::row);
    }

    /** A row of summary.csv, or the summary part of a turns.csv row. */
    static SummaryRow row(CsvRows cells) {
        Map<Stat, Double> stats = new EnumMap<>(Stat.class);
        for (Stat stat : Stat.values()) {
            stats.put(stat, cells.number(stat.column()));
        }
        return new SummaryRow(cells.integer("stage"), cells.text("workload"), cells.text("metric"), cells.text("unit"),
                cells.whole("count"), stats);
    }
}
