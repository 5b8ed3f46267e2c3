package io.streambench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.streambench.mock.MockServer;
import io.streambench.mock.MockServerConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A run pointed at the wrong place stops after its first requests, says why in one line, and never floods. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FailFastCommandTest {

    private static MockServer mock;

    @BeforeAll
    static void startMock() {
        mock = MockServer.start(MockServerConfig.defaults());
    }

    @AfterAll
    static void stopMock() {
        mock.close();
    }

    /** What {@code streambench run} printed and returned, and how long it took. */
    record Run(int code, String out, long tookMillis, Path dir) {

        List<String> stopLines() {
            return out.lines().filter(l -> l.startsWith("stopping:")).toList();
        }
    }

    private static Run run(Path out, String... args) throws IOException {
        PrintStream saved = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int code;
        long start = System.nanoTime();
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            code = Main.execute(Stream.concat(Stream.of(args), Stream.of("--quiet", "--out", out.toString()))
                    .toArray(String[]::new));
        } finally {
            System.setOut(saved);
        }
        long took = (System.nanoTime() - start) / 1_000_000;
        Path dir;
        try (Stream<Path> dirs = Files.list(out)) {
            dir = dirs.findFirst().orElse(null);
        }
        return new Run(code, captured.toString(StandardCharsets.UTF_8), took, dir);
    }

    @Test
    void shouldStopAfterTheFirstTenRequestsFailWithTheSame404AndSayWhyInOneLine(@TempDir Path out) throws Exception {
        Run r = run(out, "run", "--url", mock.baseUrl() + "/v2/chat/completions", "--model", "paced", "--concurrency", "2",
                "--duration", "30s");

        assertEquals(1, r.code(), r::out);
        assertEquals(List.of("stopping: the first 10 requests failed, all HTTP 404 \"Unknown request URL: POST "
                + "/v2/chat/completions. Please check the URL for typos.\" (is --url the chat completions URL?)"), r.stopLines(),
                r::out);
        assertTrue(r.tookMillis() < 15_000, "took " + r.tookMillis() + " ms of a 30 s run");
        // Everything measured so far is written, as on Ctrl-C.
        List<String> rows = Files.readAllLines(r.dir().resolve("requests.csv"));
        assertTrue(rows.size() - 1 >= 10 && rows.size() - 1 <= 12, "attempts: " + (rows.size() - 1));
        assertTrue(Files.size(r.dir().resolve("report.html")) > 0);
        JsonNode json = new ObjectMapper().readTree(r.dir().resolve("run.json").toFile());
        assertEquals("failed", json.path("status").asText(), json::toString);
        assertEquals(404, json.at("/early_stop/status").asInt(), json::toString);
        assertEquals(10, json.at("/config/fail_fast").asInt(), json::toString);
    }

    @Test
    void shouldShowTheMostFrequentMessagesPerErrorClassInTheConsoleRunJsonAndHtml(@TempDir Path out)
            throws Exception {
        Run r = run(out, "run", "--url", mock.baseUrl() + "/v2/chat/completions", "--model", "paced", "--concurrency", "1",
                "--requests", "3", "--fail-fast", "0");

        String message = "HTTP 404 \"Unknown request URL: POST /v2/chat/completions. Please check the URL for typos.\"";
        assertTrue(r.out().lines().anyMatch(l -> l.matches("\\s+http_status\\s+3\\s+\\Q" + message + "\\E")), r::out);
        JsonNode top = new ObjectMapper().readTree(r.dir().resolve("run.json").toFile())
                .at("/results/stages/0/error_messages/http_status");
        assertEquals(message, top.at("/messages/0/message").asText(), top::toString);
        assertEquals(3, top.at("/messages/0/count").asInt(), top::toString);
        assertEquals(0, top.path("other").asInt(), top::toString);
        String html = Files.readString(r.dir().resolve("report.html"));
        assertTrue(html.contains("Unknown request URL: POST /v2/chat/completions"), "message in report.html");
    }

    @Test
    void shouldWaitBetweenFailedRequestsWhenFailFastIsOff(@TempDir Path out) throws Exception {
        // Today's driver sent thousands of 404s in 2 s; each stream now waits 200 ms, 400 ms, 800 ms...
        Run r = run(out, "run", "--url", mock.baseUrl() + "/v2/chat/completions", "--model", "paced", "--concurrency", "2",
                "--duration", "2s", "--fail-fast", "0", "--backoff", "200ms", "--max-backoff", "1s");

        assertEquals(1, r.code(), r::out);
        assertTrue(r.stopLines().isEmpty(), r::out);
        long attempts = Files.readAllLines(r.dir().resolve("requests.csv")).size() - 1;
        // Per stream at most 4 in 2 s: sends at 0 and after waits of at least 150, 300 and 600 ms.
        assertTrue(attempts >= 2 && attempts <= 10, "attempts: " + attempts);
    }

    @Test
    void shouldSayInTheStopLineThatAnHttpsUrlPointsAtAPlainHttpPort(@TempDir Path out) throws Exception {
        Run r = run(out, "run", "--url", mock.baseUrl().replace("http://", "https://") + "/v1/chat/completions",
                "--model", "paced", "--concurrency", "2", "--duration", "30s");

        assertEquals(1, r.code(), r::out);
        assertEquals(1, r.stopLines().size(), r::out);
        String line = r.stopLines().get(0);
        assertTrue(line.startsWith("stopping: the first 10 requests failed, all in the TLS handshake: the server "
                + "answered in plain HTTP (HTTP/1.1 400"), line);
        assertTrue(line.endsWith("(the port speaks plain http: use http:// in --url)"), line);
        assertFalse(r.out().contains("not an SSL/TLS record"), r::out);
    }

    @Test
    void shouldStopWhenTheServerRefusesEveryConnection(@TempDir Path out) throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        Run r = run(out, "run", "--url", "http://127.0.0.1:" + port + "/v1/chat/completions", "--model", "paced",
                "--concurrency", "2", "--duration", "30s", "--backoff", "20ms");

        assertEquals(List.of("stopping: the first 10 requests failed, all with connection refused by 127.0.0.1:" + port
                + " (is the server up, and is the port in --url right?)"), r.stopLines(), r::out);
    }

    @Test
    void shouldStopWhenEveryAnswerIsA200ThatIsNotAnEventStream(@TempDir Path out) throws Exception {
        HttpServer json = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        json.createContext("/", exchange -> {
            byte[] body = "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().set("content-type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        json.start();
        try {
            Run r = run(out, "run", "--url", "http://127.0.0.1:" + json.getAddress().getPort() + "/v1/chat/completions",
                    "--model", "m", "--concurrency", "2", "--duration", "30s");

            assertEquals(List.of("stopping: the first 10 requests failed, all HTTP 200 application/json, not "
                    + "text/event-stream (the server did not stream: is --url the chat completions URL?)"),
                    r.stopLines(), r::out);
        } finally {
            json.stop(0);
        }
    }

    @Test
    void shouldRefuseANegativeFailFastCount(@TempDir Path out) {
        Cli.Outcome o = Cli.execute("run", "--fail-fast", "-1", "--requests", "1", "--out", out.toString());

        assertEquals(2, o.code(), o::toString);
        assertEquals(List.of("streambench run: --fail-fast must be >= 0 (0 turns it off), got -1"), o.err().strip().lines().toList());
    }
}
