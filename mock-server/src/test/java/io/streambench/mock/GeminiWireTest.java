package io.streambench.mock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streambench.mock.profile.ProfileLoader;
import io.streambench.mock.testing.LeakTracking;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What a raw client sees on Gemini's routes, checked against docs/wire-formats.md (Gemini). */
@ExtendWith(LeakTracking.class)
class GeminiWireTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String USER = "\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"Say hello\"}]}]";
    static final String TOOLS = "\"tools\":[{\"functionDeclarations\":["
            + "{\"name\":\"get_weather\",\"parameters\":{\"type\":\"OBJECT\",\"properties\":{\"city\":{\"type\":\"STRING\"},"
            + "\"unit\":{\"type\":\"STRING\",\"enum\":[\"c\",\"f\"]}},\"required\":[\"city\",\"unit\"]}},"
            + "{\"name\":\"search\",\"parametersJsonSchema\":{\"type\":\"object\",\"properties\":{\"query\":{\"type\":\"string\"},"
            + "\"limit\":{\"type\":\"integer\",\"minimum\":1,\"maximum\":5}},\"required\":[\"query\",\"limit\"]}}]}]";
    private static final String STREAM = "/v1beta/models/%s:streamGenerateContent?alt=sse";

    private static MockServer server;

    @BeforeAll
    static void start() {
        server = MockServer.start(MockServerConfig.defaults().withProfiles(ProfileLoader.parse("""
                profiles:
                  keyed: {extends: instant, require_api_key: true}
                """)));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static RawHttpClient.Response post(String path, String body, String... headers) throws Exception {
        try (RawHttpClient c = new RawHttpClient(server.port())) {
            return c.postAndRead(path, body, headers);
        }
    }

    private static RawHttpClient.Response stream(String model, String body, String... headers) throws Exception {
        return post(String.format(STREAM, model), body, headers);
    }

    /** The events' JSON, checking the framing every event must have: one data: line, CRLF line ends. */
    private static List<JsonNode> events(RawHttpClient.Response r) throws Exception {
        String body = r.body();
        assertFalse(body.replace("\r\n", "").contains("\n"), "every line ends in CRLF");
        assertTrue(body.endsWith("}\r\n\r\n"), "no end marker after the last event");
        List<JsonNode> out = new ArrayList<>();
        for (RawHttpClient.Event e : r.events()) {
            assertEquals(1, e.lines().size(), "one data: line per event: " + e.lines());
            assertTrue(e.lines().get(0).startsWith("data: {"), e.lines().toString());
            out.add(JSON.readTree(e.data()));
        }
        return out;
    }

    @Test
    void shouldStreamGenerateContentResponsesWithRunningUsageAndTheFinishOnTheLast() throws Exception {
        RawHttpClient.Response r = stream("instant", "{" + USER + "}", "x-mock-output-tokens", "6",
                "x-mock-tokens-per-chunk", "2");

        assertEquals(200, r.status());
        assertEquals("text/event-stream", r.headers().get("content-type"));
        assertEquals("attachment", r.headers().get("content-disposition"));
        assertTrue(r.body().startsWith("data: {\"candidates\": [{\"content\": {\"parts\": [{\"text\": \""),
                "Google's spacing: \": \" after keys, none after commas");
        List<JsonNode> events = events(r);
        assertEquals(3, events.size());
        String id = events.get(0).get("responseId").asText();
        assertTrue(id.matches("[A-Za-z0-9]{24}"), id);
        StringBuilder text = new StringBuilder();
        int prompt = events.get(0).at("/usageMetadata/promptTokenCount").asInt();
        assertTrue(prompt > 0);
        for (int i = 0; i < events.size(); i++) {
            JsonNode e = events.get(i);
            assertEquals(id, e.get("responseId").asText());
            assertEquals("instant", e.get("modelVersion").asText());
            JsonNode candidate = e.at("/candidates/0");
            assertEquals(0, candidate.get("index").asInt());
            assertEquals("model", candidate.at("/content/role").asText());
            text.append(candidate.at("/content/parts/0/text").asText());
            assertEquals(i == 2, candidate.has("finishReason"), "finishReason on the last event only");
            JsonNode usage = e.get("usageMetadata");
            assertEquals(prompt, usage.get("promptTokenCount").asInt());
            assertEquals(2 * (i + 1), usage.get("candidatesTokenCount").asInt(), "running totals");
            assertEquals(prompt + 2 * (i + 1), usage.get("totalTokenCount").asInt());
            assertFalse(usage.has("thoughtsTokenCount"), "no thinking asked for");
        }
        assertEquals("STOP", events.get(2).at("/candidates/0/finishReason").asText());

        RawHttpClient.Response whole = post("/v1beta/models/instant:generateContent", "{" + USER + "}",
                "x-mock-output-tokens", "6", "x-mock-seed", r.headers().get("x-mock-seed"));
        assertEquals("application/json; charset=UTF-8", whole.headers().get("content-type"));
        assertTrue(whole.body().startsWith("{\n  \"candidates\": [\n    {\n"), "pretty-printed as Google does");
        JsonNode answer = JSON.readTree(whole.body());
        assertEquals(text.toString(), answer.at("/candidates/0/content/parts/0/text").asText());
        assertEquals(id, answer.get("responseId").asText());
        assertEquals("STOP", answer.at("/candidates/0/finishReason").asText());
        assertEquals(6, answer.at("/usageMetadata/candidatesTokenCount").asInt());
    }

    @Test
    void shouldFinishWithMaxTokensAtMaxOutputTokens() throws Exception {
        List<JsonNode> events = events(stream("instant", "{" + USER + ",\"generationConfig\":{\"maxOutputTokens\":4}}",
                "x-mock-output-tokens", "50"));
        JsonNode last = events.get(events.size() - 1);
        assertEquals("MAX_TOKENS", last.at("/candidates/0/finishReason").asText());
        assertEquals(4, last.at("/usageMetadata/candidatesTokenCount").asInt());
    }

    @Test
    void shouldSendEachFunctionCallWholeWithAnIdThenTheFinish() throws Exception {
        List<JsonNode> events = events(stream("realistic", "{" + USER + "," + TOOLS + "}", "x-mock-ttft-ms", "0",
                "x-mock-itl-ms", "0"));

        assertEquals(3, events.size(), "one event per call, then the finish");
        Set<String> names = new HashSet<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 2; i++) {
            JsonNode part = events.get(i).at("/candidates/0/content/parts/0");
            assertEquals(1, events.get(i).at("/candidates/0/content/parts").size());
            assertEquals(i == 0, part.has("thoughtSignature"), "a signature on the first call only");
            JsonNode call = part.get("functionCall");
            assertTrue(call.get("id").asText().matches("[a-z0-9]{8}"), call.toString());
            ids.add(call.get("id").asText());
            names.add(call.get("name").asText());
            JsonNode args = call.get("args");
            assertTrue(args.isObject(), "arguments whole, as an object");
            if (call.get("name").asText().equals("get_weather")) {
                assertTrue(args.get("city").isTextual(), "OBJECT/STRING schemas read as JSON Schema: " + args);
                assertTrue(Set.of("c", "f").contains(args.get("unit").asText()));
            } else {
                int limit = args.get("limit").asInt();
                assertTrue(limit >= 1 && limit <= 5, "within the schema: " + limit);
            }
            assertFalse(events.get(i).at("/candidates/0").has("finishReason"));
        }
        assertEquals(Set.of("get_weather", "search"), names);
        assertEquals(2, ids.size());
        JsonNode last = events.get(2);
        assertEquals("{\"text\":\"\"}", last.at("/candidates/0/content/parts/0").toString());
        assertEquals("STOP", last.at("/candidates/0/finishReason").asText());
        assertEquals(events.get(1).get("usageMetadata"), last.get("usageMetadata"));
    }

    @Test
    void shouldCallTheOneAllowedFunctionOrNoneAsToolConfigSays() throws Exception {
        String body = "{" + USER + "," + TOOLS + ",\"toolConfig\":{\"functionCallingConfig\":";
        List<JsonNode> named = events(stream("realistic", body + "{\"mode\":\"ANY\",\"allowedFunctionNames\":[\"search\"]}}}",
                "x-mock-ttft-ms", "0", "x-mock-itl-ms", "0"));
        assertEquals(2, named.size());
        assertEquals("search", named.get(0).at("/candidates/0/content/parts/0/functionCall/name").asText());
        List<JsonNode> none = events(stream("realistic", body + "{\"mode\":\"NONE\"}}}", "x-mock-output-tokens", "3",
                "x-mock-ttft-ms", "0", "x-mock-itl-ms", "0"));
        assertTrue(none.get(0).at("/candidates/0/content/parts/0").has("text"));
    }

    @Test
    void shouldStreamThoughtPartsFirstWhenAskedAndCountThoughtsEitherWay() throws Exception {
        String thoughts = "{" + USER + ",\"generationConfig\":{\"thinkingConfig\":{\"includeThoughts\":true}}}";
        List<JsonNode> events = events(stream("instant", thoughts, "x-mock-output-tokens", "2",
                "x-mock-reasoning-tokens", "3", "x-mock-tokens-per-chunk", "1"));

        assertEquals(5, events.size());
        for (int i = 0; i < 3; i++) {
            JsonNode part = events.get(i).at("/candidates/0/content/parts/0");
            assertTrue(part.get("thought").asBoolean(), part.toString());
            JsonNode usage = events.get(i).get("usageMetadata");
            assertFalse(usage.has("candidatesTokenCount"), "no answer tokens while thinking: " + usage);
            assertEquals(i + 1, usage.get("thoughtsTokenCount").asInt());
        }
        JsonNode last = events.get(4);
        assertFalse(last.at("/candidates/0/content/parts/0").has("thought"));
        JsonNode usage = last.get("usageMetadata");
        assertEquals(2, usage.get("candidatesTokenCount").asInt(), "the answer only");
        assertEquals(3, usage.get("thoughtsTokenCount").asInt());
        assertEquals(usage.get("promptTokenCount").asInt() + 5, usage.get("totalTokenCount").asInt());

        // Without includeThoughts the thinking is only counted; a budget of 0 turns it off, a budget caps it.
        List<JsonNode> hidden = events(stream("instant", "{" + USER + "}", "x-mock-output-tokens", "2",
                "x-mock-reasoning-tokens", "3", "x-mock-tokens-per-chunk", "1"));
        assertEquals(2, hidden.size());
        assertEquals(3, hidden.get(0).at("/usageMetadata/thoughtsTokenCount").asInt());
        List<JsonNode> off = events(stream("instant", "{" + USER + ",\"generationConfig\":{\"thinkingConfig\":"
                + "{\"thinkingBudget\":0}}}", "x-mock-output-tokens", "2", "x-mock-reasoning-tokens", "3"));
        assertFalse(off.get(0).get("usageMetadata").has("thoughtsTokenCount"));
        List<JsonNode> capped = events(stream("instant", "{" + USER + ",\"generationConfig\":{\"thinkingConfig\":"
                + "{\"thinkingBudget\":2}}}", "x-mock-output-tokens", "2", "x-mock-reasoning-tokens", "3"));
        assertEquals(2, capped.get(0).at("/usageMetadata/thoughtsTokenCount").asInt());

        JsonNode whole = JSON.readTree(post("/v1beta/models/instant:generateContent", thoughts,
                "x-mock-output-tokens", "2", "x-mock-reasoning-tokens", "3").body());
        assertTrue(whole.at("/candidates/0/content/parts/0/thought").asBoolean());
        assertEquals(3, whole.at("/usageMetadata/thoughtsTokenCount").asInt());
        assertEquals(2, whole.at("/usageMetadata/candidatesTokenCount").asInt());
    }

    @Test
    void shouldServeTheV1PathsOfGooglesJavaSdkToo() throws Exception {
        assertEquals(200, post("/v1/models/instant:streamGenerateContent?alt=sse", "{" + USER + "}").status());
        assertEquals(200, post("/v1/models/instant:generateContent", "{" + USER + "}").status());
    }

    @Test
    void shouldEndWithGooglesErrorObjectOnAMidStreamFault() throws Exception {
        List<JsonNode> events = events(stream("instant", "{" + USER + "}", "x-mock-fault", "error_event@after_chunks=2"));
        assertEquals(3, events.size());
        assertEquals("{\"error\":{\"code\":503,\"message\":\"The model is overloaded. Please try again later.\","
                + "\"status\":\"UNAVAILABLE\"}}", events.get(2).toString());
        JsonNode typed = events(stream("instant", "{" + USER + "}", "x-mock-fault",
                "error_event:type=INTERNAL,message=boom@after_chunks=1")).get(1);
        assertEquals(500, typed.at("/error/code").asInt());
        assertEquals("INTERNAL", typed.at("/error/status").asText());
        assertEquals("boom", typed.at("/error/message").asText());
    }

    @Test
    void shouldAnswerErrorsInGooglesShape() throws Exception {
        assertError(stream("instant", "{" + USER + "}", "x-mock-fault", "http:status=429"), 429, "RESOURCE_EXHAUSTED");
        assertError(stream("instant", "{" + USER + "}", "x-mock-fault", "http:status=503"), 503, "UNAVAILABLE");
        assertError(stream("instant", "{not json"), 400, "INVALID_ARGUMENT");
        JsonNode e = assertError(stream("instant", "{}"), 400, "INVALID_ARGUMENT");
        assertTrue(e.at("/error/message").asText().contains("contents is not specified"));
        e = assertError(post("/v1beta/models/instant:streamGenerateContent", "{" + USER + "}"), 400, "INVALID_ARGUMENT");
        assertTrue(e.at("/error/message").asText().contains("alt=sse"), e.toString());
        assertError(stream("instant", "{" + USER + ",\"generationConfig\":{\"candidateCount\":2}}"), 400,
                "INVALID_ARGUMENT");
        assertError(stream("instant", "{" + USER + ",\"tools\":[{\"googleSearch\":{}}]}"), 400, "INVALID_ARGUMENT");
        e = assertError(post("/v1beta/v1beta/models/instant:generateContent", "{" + USER + "}"), 404, "NOT_FOUND");
        assertTrue(e.at("/error/message").asText().contains("base URL"), e.toString());
    }

    @Test
    void shouldTakeTheKeyFromTheGoogleHeaderOrTheQuery() throws Exception {
        JsonNode e = assertError(stream("keyed", "{" + USER + "}"), 403, "PERMISSION_DENIED");
        assertTrue(e.at("/error/message").asText().contains("API Key"));
        assertEquals(200, stream("keyed", "{" + USER + "}", "x-goog-api-key", "k").status());
        assertEquals(200, post(String.format(STREAM, "keyed") + "&key=k", "{" + USER + "}").status());
    }

    private static JsonNode assertError(RawHttpClient.Response r, int status, String googleStatus) throws Exception {
        assertEquals(status, r.status(), r.body());
        assertEquals("application/json; charset=UTF-8", r.headers().get("content-type"));
        JsonNode body = JSON.readTree(r.body());
        assertEquals("error", body.fieldNames().next(), "error is the first key (python-genai needs it)");
        assertEquals(status, body.at("/error/code").asInt());
        assertEquals(googleStatus, body.at("/error/status").asText());
        assertFalse(body.at("/error/message").asText().isEmpty());
        return body;
    }
}
