package io.streambench.mock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streambench.mock.profile.ProfileLoader;
import io.streambench.mock.testing.LeakTracking;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What a raw client sees on the wire, checked against OPENAI_WIRE.md. */
@ExtendWith(LeakTracking.class)
class WireSequenceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String USER = "\"messages\":[{\"role\":\"user\",\"content\":\"Say hello\"}]";
    private static final String TOOLS = "\"tools\":["
            + "{\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"parameters\":{\"type\":\"object\","
            + "\"properties\":{\"city\":{\"type\":\"string\"},\"unit\":{\"type\":\"string\",\"enum\":[\"c\",\"f\"]}},"
            + "\"required\":[\"city\",\"unit\"]}}},"
            + "{\"type\":\"function\",\"function\":{\"name\":\"search\",\"parameters\":{\"type\":\"object\","
            + "\"properties\":{\"query\":{\"type\":\"string\"},\"limit\":{\"type\":\"integer\",\"minimum\":1,\"maximum\":5}},"
            + "\"required\":[\"query\",\"limit\"]}}}]";

    private static MockServer server;

    @BeforeAll
    static void start() {
        server = MockServer.start(MockServerConfig.defaults().withProfiles(ProfileLoader.parse("""
                profiles:
                  usage-null: {extends: instant, usage_null_on_chunks: true}
                  padded: {extends: instant, padding_bytes: 40}
                """)));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static RawHttpClient.Response stream(String body, String... headers) throws Exception {
        try (RawHttpClient c = new RawHttpClient(server.port())) {
            return c.postAndRead("/v1/chat/completions", body, headers);
        }
    }

    private static List<JsonNode> chunks(RawHttpClient.Response r) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (RawHttpClient.Event e : r.events()) {
            String d = e.data();
            if (d != null && !d.equals("[DONE]")) {
                out.add(JSON.readTree(d));
            }
        }
        return out;
    }

    @Test
    void shouldStreamRoleContentFinishUsageAndDoneForText() throws Exception {
        RawHttpClient.Response r = stream("{\"model\":\"instant\",\"stream\":true,"
                + "\"stream_options\":{\"include_usage\":true}," + USER + "}", "x-mock-output-tokens", "30");

        assertEquals(200, r.status());
        assertEquals("text/event-stream; charset=utf-8", r.headers().get("content-type"));
        assertEquals("no-cache", r.headers().get("cache-control"));
        assertEquals("chunked", r.headers().get("transfer-encoding"));
        List<RawHttpClient.Event> events = r.events();
        assertEquals("[DONE]", events.get(events.size() - 1).data());
        for (RawHttpClient.Event e : events) {
            assertEquals(1, e.lines().size(), "one data line per event, no event: lines: " + e.lines());
        }
        List<JsonNode> chunks = chunks(r);
        JsonNode first = chunks.get(0);
        String id = first.get("id").asText();
        assertTrue(id.startsWith("chatcmpl-"), id);
        for (JsonNode c : chunks) {
            assertEquals(id, c.get("id").asText());
            assertEquals("chat.completion.chunk", c.get("object").asText());
            assertEquals(first.get("created").asLong(), c.get("created").asLong());
            assertEquals("instant", c.get("model").asText());
        }
        JsonNode roleDelta = first.at("/choices/0/delta");
        assertEquals("assistant", roleDelta.get("role").asText());
        assertEquals("", roleDelta.get("content").asText());
        assertTrue(roleDelta.get("refusal").isNull());
        assertTrue(first.at("/choices/0/logprobs").isNull());
        assertTrue(first.at("/choices/0/finish_reason").isNull());

        JsonNode usage = chunks.get(chunks.size() - 1);
        assertEquals(0, usage.get("choices").size());
        assertEquals(30, usage.at("/usage/completion_tokens").asInt());
        assertEquals(usage.at("/usage/prompt_tokens").asInt() + 30, usage.at("/usage/total_tokens").asInt());
        JsonNode finish = chunks.get(chunks.size() - 2);
        assertEquals(0, finish.at("/choices/0/delta").size());
        assertEquals("stop", finish.at("/choices/0/finish_reason").asText());

        StringBuilder text = new StringBuilder();
        for (JsonNode c : chunks.subList(1, chunks.size() - 2)) {
            JsonNode delta = c.at("/choices/0/delta");
            assertEquals(1, delta.size(), "content deltas carry only content: " + delta);
            assertTrue(c.at("/choices/0/finish_reason").isNull());
            assertFalse(c.has("usage"), "captured streams omit usage on content chunks");
            text.append(delta.get("content").asText());
        }
        assertFalse(text.toString().isBlank());
    }

    @Test
    void shouldOmitUsageChunkUnlessAskedAndSendUsageNullWhenProfileSaysSo() throws Exception {
        List<JsonNode> plain = chunks(stream("{\"model\":\"instant\",\"stream\":true," + USER + "}"));
        assertEquals("stop", plain.get(plain.size() - 1).at("/choices/0/finish_reason").asText());

        List<JsonNode> nulls = chunks(stream("{\"model\":\"usage-null\",\"stream\":true,"
                + "\"stream_options\":{\"include_usage\":true}," + USER + "}"));
        for (JsonNode c : nulls.subList(0, nulls.size() - 1)) {
            assertTrue(c.has("usage") && c.get("usage").isNull(), c.toString());
        }
        assertTrue(nulls.get(nulls.size() - 1).get("usage").isObject());
    }

    @Test
    void shouldFinishWithLengthWhenMaxTokensIsReached() throws Exception {
        List<JsonNode> chunks = chunks(stream("{\"model\":\"instant\",\"stream\":true,\"max_tokens\":7,"
                + "\"stream_options\":{\"include_usage\":true}," + USER + "}", "x-mock-output-tokens", "50"));
        assertEquals("length", chunks.get(chunks.size() - 2).at("/choices/0/finish_reason").asText());
        assertEquals(7, chunks.get(chunks.size() - 1).at("/usage/completion_tokens").asInt());

        List<JsonNode> completion = chunks(stream("{\"model\":\"instant\",\"stream\":true,"
                + "\"max_completion_tokens\":3," + USER + "}", "x-mock-output-tokens", "50"));
        assertEquals("length", completion.get(completion.size() - 1).at("/choices/0/finish_reason").asText());
    }

    @Test
    void shouldStreamParallelToolCallsAsFragmentsThatJoinToValidJson() throws Exception {
        List<JsonNode> chunks = chunks(stream("{\"model\":\"realistic\",\"stream\":true," + USER + "," + TOOLS + "}",
                "x-mock-ttft-ms", "0", "x-mock-itl-ms", "0"));
        JsonNode role = chunks.get(0).at("/choices/0/delta");
        assertEquals("assistant", role.get("role").asText());
        assertTrue(role.get("content").isNull());

        Map<Integer, StringBuilder> args = new HashMap<>();
        Map<Integer, String> names = new HashMap<>();
        Set<String> ids = new HashSet<>();
        int lastIndex = -1;
        for (JsonNode c : chunks.subList(1, chunks.size() - 1)) {
            JsonNode calls = c.at("/choices/0/delta/tool_calls");
            assertEquals(1, calls.size());
            JsonNode call = calls.get(0);
            int index = call.get("index").asInt();
            assertTrue(index >= lastIndex, "calls stream one after another by increasing index");
            lastIndex = index;
            if (call.has("id")) {
                assertTrue(ids.add(call.get("id").asText()), "an id is never repeated");
                assertEquals("function", call.get("type").asText());
                assertFalse(names.containsKey(index), "a name is never repeated");
                names.put(index, call.at("/function/name").asText());
                assertEquals("", call.at("/function/arguments").asText());
                args.put(index, new StringBuilder());
            } else {
                assertEquals(2, call.size(), "later fragments carry only index and function.arguments: " + call);
                assertEquals(1, call.get("function").size());
                args.get(index).append(call.at("/function/arguments").asText());
            }
        }
        assertEquals(2, names.size(), "the realistic profile makes two parallel calls");
        assertEquals(Set.of("get_weather", "search"), new HashSet<>(names.values()));
        for (int i : names.keySet()) {
            JsonNode parsed = JSON.readTree(args.get(i).toString());
            if (names.get(i).equals("get_weather")) {
                assertTrue(parsed.get("city").isTextual());
                assertTrue(Set.of("c", "f").contains(parsed.get("unit").asText()));
            } else {
                assertTrue(parsed.get("query").isTextual());
                int limit = parsed.get("limit").asInt();
                assertTrue(limit >= 1 && limit <= 5, "limit within schema bounds: " + limit);
            }
        }
        assertEquals("tool_calls", chunks.get(chunks.size() - 1).at("/choices/0/finish_reason").asText());
    }

    @Test
    void shouldInterleaveChoicesWhenNIsGreaterThanOne() throws Exception {
        List<JsonNode> chunks = chunks(stream("{\"model\":\"instant\",\"stream\":true,\"n\":3," + USER + "}",
                "x-mock-output-tokens", "5"));
        Map<Integer, Integer> roles = new HashMap<>();
        Map<Integer, Integer> finishes = new HashMap<>();
        List<Integer> order = new ArrayList<>();
        for (JsonNode c : chunks) {
            int index = c.at("/choices/0/index").asInt();
            order.add(index);
            if (c.at("/choices/0/delta").has("role")) {
                roles.merge(index, 1, Integer::sum);
            }
            if (!c.at("/choices/0/finish_reason").isNull()) {
                finishes.merge(index, 1, Integer::sum);
            }
        }
        assertEquals(Map.of(0, 1, 1, 1, 2, 1), roles);
        assertEquals(Map.of(0, 1, 1, 1, 2, 1), finishes);
        assertEquals(List.of(0, 0, 1, 1, 2, 2), order.subList(0, 6), "each step carries every choice in turn");
    }

    @Test
    void shouldPrecedeEveryEventWithItsSendStampWhenAsked() throws Exception {
        RawHttpClient.Response r = stream("{\"model\":\"instant\",\"stream\":true," + USER + "}",
                "x-mock-timestamps", "true", "x-mock-itl-ms", "2");
        long previous = Long.MIN_VALUE;
        for (RawHttpClient.Event e : r.events()) {
            assertTrue(e.lines().get(0).startsWith(": t="), "stamp first: " + e.lines());
            long stamp = Long.parseLong(e.lines().get(0).substring(4));
            // Same process, same monotonic clock: the stamp precedes the arrival.
            assertTrue(stamp <= e.arrivalNanos(), "send stamp before arrival");
            assertTrue(stamp >= previous, "stamps never go back");
            previous = stamp;
            assertNotNull(e.data());
        }
    }

    @Test
    void shouldSendTheSameStreamForTheSameSeed() throws Exception {
        String body = "{\"model\":\"realistic\",\"stream\":true," + USER + "}";
        RawHttpClient.Response a = stream(body, "x-mock-seed", "42", "x-mock-ttft-ms", "0", "x-mock-itl-ms", "0");
        RawHttpClient.Response b = stream(body, "x-mock-seed", "42", "x-mock-ttft-ms", "0", "x-mock-itl-ms", "0");
        RawHttpClient.Response c = stream(body, "x-mock-seed", "43", "x-mock-ttft-ms", "0", "x-mock-itl-ms", "0");
        assertEquals("42", a.headers().get("x-mock-seed"));
        assertEquals(withoutCreated(a.body()), withoutCreated(b.body()));
        assertFalse(withoutCreated(a.body()).equals(withoutCreated(c.body())));
    }

    private static String withoutCreated(String body) {
        return body.replaceAll("\"created\":\\d+", "");
    }

    @Test
    void shouldAddObfuscationPaddingWhenProfileAsks() throws Exception {
        for (JsonNode c : chunks(stream("{\"model\":\"padded\",\"stream\":true," + USER + "}"))) {
            assertEquals(40, c.get("obfuscation").asText().length());
        }
    }

    @Test
    void shouldServeKeepAliveAndPipelinedRequestsInOrder() throws Exception {
        try (RawHttpClient c = new RawHttpClient(server.port())) {
            String body = "{\"model\":\"instant\",\"stream\":true," + USER + "}";
            c.send(RawHttpClient.post("/v1/chat/completions", body, "x-mock-output-tokens", "3", "x-mock-itl-ms", "5")
                    + RawHttpClient.post("/v1/chat/completions", body, "x-mock-output-tokens", "4")
                    + "GET /health HTTP/1.1\r\nHost: x\r\n\r\n");
            RawHttpClient.Response first = c.read(System.nanoTime());
            RawHttpClient.Response second = c.read(System.nanoTime());
            RawHttpClient.Response third = c.read(System.nanoTime());
            assertEquals(3 + 3, first.events().size(), "role, 3 content, finish, [DONE]");
            assertEquals(4 + 3, second.events().size());
            assertEquals("{\"status\":\"ok\"}", third.body());
        }
    }

    @Test
    void shouldStreamCloseDelimitedForHttp10() throws Exception {
        try (RawHttpClient c = new RawHttpClient(server.port())) {
            String body = "{\"model\":\"instant\",\"stream\":true," + USER + "}";
            c.send(RawHttpClient.post("/v1/chat/completions", body, "x-mock-output-tokens", "3")
                    .replace("HTTP/1.1", "HTTP/1.0"));
            RawHttpClient.Response r = c.read(System.nanoTime());
            assertNull(r.headers().get("transfer-encoding"));
            assertEquals("[DONE]", r.events().get(r.events().size() - 1).data());
        }
    }

    @Test
    void shouldAnswerBadRequestsWithOpenAiErrorObjects() throws Exception {
        assertError(stream("{not json"), 400, null);
        assertError(stream("[1,2]"), 400, null);
        assertError(stream("{\"model\":\"instant\"}"), 400, "messages");
        assertError(stream("{\"model\":\"instant\",\"messages\":[]}"), 400, "messages");
        assertError(stream("{\"model\":\"instant\",\"messages\":\"hi\"}"), 400, "messages");
        assertError(stream("{\"model\":3," + USER + "}"), 400, "model");
        assertError(stream("{\"model\":\"instant\",\"stream\":\"yes\"," + USER + "}"), 400, "stream");
        assertError(stream("{\"model\":\"instant\",\"max_tokens\":0," + USER + "}"), 400, "max_tokens");
        assertError(stream("{\"model\":\"instant\",\"n\":1000," + USER + "}"), 400, "n");
        assertError(stream("{\"model\":\"instant\",\"tool_choice\":{\"type\":\"function\",\"function\":"
                + "{\"name\":\"nope\"}}," + USER + "," + TOOLS + "}"), 400, "tool_choice");
        assertError(stream("{\"model\":\"instant\"," + USER + "}", "x-mock-itl-ms", "fast"), 400, "x-mock-itl-ms");
        assertError(stream("{\"model\":\"instant\"," + USER + "}", "x-mock-profile", "nope"), 400, "x-mock-profile");
        try (RawHttpClient c = new RawHttpClient(server.port())) {
            c.send("GET /v2/nothing HTTP/1.1\r\nHost: x\r\n\r\n");
            assertError(c.read(0), 404, null);
            c.send("GET /v1/chat/completions HTTP/1.1\r\nHost: x\r\n\r\n");
            RawHttpClient.Response r = c.read(0);
            assertError(r, 405, null);
            assertEquals("POST", r.headers().get("allow"));
        }
    }

    private static void assertError(RawHttpClient.Response r, int status, String param) throws Exception {
        assertEquals(status, r.status(), r.body());
        assertEquals("application/json", r.headers().get("content-type"));
        JsonNode error = JSON.readTree(r.body()).get("error");
        assertNotNull(error, r.body());
        assertTrue(error.get("message").isTextual() && !error.get("message").asText().isEmpty());
        assertTrue(error.get("type").isTextual());
        assertTrue(error.has("code"));
        if (param == null) {
            assertTrue(error.get("param").isNull(), r.body());
        } else {
            assertEquals(param, error.get("param").asText(), r.body());
        }
    }
}
