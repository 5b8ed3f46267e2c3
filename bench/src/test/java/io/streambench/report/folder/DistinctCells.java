package io.streambench.report.folder;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The check behind the per-file schema tests: a row written with a distinct value in every column reads back, by
 * column name, as worked out by hand. Two extractors swapped, or a reader that takes one column for another,
 * fail it; so does a new column without its expected cell.
 */
final class DistinctCells {

    private DistinctCells() {
    }

    /** Asserts that {@code file}'s single row reads {@code expected}, whose values are distinct and cover {@code columns}. */
    static void assertReadBack(Path file, Columns<?> columns, Map<String, String> expected) {
        assertEquals(expected.size(), new HashSet<>(expected.values()).size(), "the row's values are all distinct");
        assertEquals(List.copyOf(expected.keySet()), columns.names(), "every column has an expected cell");
        Map<String, String> read = onlyRow(file, columns.names());
        expected.forEach((name, value) -> assertEquals(value, read.get(name), name));
    }

    /** The cells of {@code file}'s single row, by name. */
    static Map<String, String> onlyRow(Path file, List<String> names) {
        List<Map<String, String>> rows = CsvRows.read(file, cells -> {
            Map<String, String> read = new LinkedHashMap<>();
            names.forEach(name -> read.put(name, cells.text(name)));
            return read;
        });
        assertEquals(1, rows.size(), file::toString);
        return rows.get(0);
    }
}
