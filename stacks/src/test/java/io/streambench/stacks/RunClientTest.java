package io.streambench.stacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streambench.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code run --client NAME} with this module on the class path, as a user runs it. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RunClientTest {

    @Test
    void shouldRunTheEmbeddedMockThroughOkHttpAndSayWhichClientInRunJson(@TempDir Path out) throws Exception {
        int code = Main.execute("run", "--client", "okhttp", "--concurrency", "2", "--requests", "4",
                "--mock-profile", "instant", "--client-warmup", "0", "--out", out.toString());

        assertEquals(0, code);
        Path runJson;
        try (Stream<Path> files = Files.walk(out)) {
            runJson = files.filter(p -> p.getFileName().toString().equals("run.json")).findFirst().orElseThrow();
        }
        JsonNode run = new ObjectMapper().readTree(runJson.toFile());
        assertEquals("okhttp", run.findValue("client").findValue("stack").asText(), run::toString);
        assertTrue(run.toString().contains("\"succeeded\":4"), run::toString);
    }

    @Test
    void shouldRefuseAParserTheStackDoesNotUseInOneLine() {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int code;
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            code = Main.execute("run", "--client", "spring", "--parser", "lines-streaming", "--requests", "1");
        } finally {
            System.setErr(err);
        }
        assertEquals(2, code);
        assertEquals("streambench run: --parser does nothing with --client spring: it parses the stream with its own "
                + "parser (the stacks that take --parser: netty, jdk)", captured.toString(StandardCharsets.UTF_8).strip());
    }

    @Test
    void shouldRefuseAnApiTheStackDoesNotSpeakInOneLine() {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int code;
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            code = Main.execute("run", "--client", "openai", "--api", "messages", "--requests", "1");
        } finally {
            System.setErr(err);
        }
        assertEquals(2, code);
        assertEquals("streambench run: --client openai streams [chat] only, not --api messages",
                captured.toString(StandardCharsets.UTF_8).strip());
    }
}
