package io.streambench.report.folder;

import java.util.Objects;
import java.util.function.Function;

/**
 * One CSV column: its name, unit and meaning (the documentation table's row) and how a row of type {@code R}
 * gives its cell. Adding a column to a file is adding one {@code Column} to its {@link Columns}; the header,
 * every row and reports/README.md's table follow.
 *
 * @param name    header name, {@code snake_case} with the unit as suffix where it has one ({@code ttft_ms})
 * @param unit    the unit as the README shows it, empty for none
 * @param meaning the README's description (Markdown)
 * @param cell    the cell of a row: a String, a number or a boolean, written as {@code String.valueOf}
 * @param <R>     the row type
 */
public record Column<R>(String name, String unit, String meaning, Function<? super R, ?> cell) {

    public Column {
        Objects.requireNonNull(cell, "cell");
        if (name == null || !name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("column name must be snake_case: " + name);
        }
        if (unit == null || meaning == null || meaning.isBlank() || meaning.contains("\n")) {
            throw new IllegalArgumentException("column " + name + ": a unit (may be empty) and a one-line meaning");
        }
    }
}
