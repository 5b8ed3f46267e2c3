package io.streambench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streambench.driver.Metric;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The user-facing documents cite only documents the repository holds, and define every metric. */
class DocumentationTest {

    private static final Path ROOT = Path.of("..");
    private static final List<Path> DOCUMENTS = List.of(Path.of("README.md"), Path.of("reports", "README.md"),
            Path.of("docs", "metrics.md"), Path.of("docs", "measuring.md"));
    /** A Markdown file name, alone or in a relative path: {@code docs/metrics.md}, {@code README.md}. */
    private static final Pattern MARKDOWN_FILE = Pattern.compile("(?<![\\w/.-])((?:\\.\\./)?[\\w./-]*\\w\\.md)\\b");

    @Test
    void shouldCiteOnlyDocumentsThatAreInTheRepository() throws IOException {
        List<String> missing = new ArrayList<>();
        for (Path document : DOCUMENTS) {
            Path file = ROOT.resolve(document);
            assertTrue(Files.isRegularFile(file), () -> document + " is missing");
            Matcher m = MARKDOWN_FILE.matcher(Files.readString(file));
            while (m.find()) {
                String cited = m.group(1);
                if (cited.startsWith("http") || exists(file.getParent(), cited)) {
                    continue;
                }
                missing.add(document + " cites " + cited);
            }
        }
        assertEquals(List.of(), missing);
    }

    /** Relative to the citing document, or to the repository's root, as prose names them. */
    private static boolean exists(Path dir, String cited) {
        return Files.isRegularFile(dir.resolve(cited)) || Files.isRegularFile(ROOT.resolve(cited));
    }

    @Test
    void shouldDefineEveryMetricInTheMetricsDocument() throws IOException {
        String metrics = Files.readString(ROOT.resolve("docs").resolve("metrics.md"));
        List<String> undefined = Stream.of(Metric.values()).map(Metric::label)
                .filter(label -> !metrics.contains("| `" + label + "` |")).toList();
        assertEquals(List.of(), undefined);
        for (String rate : List.of("`requests_per_s`", "`tokens_per_s`", "`few_samples`", "measured window", "drain")) {
            assertTrue(metrics.contains(rate), rate);
        }
    }
}
