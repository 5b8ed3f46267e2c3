package io.streambench.report.folder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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

    /**
     * Asserts that {@code file}'s single row reads as the test resource {@code expected} says (lines {@code column =
     * cell}, {@code #} for comments), whose cells are distinct and cover {@code columns}.
     */
    static void assertReadBack(Path file, Columns<?> columns, String expectedResource) {
        Map<String, String> expected = expected(expectedResource);
        assertEquals(expected.size(), new HashSet<>(expected.values()).size(), "the row's values are all distinct");
        assertEquals(List.copyOf(expected.keySet()), columns.names(), "every column has an expected cell");
        Map<String, String> read = onlyRow(file, columns.names());
        expected.forEach((name, value) -> assertEquals(value, read.get(name), name));
    }

    private static Map<String, String> expected(String resource) {
        Map<String, String> cells = new LinkedHashMap<>();
        try (InputStream in = DistinctCells.class.getResourceAsStream(resource)) {
            assertNotNull(in, resource);
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                int eq = line.indexOf(" = ");
                if (!line.startsWith("#") && eq > 0) {
                    cells.put(line.substring(0, eq), line.substring(eq + 3));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cells;
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
