package io.streambench.report.folder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The column tables of reports/README.md against the column lists that make the files: checked character for
 * character, or rewritten with {@code -Dstreambench.updateReadme=true} (see ReportSchemaTest's javadoc). For the
 * schema tests of every run file, here and in other packages.
 */
public final class ReadmeTables {

    /** reports/README.md, from the bench module's directory (where the tests run). */
    public static final Path README = Path.of("..", "reports", "README.md");
    private static final boolean UPDATE = Boolean.getBoolean("streambench.updateReadme");

    private ReadmeTables() {
    }

    /** The lines of the first table after {@code heading}: from its {@code | column |} line to its last row. */
    static int[] table(List<String> lines, String heading) {
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
        return new int[] {start, end};
    }

    /** Asserts that the table under {@code heading} is {@code columns}' own, or rewrites it when asked to. */
    public static void checkOrUpdate(String heading, Columns<?> columns) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(README, StandardCharsets.UTF_8));
        int[] span = table(lines, heading);
        List<String> generated = columns.markdown().lines().toList();
        List<String> documented = lines.subList(span[0], span[1]);
        if (UPDATE && !documented.equals(generated)) {
            documented.clear();
            documented.addAll(generated);
            Files.writeString(README, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
            return;
        }
        assertEquals(String.join("\n", generated), String.join("\n", documented), () -> README + ": the table under "
                + heading + " differs from the column list; regenerate it with -Dstreambench.updateReadme=true "
                + "(see ReportSchemaTest's javadoc)");
    }
}
