package io.streambench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streambench.driver.ErrorClass;
import io.streambench.driver.Metric;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The CSV columns the code writes are exactly the ones reports/README.md documents, in order. */
class ReportSchemaTest {

    private static List<String> documented(String heading, int table) throws IOException {
        Path readme = Path.of("..", "reports", "README.md");
        List<String> lines = Files.readAllLines(readme);
        int at = lines.indexOf(heading);
        List<String> names = new ArrayList<>();
        int tables = 0;
        boolean inTable = false;
        for (int i = at + 1; i < lines.size() && !lines.get(i).startsWith("### "); i++) {
            String line = lines.get(i);
            if (line.startsWith("|---")) {
                inTable = true;
                continue;
            }
            if (inTable && line.startsWith("| `")) {
                if (tables == table) {
                    names.add(line.substring(3, line.indexOf('`', 3)));
                }
            } else if (inTable) {
                inTable = false;
                tables++;
            }
        }
        return names;
    }

    @Test
    void shouldDocumentEveryRequestsColumnInOrder() throws IOException {
        assertEquals(RequestsCsv.COLUMNS, documented("### `requests.csv`", 0));
    }

    @Test
    void shouldDocumentEveryErrorClass() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("..", "reports", "README.md"));
        String column = lines.stream().filter(l -> l.startsWith("| `error_class` |")).findFirst().orElseThrow();
        String classes = String.join(" ", lines.subList(lines.indexOf(lines.stream()
                .filter(l -> l.startsWith("Error classes:")).findFirst().orElseThrow()), lines.size()));
        for (ErrorClass e : ErrorClass.values()) {
            assertTrue(column.contains("`" + e.label() + "`"), e.label() + " in the error_class column");
            assertTrue(classes.contains("`" + e.label() + "` "), e.label() + " explained under \"Error classes\"");
        }
    }

    @Test
    void shouldDocumentEverySummaryColumnAndMetric() throws IOException {
        assertEquals(SummaryCsv.COLUMNS, documented("### `summary.csv`", 0));
        assertEquals(Arrays.stream(Metric.values()).map(Metric::label).toList(), documented("### `summary.csv`", 1));
    }

    @Test
    void shouldDocumentEveryTimelineColumnInOrder() throws IOException {
        assertEquals(TimelineCsv.COLUMNS, documented("### `timeline.csv`", 0));
    }
}
