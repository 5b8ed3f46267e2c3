package io.streambench.driver.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.streambench.report.folder.Columns;
import io.streambench.report.folder.ReadmeTables;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
        ReadmeTables.checkOrUpdate(heading, columns);
    }
}
