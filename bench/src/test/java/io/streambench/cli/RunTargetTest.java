package io.streambench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streambench.mock.MockServer;
import io.streambench.mock.MockServerConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code run --url} takes the base URL an OpenAI SDK takes, says where requests go and keeps it in run.json. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RunTargetTest {

    private static MockServer mock;

    @BeforeAll
    static void startMock() {
        mock = MockServer.start(MockServerConfig.defaults());
    }

    @AfterAll
    static void stopMock() {
        mock.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1", "/v1/", "/v1/chat/completions"})
    void shouldCompleteABaseUrlAsTheSdksDoAndPrintTheTarget(String path, @TempDir Path out) throws Exception {
        PrintStream saved = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            code = Main.execute("run", "--url", mock.baseUrl() + path, "--model", "instant", "--header",
                    "x-mock-output-tokens: 5", "--concurrency", "2", "--requests", "4", "--quiet", "--out",
                    out.toString());
        } finally {
            System.setOut(saved);
        }
        String console = captured.toString(StandardCharsets.UTF_8);
        String endpoint = mock.baseUrl() + "/v1/chat/completions";

        assertEquals(0, code, console);
        assertEquals("target: " + endpoint, console.lines().findFirst().orElse(""), console);
        try (Stream<Path> dirs = Files.list(out)) {
            Path dir = dirs.findFirst().orElseThrow();
            JsonNode json = new ObjectMapper().readTree(dir.resolve("run.json").toFile());
            assertEquals(endpoint, json.at("/config/target/url").asText());
            List<String> rows = Files.readAllLines(dir.resolve("requests.csv"));
            assertEquals(4, rows.stream().filter(r -> r.contains(",200,none,")).count(), String.join("\n", rows));
        }
    }
}
