package io.streambench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.streambench.report.folder.CsvRows;
import io.streambench.report.folder.RequestsCsv;
import io.streambench.report.folder.RunFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Reads back what a test's run wrote under its {@code --out} folder. */
final class RunFolders {

    private RunFolders() {
    }

    /** The one run folder under {@code out}. */
    static Path only(Path out) {
        try (Stream<Path> dirs = Files.list(out)) {
            List<Path> all = dirs.toList();
            assertEquals(1, all.size(), all::toString);
            return all.get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** requests.csv's rows, each by column name. */
    static List<Map<String, String>> requests(Path run) {
        List<Map<String, String>> rows = new ArrayList<>();
        RunFolder.open(run).requests((CsvRows cells) -> {
            Map<String, String> row = new LinkedHashMap<>();
            for (String column : RequestsCsv.COLUMNS.names()) {
                row.put(column, cells.text(column));
            }
            rows.add(row);
        });
        return rows;
    }
}
