package io.streambench.mock;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The mock's public API (its packages but {@code internal}) against {@code api/mock-server.api}, as OkHttp's
 * binary-compatibility-validator keeps {@code okhttp.api}: a change to the API shows in review as a change of that
 * file. When the change is meant, rewrite the file with {@code -Dstreambench.updateApi=true}
 * ({@code mvn -B -pl mock-server verify -Dtest=ApiDumpTest -Dstreambench.updateApi=true}) and review its diff.
 */
class ApiDumpTest {

    /** From the mock-server module's directory, where the tests run. */
    private static final Path API_FILE = Path.of("api", "mock-server.api");
    private static final String INTERNAL = "io.streambench.mock.internal.";
    private static final boolean UPDATE = Boolean.getBoolean("streambench.updateApi");

    @Test
    void shouldMatchTheApiFile() throws IOException, URISyntaxException {
        Path classes = Path.of(MockServer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> compiled = ApiSignatures.of(classes);
        if (UPDATE) {
            Files.createDirectories(API_FILE.getParent());
            Files.writeString(API_FILE, String.join("\n", compiled) + "\n", StandardCharsets.UTF_8);
            return;
        }
        assertTrue(Files.exists(API_FILE),
                API_FILE.toAbsolutePath() + " exists (-Dstreambench.updateApi=true writes it)");
        List<String> recorded = Files.readAllLines(API_FILE, StandardCharsets.UTF_8);
        if (!recorded.equals(compiled)) {
            fail("the compiled API differs from " + API_FILE + " (- in the file, + compiled); if the change is meant, "
                    + "rewrite the file with -Dstreambench.updateApi=true and review its diff:\n"
                    + String.join("\n", diff(recorded, compiled)));
        }
    }

    /**
     * No public or protected member of an API type names an internal type: a user could otherwise reach the
     * implementation through the API, and every internal change would become an API change. Checked on the
     * compiled API, which the test above keeps equal to the api file.
     */
    @Test
    void shouldNameNoInternalType() throws IOException, URISyntaxException {
        Path classes = Path.of(MockServer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> leaks = new ArrayList<>();
        String type = "";
        for (String line : ApiSignatures.of(classes)) {
            if (line.endsWith(" {")) {
                type = line;
            }
            if (line.contains(INTERNAL)) {
                leaks.add(line.equals(type) ? line : type + "\n    " + line.strip());
            }
        }
        assertTrue(leaks.isEmpty(), leaks.size() + " line(s) of the API name " + INTERNAL + ":\n"
                + String.join("\n", leaks));
    }

    /** The lines that differ, with the type each is in, from a longest common subsequence of the two. */
    static List<String> diff(List<String> before, List<String> after) {
        int n = before.size();
        int m = after.size();
        int[][] common = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                common[i][j] = before.get(i).equals(after.get(j))
                        ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<String> out = new ArrayList<>();
        String type = "";
        String shownType = null;
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            String line;
            char mark;
            if (i < n && j < m && before.get(i).equals(after.get(j))) {
                line = before.get(i++);
                j++;
                mark = ' ';
            } else if (j < m && (i == n || common[i][j + 1] >= common[i + 1][j])) {
                line = after.get(j++);
                mark = '+';
            } else {
                line = before.get(i++);
                mark = '-';
            }
            if (line.endsWith(" {")) {
                type = line;
            }
            if (mark != ' ') {
                if (!type.equals(shownType) && !line.equals(type)) {
                    out.add("  " + type);
                }
                shownType = type;
                out.add(mark + " " + line);
            }
        }
        return out;
    }
}
