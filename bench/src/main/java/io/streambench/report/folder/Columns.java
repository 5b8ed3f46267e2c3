package io.streambench.report.folder;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVPrinter;

/**
 * The columns of one CSV file, in order: the single place its header, its rows and its documentation table
 * come from.
 *
 * <pre>{@code
 * static final Columns<Row> COLUMNS = new Columns<>(List.of(
 *         new Column<>("stage", "", "stage number", Row::stage),
 *         new Column<>("ttft_ms", "ms", "send to the first token", r -> Csv.ms(r.ttft()))));
 * try (CsvOut<Row> out = COLUMNS.open(file)) {
 *     out.write(row);
 * }
 * String table = COLUMNS.markdown();   // the table in reports/README.md
 * }</pre>
 *
 * @param <R> the row type
 */
public final class Columns<R> {

    private final List<Column<R>> columns;
    private final List<String> names;
    private final Map<String, Integer> index = new HashMap<>();

    public Columns(List<Column<R>> columns) {
        this.columns = List.copyOf(columns);
        this.names = this.columns.stream().map(Column::name).toList();
        for (int i = 0; i < names.size(); i++) {
            if (index.put(names.get(i), i) != null) {
                throw new IllegalArgumentException("column " + names.get(i) + " twice");
            }
        }
    }

    /** Creates {@code file} (replacing it) with the header as its first line. */
    public CsvOut<R> open(Path file) {
        return new CsvOut<>(file, this);
    }

    /** The header, in order. */
    public List<String> names() {
        return names;
    }

    /** The columns, in order (to build another file's list from them). */
    List<Column<R>> list() {
        return columns;
    }

    /** The position of {@code name}; IllegalArgumentException for a name this file does not have. */
    public int indexOf(String name) {
        Integer i = index.get(name);
        if (i == null) {
            throw new IllegalArgumentException("no column " + name + " in " + names);
        }
        return i;
    }

    /** Writes {@code row} as one record; no array or list per row. */
    void print(CSVPrinter printer, R row) throws IOException {
        for (Column<R> column : columns) {
            printer.print(column.cell().apply(row));
        }
        printer.println();
    }

    /** The documentation table: {@code | column | unit | meaning |}, one row per column, each line ending in LF. */
    public String markdown() {
        StringBuilder table = new StringBuilder("| column | unit | meaning |\n|---|---|---|\n");
        for (Column<R> c : columns) {
            table.append("| `").append(c.name()).append("` | ").append(c.unit()).append(c.unit().isEmpty() ? "" : " ")
                    .append("| ").append(c.meaning()).append(" |\n");
        }
        return table.toString();
    }
}
