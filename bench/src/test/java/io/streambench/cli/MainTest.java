package io.streambench.cli;

import static io.streambench.cli.Cli.execute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streambench.cli.Cli.Outcome;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MainTest {



    @ParameterizedTest
    @ValueSource(strings = {"run --concurrency 0", "run --duration 10x", "run --rate 5 --concurrency 2",
        "run --parser nope", "run --url http://127.0.0.1:9/v1/chat/completions", "run --arrival sometimes --rate 3",
        "run --header novalue", "run --requests -1", "run --name a/b", "run --mock-profile nosuch --requests 1 --quiet",
        "run --retries -1", "run --idle-timeout 0", "run --bogus", "run --client-warmup -1", "nosuchcommand", ""})
    void shouldExitWithTwoAndOneLineOnBadInput(String line, @TempDir Path out) {
        String[] args = line.isEmpty() ? new String[0]
                : Stream.concat(Stream.of(line.split(" ")), line.startsWith("run") ? Stream.of("--out", out.toString())
                        : Stream.empty()).toArray(String[]::new);
        Outcome o = execute(args);

        assertEquals(2, o.code(), () -> line + " -> " + o);
        assertEquals(1, o.err().strip().lines().count(), () -> line + " -> " + o.err());
    }

    @Test
    void shouldDocumentEveryRunOptionWithItsUnitInHelp() {
        PrintStream savedErr = System.err;
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        Outcome o;
        try {
            System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
            o = execute("run", "--help");
        } finally {
            System.setErr(savedErr);
        }

        assertEquals(0, o.code());
        assertEquals("", warnings.toString(StandardCharsets.UTF_8), "picocli warnings");
        CommandLine run = new CommandLine(new Main()).getSubcommands().get("run");
        for (CommandLine.Model.OptionSpec option : run.getCommandSpec().options()) {
            String shown = option.negatable() ? "--[no-]" + option.longestName().substring(2) : option.longestName();
            assertTrue(o.out().contains(shown), shown);
            assertTrue(option.description().length > 0 && !option.description()[0].isBlank(), option.longestName());
        }
        for (String unit : List.of("--ttft-ms", "--itl-ms", "DURATION", "500ms, 10s", "per second", "CHARS")) {
            assertTrue(o.out().contains(unit), unit);
        }
    }

    @Test
    void shouldOfferTheMockServerAsASubcommand() {
        Outcome o = execute("mock", "--help");

        assertEquals(0, o.code());
        assertTrue(o.out().contains("--port"));
    }

    @Test
    void shouldRunAShortLoadAgainstTheEmbeddedMockAndPrintTheReportPath(@TempDir Path out) throws Exception {
        PrintStream saved = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            code = Main.execute("run", "--mock-profile", "paced", "--output-tokens", "10", "--itl-ms", "5",
                    "--concurrency", "2", "--requests", "4", "--quiet", "--out", out.toString(), "--name", "cli");
        } finally {
            System.setOut(saved);
        }
        String text = captured.toString(StandardCharsets.UTF_8);

        assertEquals(0, code, text);
        assertTrue(text.contains("report: "), text);
        try (Stream<Path> dirs = Files.list(out)) {
            Path dir = dirs.findFirst().orElseThrow();
            assertTrue(dir.getFileName().toString().endsWith("-cli"));
            for (String file : List.of("run.json", "requests.csv", "summary.csv", "timeline.csv", "ttft.hlog")) {
                assertTrue(Files.size(dir.resolve(file)) > 0, file);
            }
            assertEquals(5, Files.readAllLines(dir.resolve("requests.csv")).size());
        }
    }
}
