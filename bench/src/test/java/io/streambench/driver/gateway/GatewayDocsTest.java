package io.streambench.driver.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streambench.report.folder.Columns;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The gateway's figures and files are defined where users look: its metrics in docs/metrics.md, its files in
 * reports/README.md, whose two column tables are the ones the column lists produce (as ReportSchemaTest checks
 * the others; {@code -Dstreambench.updateReadme=true} rewrites them).
 */
class GatewayDocsTest {

    private static final Path ROOT = Path.of("..");
    private static final Path README = ROOT.resolve("reports").resolve("README.md");
    private static final boolean UPDATE = Boolean.getBoolean("streambench.updateReadme");

    @Test
    void shouldDefineEveryGatewayMetricAndNameEveryHlog() throws IOException {
        String metrics = Files.readString(ROOT.resolve("docs").resolve("metrics.md"));
        assertEquals(List.of(), Stream.of(GatewayMetric.values()).map(GatewayMetric::label)
                .filter(label -> !metrics.contains("| `" + label + "` |")).toList(), "undefined in docs/metrics.md");
        String reports = Files.readString(README);
        assertEquals(List.of(), Stream.of(GatewayMetric.values()).map(GatewayMetric::file)
                .filter(file -> !reports.contains(file)).toList(), "hlogs undocumented in reports/README.md");
    }

    @Test
    void shouldDocumentTheGatewayColumnsAsTheColumnListsHaveThem() throws IOException {
        checkOrUpdate("#### `gateway.csv`", GatewayFiles.REQUESTS_COLUMNS);
        checkOrUpdate("#### `gateway_summary.csv`", GatewayFiles.SUMMARY_COLUMNS);
    }

    private static void checkOrUpdate(String heading, Columns<?> columns) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(README, StandardCharsets.UTF_8));
        int at = lines.indexOf(heading);
        assertTrue(at >= 0, heading + " in " + README);
        int start = at + 1;
        while (start < lines.size() && !lines.get(start).startsWith("|")) {
            assertTrue(!lines.get(start).startsWith("#"), "a table under " + heading);
            start++;
        }
        int end = start;
        while (end < lines.size() && lines.get(end).startsWith("|")) {
            end++;
        }
        List<String> generated = columns.markdown().lines().toList();
        List<String> documented = lines.subList(start, end);
        if (UPDATE && !documented.equals(generated)) {
            documented.clear();
            documented.addAll(generated);
            Files.writeString(README, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
            return;
        }
        assertEquals(String.join("\n", generated), String.join("\n", documented), () -> README + ": the table under "
                + heading + " differs from the column list; regenerate it with -Dstreambench.updateReadme=true");
    }
}
