package io.streambench.mock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streambench.mock.profile.ProfileLoader;
import io.streambench.mock.testing.LeakTracking;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What a raw client sees on {@code POST /v1/messages}, checked against docs/wire-formats.md (Anthropic Messages). */
@ExtendWith(LeakTracking.class)
class MessagesWireTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String USER = "\"messages\":[{\"role\":\"user\",\"content\":\"Say hello\"}]";
    static final String TOOLS = "\"tools\":["
            + "{\"name\":\"get_weather\",\"description\":\"Weather\",\"input_schema\":{\"type\":\"object\","
            + "\"properties\":{\"city\":{\"type\":\"string\"},\"unit\":{\"type\":\"string\",\"enum\":[\"c\",\"f\"]}},"
            + "\"required\":[\"city\",\"unit\"]}},"
            + "{\"name\":\"search\",\"input_schema\":{\"type\":\"object\","
            + "\"properties\":{\"query\":{\"type\":\"string\"},\"limit\":{\"type\":\"integer\",\"minimum\":1,\"maximum\":5}},"
            + "\"required\":[\"query\",\"limit\"]}}]";

    private static MockServer server;

    @BeforeAll
    static void start() {
        server = MockServer.start(MockServerConfig.defaults().withProfiles(ProfileLoader.parse("""
                profiles:
                  keyed: {extends: instant, require_api_key: true}
                  quiet: {extends: instant, pings: none}
                  chatty: {extends: instant, pings: 'every:2'}
                """)));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** A POST with the {@code anthropic-version} header every Anthropic request carries, then {@code headers}. */
    private static RawHttpClient.Response post(String path, String body, String... headers) throws Exception {
        return postRaw(path, body, versioned(headers));
    }

    private static RawHttpClient.Response postRaw(String path, String body, String... headers) throws Exception {
        try (RawHttpClient c = new RawHttpClient(server.port())) {
            return c.postAndRead(path, body, headers);
        }
    }

    static String[] versioned(String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "anthropic-version";
        all[1] = "2023-06-01";
        System.arraycopy(headers, 0, all, 2, headers.length);
        return all;
    }

    private static RawHttpClient.Response stream(String body, String... headers) throws Exception {
        return post("/v1/messages", body, headers);
    }

    /** The events as (name, data) pairs, checking the framing every event must have. */
    private static List<JsonNode> events(RawHttpClient.Response r) throws Exception {
        assertFalse(r.body().contains("\r"), "LF line ends");
        assertFalse(r.body().contains("[DONE]"), "no [DONE]");
        List<JsonNode> out = new ArrayList<>();
        for (RawHttpClient.Event e : r.events()) {
            assertEquals(2, e.lines().size(), "an event: line and a data: line: " + e.lines());
            assertTrue(e.lines().get(0).startsWith("event: "), e.lines().toString());
            JsonNode data = JSON.readTree(e.data());
            assertEquals(e.lines().get(0).substring(7), data.get("type").asText(), "event: equals the JSON type");
            out.add(data);
        }
        return out;
    }

    private static List<String> types(List<JsonNode> events) {
        return events.stream().map(e -> e.get("type").asText()).toList();
    }

    @Test
    void shouldStreamMessageStartBlockDeltasMessageDeltaAndStop() throws Exception {
        RawHttpClient.Response r = stream("{\"model\":\"instant\",\"max_tokens\":1000,\"stream\":true," + USER + "}",
                "x-mock-output-tokens", "5", "x-mock-tokens-per-chunk", "1");

        assertEquals(200, r.status());
        assertEquals("text/event-stream; charset=utf-8", r.headers().get("content-type"));
        assertTrue(r.headers().get("request-id").startsWith("req_"), r.headers().toString());
        List<JsonNode> events = events(r);
        assertEquals(List.of("message_start", "content_block_start", "ping", "content_block_delta",
                "content_block_delta", "content_block_delta", "content_block_delta", "content_block_delta",
                "content_block_stop", "message_delta", "message_stop"), types(events));
        JsonNode message = events.get(0).get("message");
        assertTrue(message.get("id").asText().matches("msg_01[A-Za-z0-9]{22}"), message.toString());
        assertEquals("message", message.get("type").asText());
        assertEquals("assistant", message.get("role").asText());
        assertEquals("instant", message.get("model").asText());
        assertEquals(0, message.get("content").size());
        assertTrue(message.get("stop_reason").isNull());
        assertTrue(message.at("/usage/input_tokens").asInt() > 0);
        assertEquals(0, message.at("/usage/cache_read_input_tokens").asInt());
        assertEquals("{\"type\":\"text\",\"text\":\"\"}", events.get(1).get("content_block").toString());
        StringBuilder text = new StringBuilder();
        for (JsonNode e : events.subList(3, 8)) {
            assertEquals(0, e.get("index").asInt());
            assertEquals("text_delta", e.at("/delta/type").asText());
            text.append(e.at("/delta/text").asText());
        }
        assertEquals("{\"type\":\"content_block_stop\",\"index\":0}", events.get(8).toString());
        assertEquals("end_turn", events.get(9).at("/delta/stop_reason").asText());
        assertTrue(events.get(9).at("/delta/stop_sequence").isNull());
        assertEquals(5, events.get(9).at("/usage/output_tokens").asInt());

        // stream: false, same seed: the same text in one message object.
        String seed = r.headers().get("x-mock-seed");
        RawHttpClient.Response whole = post("/v1/messages", "{\"model\":\"instant\",\"max_tokens\":1000," + USER + "}",
                "x-mock-output-tokens", "5", "x-mock-seed", seed);
        JsonNode m = JSON.readTree(whole.body());
        assertEquals("application/json", whole.headers().get("content-type"));
        assertEquals(text.toString(), m.at("/content/0/text").asText());
        assertEquals(message.get("id").asText(), m.get("id").asText());
        assertEquals("end_turn", m.get("stop_reason").asText());
        assertEquals(5, m.at("/usage/output_tokens").asInt());
    }

    @Test
    void shouldStopAtMaxTokensWithItsStopReason() throws Exception {
        List<JsonNode> events = events(stream("{\"model\":\"instant\",\"max_tokens\":7,\"stream\":true," + USER + "}",
                "x-mock-output-tokens", "50"));
        JsonNode delta = events.get(events.size() - 2);
        assertEquals("max_tokens", delta.at("/delta/stop_reason").asText());
        assertEquals(7, delta.at("/usage/output_tokens").asInt());
    }

    @Test
    void shouldStreamParallelToolUseBlocksWhoseInputJsonJoinsToValidInput() throws Exception {
        List<JsonNode> events = events(stream("{\"model\":\"realistic\",\"max_tokens\":1000,\"stream\":true," + USER
                + "," + TOOLS + "}", "x-mock-ttft-ms", "0", "x-mock-itl-ms", "0"));

        List<String> names = new ArrayList<>();
        List<StringBuilder> inputs = new ArrayList<>();
        int open = -1;
        for (JsonNode e : events) {
            switch (e.get("type").asText()) {
                case "content_block_start" -> {
                    assertEquals(-1, open, "blocks do not overlap");
                    open = e.get("index").asInt();
                    assertEquals(names.size(), open, "indexes 0, 1, ... in order");
                    JsonNode block = e.get("content_block");
                    assertEquals("tool_use", block.get("type").asText());
                    assertTrue(block.get("id").asText().matches("toolu_01[A-Za-z0-9]{22}"), block.toString());
                    assertEquals("{}", block.get("input").toString());
                    assertEquals("{\"type\":\"direct\"}", block.get("caller").toString());
                    names.add(block.get("name").asText());
                    inputs.add(new StringBuilder());
                }
                case "content_block_delta" -> {
                    assertEquals(open, e.get("index").asInt());
                    assertEquals("input_json_delta", e.at("/delta/type").asText());
                    inputs.get(open).append(e.at("/delta/partial_json").asText());
                }
                case "content_block_stop" -> open = -1;
                default -> {
                }
            }
        }
        assertEquals(Set.of("get_weather", "search"), Set.copyOf(names), "the realistic profile makes two calls");
        for (int i = 0; i < names.size(); i++) {
            JsonNode input = JSON.readTree(inputs.get(i).toString());
            if (names.get(i).equals("get_weather")) {
                assertTrue(Set.of("c", "f").contains(input.get("unit").asText()));
            } else {
                int limit = input.get("limit").asInt();
                assertTrue(limit >= 1 && limit <= 5, "within the schema: " + limit);
            }
        }
        assertEquals("", events.get(3).at("/delta/partial_json").asText(), "the first piece is empty, as the API sends");
        assertEquals("tool_use", events.get(events.size() - 2).at("/delta/stop_reason").asText());
    }

    @Test
    void shouldCallOneToolWhenParallelUseIsDisabledOrOneIsNamed() throws Exception {
        String body = "{\"model\":\"realistic\",\"max_tokens\":1000,\"stream\":true," + USER + "," + TOOLS;
        List<JsonNode> single = events(stream(body + ",\"tool_choice\":{\"type\":\"auto\",\"disable_parallel_tool_use\":true}}",
                "x-mock-ttft-ms", "0", "x-mock-itl-ms", "0"));
        assertEquals(1, types(single).stream().filter("content_block_start"::equals).count());

        List<JsonNode> named = events(stream(body + ",\"tool_choice\":{\"type\":\"tool\",\"name\":\"search\"}}",
                "x-mock-ttft-ms", "0", "x-mock-itl-ms", "0"));
        List<JsonNode> starts = named.stream().filter(e -> e.get("type").asText().equals("content_block_start")).toList();
        assertEquals(1, starts.size());
        assertEquals("search", starts.get(0).at("/content_block/name").asText());

        List<JsonNode> none = events(stream(body + ",\"tool_choice\":{\"type\":\"none\"}}", "x-mock-output-tokens", "3",
                "x-mock-ttft-ms", "0", "x-mock-itl-ms", "0"));
        assertEquals("end_turn", none.get(none.size() - 2).at("/delta/stop_reason").asText());
    }

    @Test
    void shouldThinkInAThinkingBlockWithItsSignatureBeforeTheAnswerWhenAsked() throws Exception {
        String body = "{\"model\":\"instant\",\"max_tokens\":4000,\"stream\":true,\"thinking\":{\"type\":\"enabled\","
                + "\"budget_tokens\":1024}," + USER + "}";
        List<JsonNode> events = events(stream(body, "x-mock-output-tokens", "2", "x-mock-reasoning-tokens", "3",
                "x-mock-tokens-per-chunk", "1"));

        assertEquals(List.of("message_start", "content_block_start", "ping", "content_block_delta",
                "content_block_delta", "content_block_delta", "content_block_delta", "content_block_stop",
                "content_block_start", "content_block_delta", "content_block_delta", "content_block_stop",
                "message_delta", "message_stop"), types(events));
        assertEquals("{\"type\":\"thinking\",\"thinking\":\"\",\"signature\":\"\"}",
                events.get(1).get("content_block").toString());
        for (JsonNode e : events.subList(3, 6)) {
            assertEquals("thinking_delta", e.at("/delta/type").asText());
            assertFalse(e.at("/delta/thinking").asText().isEmpty());
        }
        assertEquals("signature_delta", events.get(6).at("/delta/type").asText(), "just before the block's stop");
        assertTrue(events.get(6).at("/delta/signature").asText().matches("[A-Za-z0-9+/]+=*"));
        assertEquals(1, events.get(8).get("index").asInt());
        assertEquals("text", events.get(8).at("/content_block/type").asText());
        JsonNode usage = events.get(12).get("usage");
        assertEquals(5, usage.get("output_tokens").asInt(), "thinking counts in output_tokens");
        assertEquals(3, usage.at("/output_tokens_details/thinking_tokens").asInt());

        // budget_tokens caps the profile's thinking; no thinking parameter, no thinking
        JsonNode capped = events(stream(body, "x-mock-output-tokens", "2", "x-mock-reasoning-tokens", "5000"))
                .stream().filter(e -> e.get("type").asText().equals("message_delta")).findFirst().orElseThrow();
        assertEquals(1024, capped.at("/usage/output_tokens_details/thinking_tokens").asInt());
        List<JsonNode> plain = events(stream("{\"model\":\"instant\",\"max_tokens\":4000,\"stream\":true," + USER + "}",
                "x-mock-output-tokens", "2", "x-mock-reasoning-tokens", "3"));
        assertFalse(plain.toString().contains("thinking"), plain.toString());
    }

    @Test
    void shouldSendOnlyTheSignatureOfOmittedThinking() throws Exception {
        List<JsonNode> events = events(stream("{\"model\":\"instant\",\"max_tokens\":4000,\"stream\":true,"
                + "\"thinking\":{\"type\":\"adaptive\",\"display\":\"omitted\"}," + USER + "}",
                "x-mock-output-tokens", "2", "x-mock-reasoning-tokens", "3"));
        assertEquals("thinking", events.get(1).at("/content_block/type").asText());
        assertEquals("signature_delta", events.get(3).at("/delta/type").asText());
        assertEquals("content_block_stop", events.get(4).get("type").asText());
        assertFalse(events.toString().contains("thinking_delta"));
    }

    @Test
    void shouldRefuseAThinkingBudgetTheApiRefuses() throws Exception {
        String head = "{\"model\":\"instant\",\"max_tokens\":2000," + USER + ",\"thinking\":";
        JsonNode e = assertError(stream(head + "{\"type\":\"enabled\",\"budget_tokens\":500}}"), 400,
                "invalid_request_error");
        assertEquals("thinking.enabled.budget_tokens: Input should be greater than or equal to 1024",
                e.at("/error/message").asText());
        e = assertError(stream(head + "{\"type\":\"enabled\",\"budget_tokens\":2000}}"), 400, "invalid_request_error");
        assertTrue(e.at("/error/message").asText().startsWith("max_tokens: must be greater than"), e.toString());
        assertError(stream(head + "{\"type\":\"enabled\"}}"), 400, "invalid_request_error");
        assertError(stream(head + "{\"type\":\"sometimes\"}}"), 400, "invalid_request_error");
    }

    @Test
    void shouldSendPingsAsTheProfileSays() throws Exception {
        String body = "{\"model\":\"%s\",\"max_tokens\":1000,\"stream\":true," + USER + "}";
        List<String> quiet = types(events(stream(String.format(body, "quiet"), "x-mock-output-tokens", "4",
                "x-mock-tokens-per-chunk", "1")));
        assertFalse(quiet.contains("ping"));
        List<String> chatty = types(events(stream(String.format(body, "chatty"), "x-mock-output-tokens", "4",
                "x-mock-tokens-per-chunk", "1")));
        assertEquals(List.of("message_start", "content_block_start", "ping", "content_block_delta",
                "content_block_delta", "ping", "content_block_delta", "content_block_delta", "ping",
                "content_block_stop", "message_delta", "message_stop"), chatty);
    }

    @Test
    void shouldEndWithAnOverloadedErrorEventOnAMidStreamFault() throws Exception {
        String body = "{\"model\":\"instant\",\"max_tokens\":1000,\"stream\":true," + USER + "}";
        List<JsonNode> events = events(stream(body, "x-mock-fault", "error_event@after_chunks=4"));
        JsonNode last = events.get(events.size() - 1);
        assertEquals("{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}",
                last.toString());
        assertFalse(types(events).contains("message_stop"));
        assertFalse(types(events).contains("message_delta"));

        JsonNode typed = events(stream(body, "x-mock-fault", "error_event:type=api_error,message=boom@after_chunks=4"))
                .stream().reduce((a, b) -> b).orElseThrow();
        assertEquals("api_error", typed.at("/error/type").asText());
        assertEquals("boom", typed.at("/error/message").asText());
    }

    @Test
    void shouldAnswerHttpFaultsWithAnthropicErrorBodiesIncluding529() throws Exception {
        String body = "{\"model\":\"instant\",\"max_tokens\":1000,\"stream\":true," + USER + "}";
        RawHttpClient.Response r = stream(body, "x-mock-fault", "http:status=529");
        assertError(r, 529, "overloaded_error");
        assertError(stream(body, "x-mock-fault", "http:status=429,retry_after=1"), 429, "rate_limit_error");
        assertError(stream(body, "x-mock-fault", "http:status=500"), 500, "api_error");
    }

    @Test
    void shouldRefuseBadRequestsInTheApisWords() throws Exception {
        assertError(stream("{not json"), 400, "invalid_request_error");
        JsonNode e = assertError(stream("{\"model\":\"instant\"," + USER + "}"), 400, "invalid_request_error");
        assertEquals("max_tokens: Field required", e.at("/error/message").asText());
        e = assertError(stream("{\"model\":\"instant\",\"max_tokens\":10,\"messages\":[]}"), 400, "invalid_request_error");
        assertTrue(e.at("/error/message").asText().startsWith("messages: "));
        e = assertError(stream("{\"model\":\"instant\",\"max_tokens\":10,\"messages\":[{\"role\":\"system\","
                + "\"content\":\"x\"}]}"), 400, "invalid_request_error");
        assertEquals("messages.0.role: Input should be 'user' or 'assistant'", e.at("/error/message").asText());
        e = assertError(stream("{\"model\":\"instant\",\"max_tokens\":10," + USER + ",\"tools\":[{\"name\":\"f\"}]}"),
                400, "invalid_request_error");
        assertEquals("tools.0.input_schema: Field required", e.at("/error/message").asText());
        e = assertError(stream("{\"model\":\"instant\",\"max_tokens\":10," + USER + ",\"tools\":[{\"type\":"
                + "\"web_search_20250305\",\"name\":\"web_search\"}]}"), 400, "invalid_request_error");
        assertTrue(e.at("/error/message").asText().contains("web_search_20250305"));
        assertError(stream("{\"model\":\"instant\",\"max_tokens\":10," + USER + "," + TOOLS
                + ",\"tool_choice\":{\"type\":\"tool\",\"name\":\"nope\"}}"), 400, "invalid_request_error");
        assertError(stream("{\"model\":\"instant\",\"max_tokens\":10," + USER + "}", "x-mock-itl-ms", "fast"), 400,
                "invalid_request_error");
    }

    @Test
    void shouldAcceptTheKeyInEitherHeaderAndAnyVersionButNoneMissing() throws Exception {
        String body = "{\"model\":\"keyed\",\"max_tokens\":10," + USER + "}";
        JsonNode e = assertError(stream(body), 401, "authentication_error");
        assertEquals("x-api-key header is required", e.at("/error/message").asText());
        assertError(stream(body, "x-api-key", " "), 401, "authentication_error");
        assertEquals(200, stream(body, "x-api-key", "k").status());
        assertEquals(200, postRaw("/v1/messages", body, "authorization", "Bearer k", "anthropic-version", "2026-10-21")
                .status(), "the version anthropic-java 3.14.0 sends");
        e = assertError(postRaw("/v1/messages", body, "x-api-key", "k"), 400, "invalid_request_error");
        assertEquals("anthropic-version: header is required", e.at("/error/message").asText(), "as the API answers");
    }

    @Test
    void shouldServeMessagesAlsoWithoutV1AndHintAtTheBaseUrlOtherwise() throws Exception {
        String body = "{\"model\":\"instant\",\"max_tokens\":10," + USER + "}";
        assertEquals(200, post("/messages", body).status());
        JsonNode e = assertError(post("/v1/v1/messages", body), 404, "not_found_error");
        assertTrue(e.at("/error/message").asText().contains("without /v1"), e.toString());
        try (RawHttpClient c = new RawHttpClient(server.port())) {
            c.send("GET /v1/messages HTTP/1.1\r\nHost: x\r\n\r\n");
            RawHttpClient.Response r = c.read(0);
            assertError(r, 405, "invalid_request_error");
            assertEquals("POST", r.headers().get("allow"));
        }
    }

    /** An Anthropic error body with a request id in the body and the header; returns it. */
    private static JsonNode assertError(RawHttpClient.Response r, int status, String type) throws Exception {
        assertEquals(status, r.status(), r.body());
        assertEquals("application/json", r.headers().get("content-type"));
        JsonNode body = JSON.readTree(r.body());
        assertEquals("error", body.get("type").asText(), r.body());
        assertEquals(type, body.at("/error/type").asText(), r.body());
        assertFalse(body.at("/error/message").asText().isEmpty());
        assertNotNull(r.headers().get("request-id"));
        assertEquals(r.headers().get("request-id"), body.get("request_id").asText());
        return body;
    }
}
