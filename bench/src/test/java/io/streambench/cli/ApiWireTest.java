package io.streambench.cli;

import static io.streambench.cli.Cli.execute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.streambench.cli.Cli.Outcome;
import io.streambench.report.folder.RunFolder;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code run --api}: what goes on the wire for each API (the path its SDK calls from a base URL, the key in the
 * header the API takes, the body in its shape), the API inferred from a URL that names an endpoint, and a run of
 * each API against the embedded mock as a user starts it, with its URL kept in run.json.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ApiWireTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A variable set in every environment the tests run in, standing for an API key. */
    private static final String KEY_VARIABLE = "HOME";

    @TempDir
    Path dir;

    private HttpServer server;
    private final List<Map<String, List<String>>> headers = Collections.synchronizedList(new ArrayList<>());
    private final List<String> paths = Collections.synchronizedList(new ArrayList<>());
    private final List<JsonNode> bodies = Collections.synchronizedList(new ArrayList<>());

    /** A server that keeps each request and answers 400: what was sent is all these tests look at. */
    @BeforeEach
    void capture() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            paths.add(exchange.getRequestURI().toString());
            headers.add(exchange.getRequestHeaders());
            bodies.add(JSON.readTree(exchange.getRequestBody()));
            byte[] answer = "{\"error\":{\"message\":\"captured\"}}".getBytes();
            exchange.sendResponseHeaders(400, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private Outcome run(String... args) {
        List<String> all = new ArrayList<>(List.of("run", "--quiet", "--requests", "1", "--concurrency", "1",
                "--retries", "0", "--client-warmup", "0", "--model", "m", "--api-key-env", KEY_VARIABLE, "--out",
                dir.resolve("out").toString()));
        all.addAll(List.of(args));
        return execute(all.toArray(String[]::new));
    }

    private String header(String name) {
        assertEquals(1, headers.size(), headers::toString);
        List<String> values = headers.get(0).get(name);
        return values == null ? null : String.join(",", values);
    }

    @ParameterizedTest
    @CsvSource({
        // --url as given to the API's SDK, --api, the path sent, the header holding the key, the prompt's field
        "/v1,             chat,        /v1/chat/completions,                                 authorization,  messages",
        "/v1,             completions, /v1/completions,                                      authorization,  prompt",
        "/v1,             responses,   /v1/responses,                                        authorization,  input",
        "'',              messages,    /v1/messages,                                         x-api-key,      messages",
        "'',              gemini,      /v1beta/models/m:streamGenerateContent?alt=sse,      x-goog-api-key, contents",
        // a URL naming an endpoint names the API too
        "/v1/messages,    '',          /v1/messages,                                         x-api-key,      messages",
        "/v1beta/models/m:streamGenerateContent?alt=sse, '', /v1beta/models/m:streamGenerateContent?alt=sse, x-goog-api-key, contents",
        "/v1/responses,   '',          /v1/responses,                                        authorization,  input"})
    void shouldSendEachApiItsPathKeyAndBody(String urlPath, String api, String path, String keyHeader, String prompt)
            throws IOException {
        List<String> args = new ArrayList<>(List.of("--url", base() + urlPath));
        if (!api.isEmpty()) {
            args.addAll(List.of("--api", api));
        }
        Outcome o = run(args.toArray(String[]::new));

        assertEquals(1, o.code(), () -> "every request got the capture's 400: " + o);
        assertEquals(List.of(path), paths);
        String key = System.getenv(KEY_VARIABLE);
        assertEquals(keyHeader.equals("authorization") ? "Bearer " + key : key, header(keyHeader));
        if (!keyHeader.equals("authorization")) {
            assertNull(header("authorization"), "the key only where the API takes it");
        }
        assertEquals(keyHeader.equals("x-api-key") ? "2023-06-01" : null, header("anthropic-version"));
        JsonNode body = bodies.get(0);
        assertTrue(body.has(prompt), body::toString);
        JsonNode run = JSON.readTree(RunFolders.only(dir.resolve("out")).resolve(RunFolder.RUN_JSON).toFile());
        assertEquals(base() + path, run.at("/config/target/url").asText());
        String expectedApi = api.isEmpty() ? switch (prompt) {
            case "contents" -> "gemini";
            case "input" -> "responses";
            default -> "messages";
        } : api;
        assertEquals(expectedApi, run.at("/config/target/api").asText());
    }

    @Test
    void shouldWriteEachApisLimitToolsAndReasoningUnderItsOwnNames() throws IOException {
        Path tools = Files.writeString(dir.resolve("tools.json"), "[{\"type\": \"function\", \"function\": {\"name\": "
                + "\"get_weather\", \"parameters\": {\"type\": \"object\", \"properties\": {\"city\": {\"type\": "
                + "\"string\"}}}}}]");

        Outcome o = run("--url", base(), "--api", "messages", "--tools", tools.toString(), "--reasoning-budget",
                "2048", "--max-tokens", "4000", "--prompt", "Hi");

        assertEquals(1, o.code(), o::toString);
        JsonNode body = bodies.get(0);
        assertEquals(4000, body.get("max_tokens").asInt(), body::toString);
        assertEquals("get_weather", body.at("/tools/0/name").asText(), body::toString);
        assertEquals("object", body.at("/tools/0/input_schema/type").asText(), body::toString);
        assertEquals("enabled", body.at("/thinking/type").asText(), body::toString);
        assertEquals(2048, body.at("/thinking/budget_tokens").asInt(), body::toString);
        assertEquals("Hi", body.at("/messages/0/content").asText(), body::toString);
        assertTrue(body.get("stream").asBoolean(), body::toString);
    }

    @ParameterizedTest
    // chat and completions run against the mock in many other tests (and ApiRoutesTest drives every route)
    @CsvSource({"responses, /v1/responses, response.usage:output_tokens",
        "messages, /v1/messages, message_delta.usage:output_tokens",
        "gemini, /v1beta/models/instant:streamGenerateContent?alt=sse, usageMetadata:candidatesTokenCount+thoughtsTokenCount"})
    void shouldRunEachApiAgainstTheEmbeddedMock(String api, String path, String tokenSource) throws IOException {
        Path out = dir.resolve("embedded");
        Outcome o = execute("run", "--api", api, "--mock-profile", "instant", "--requests", "2", "--concurrency", "2",
                "--client-warmup", "8", "--quiet", "--out", out.toString());

        assertEquals(0, o.code(), o::toString);
        Path run = RunFolders.only(out);
        for (Map<String, String> row : RunFolders.requests(run)) {
            assertEquals("none", row.get("error_class"), row::toString);
            assertEquals(tokenSource, row.get("token_source"), row::toString);
        }
        JsonNode json = JSON.readTree(run.resolve(RunFolder.RUN_JSON).toFile());
        assertEquals(api, json.at("/config/target/api").asText());
        assertTrue(json.at("/config/target/url").asText().endsWith(path), json::toString);
    }
}
