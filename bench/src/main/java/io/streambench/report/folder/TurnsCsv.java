package io.streambench.report.folder;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code turns.csv}: a conversation run's figures per turn, one row per stage, turn and metric, with the columns
 * of {@code summary.csv} and a {@code turn} column after {@code workload}. Written for runs with {@code --turns}
 * only.
 */
public final class TurnsCsv {

    /** summary.csv's columns with the turn after the workload. */
    public static final Columns<TurnRow> COLUMNS = new Columns<>(columns());

    private TurnsCsv() {
    }

    private static List<Column<TurnRow>> columns() {
        List<Column<TurnRow>> c = new ArrayList<>();
        for (Column<SummaryRow> column : SummaryCsv.COLUMNS.list()) {
            c.add(new Column<>(column.name(), column.unit(), column.meaning(),
                    r -> column.cell().apply(r.summary())));
            if (column.name().equals("workload")) {
                c.add(new Column<>("turn", "", "the turn, from 1; the last row pools the turns from there on ("
                        + "`16+`)", TurnRow::turn));
            }
        }
        return c;
    }

    /** Writes every row. */
    public static void write(Path file, List<TurnRow> rows) {
        try (CsvOut<TurnRow> out = COLUMNS.open(file)) {
            rows.forEach(out::write);
        }
    }

    /** The rows of {@code file} in file order; empty when it is absent. */
    public static List<TurnRow> read(Path file) {
        return CsvRows.read(file, cells -> new TurnRow(cells.text("turn"), SummaryCsv.row(cells)));
    }
}
