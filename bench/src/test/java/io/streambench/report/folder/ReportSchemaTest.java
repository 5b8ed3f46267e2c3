package io.streambench.report.folder;

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

/**
 * reports/README.md's column tables are the ones the column lists produce, character for character. When a
 * column list changes, regenerate the tables with
 * {@code mvn -B -pl bench -am verify -Dtest=ReportSchemaTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dstreambench.updateReadme=true}, then review the README's diff.
 */
class ReportSchemaTest {

    private static final Path README = ReadmeTables.README;

    private static int[] table(List<String> lines, String heading) {
        return ReadmeTables.table(lines, heading);
    }

    private static void checkOrUpdate(String heading, Columns<?> columns) throws IOException {
        ReadmeTables.checkOrUpdate(heading, columns);
    }

    @Test
    void shouldDocumentTheRequestsColumnsAsTheColumnListHasThem() throws IOException {
        checkOrUpdate("### `requests.csv`", RequestsCsv.COLUMNS);
    }

    @Test
    void shouldDocumentTheSummaryColumnsAsTheColumnListHasThem() throws IOException {
        checkOrUpdate("### `summary.csv`", SummaryCsv.COLUMNS);
    }

    @Test
    void shouldDocumentTheTimelineColumnsAsTheColumnListHasThem() throws IOException {
        checkOrUpdate("### `timeline.csv`", TimelineCsv.COLUMNS);
    }

    @Test
    void shouldDocumentTheTurnsColumnsAsTheColumnListHasThem() throws IOException {
        checkOrUpdate("### `turns.csv`", TurnsCsv.COLUMNS);
    }

    @Test
    void shouldExplainEveryErrorClass() throws IOException {
        List<String> lines = Files.readAllLines(README);
        String classes = String.join(" ", lines.subList(lines.indexOf(lines.stream()
                .filter(l -> l.startsWith("Error classes:")).findFirst().orElseThrow()), lines.size()));
        for (ErrorClass e : ErrorClass.values()) {
            assertTrue(classes.contains("`" + e.label() + "` "), e.label() + " explained under \"Error classes\"");
        }
    }

    @Test
    void shouldDocumentEveryMetric() throws IOException {
        List<String> lines = Files.readAllLines(README);
        int[] columns = table(lines, "### `summary.csv`");
        List<String> metrics = new ArrayList<>();
        int i = columns[1];
        while (i < lines.size() && !lines.get(i).startsWith("|")) {
            i++;
        }
        for (; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            if (lines.get(i).startsWith("| `")) {
                metrics.add(lines.get(i).substring(3, lines.get(i).indexOf('`', 3)));
            }
        }
        assertEquals(Arrays.stream(Metric.values()).map(Metric::label).toList(), metrics);
    }
}
