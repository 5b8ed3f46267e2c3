package io.streambench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The mock's internal packages ({@code internal} under {@code io.streambench.mock}) may change in any release;
 * only its API packages (see mock-server/api/mock-server.api) are for the modules that use it. Main sources of
 * bench, stacks, testkit and the examples name no internal type; bench's tests may, as OkHttp's own tests do,
 * but only the files listed in {@link #TESTS_ALLOWED}. Read from the sources, relative to the bench module's
 * directory (where the tests run).
 */
class MockInternalsTest {

    /** Split so that this file does not name the packages it looks for. */
    private static final String INTERNAL = "io.streambench.mock." + "internal";
    private static final List<Path> MAIN_SOURCES = List.of(Path.of("src", "main", "java"),
            Path.of("..", "stacks", "src", "main", "java"), Path.of("..", "testkit", "src", "main", "java"),
            Path.of("..", "examples", "custom-parser", "src", "main", "java"));
    /**
     * Bench tests that drive the mock's internals directly, each for a reason no API gives: GoodputTest draws each
     * request's plan with the mock's own code to know, before the run, which requests meet the objectives.
     */
    private static final Set<String> TESTS_ALLOWED = Set.of("io/streambench/driver/GoodputTest.java");

    @Test
    void shouldUseNoMockInternalTypeInMainSources() throws IOException {
        List<String> uses = new ArrayList<>();
        for (Path root : MAIN_SOURCES) {
            assertTrue(Files.isDirectory(root), root.toAbsolutePath().normalize() + " is a source folder");
            uses.addAll(internalUses(root));
        }
        assertEquals("", String.join("\n", uses), "main sources that use the mock's internal packages");
    }

    @Test
    void shouldUseMockInternalsOnlyInTheTestsAllowed() throws IOException {
        Path root = Path.of("src", "test", "java");
        Set<String> using = new TreeSet<>();
        for (String use : internalUses(root)) {
            using.add(root.relativize(Path.of(use.substring(0, use.indexOf(':')))).toString().replace('\\', '/'));
        }
        assertEquals(new TreeSet<>(TESTS_ALLOWED), using,
                "bench tests that use the mock's internal packages (list a new one here only with its reason)");
    }

    /** {@code file:line: text} of every line under {@code root} that names an internal package. */
    private static List<String> internalUses(Path root) throws IOException {
        List<String> uses = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    if (lines.get(i).contains(INTERNAL)) {
                        uses.add(file + ":" + (i + 1) + ": " + lines.get(i).strip());
                    }
                }
            }
        }
        return uses;
    }
}
