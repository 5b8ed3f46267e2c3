package io.streambench.mock;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streambench.mock.profile.ProfileLoader;
import io.streambench.mock.testing.LeakTracking;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * vLLM's {@code ignore_eos} and {@code min_tokens}, which the driver sends with {@code --ignore-eos}: the
 * answer runs to {@code max_tokens}, or has at least {@code min_tokens}; what cannot be honoured is a 400.
 * The {@code instant} profile answers 64 tokens, one per event.
 */
@ExtendWith(LeakTracking.class)
class OutputLengthTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldRunToMaxTokensWithIgnoreEos() throws Exception {
        Answer a = ask("\"max_tokens\":100,\"ignore_eos\":true");
        assertEquals(100, a.contentEvents);
        assertEquals(100, a.completionTokens);
        assertEquals("length", a.finishReason);
    }

    @Test
    void shouldHonourMinTokensAsAFloor() throws Exception {
        Answer raised = ask("\"max_tokens\":100,\"min_tokens\":80");
        assertEquals(80, raised.contentEvents);
        assertEquals("stop", raised.finishReason);
        Answer natural = ask("\"min_tokens\":10");
        assertEquals(64, natural.contentEvents, "a floor below the answer's length changes nothing");
        Answer cut = ask("\"max_completion_tokens\":30,\"min_tokens\":30");
        assertEquals(30, cut.contentEvents);
    }

    /** Legacy completions (non-streaming): vLLM takes the same two fields there. */
    @Test
    void shouldHonourBothOnLegacyCompletions() throws Exception {
        try (MockServer server = MockServer.start(MockServerConfig.defaults());
                RawHttpClient c = new RawHttpClient(server.port())) {
            JsonNode ran = completion(c, "\"max_tokens\":100,\"ignore_eos\":true");
            assertEquals(100, ran.at("/usage/completion_tokens").asInt());
            assertEquals("length", ran.at("/choices/0/finish_reason").asText());
            JsonNode floor = completion(c, "\"max_tokens\":100,\"min_tokens\":80");
            assertEquals(80, floor.at("/usage/completion_tokens").asInt());
            assertEquals("stop", floor.at("/choices/0/finish_reason").asText());
            RawHttpClient.Response refused = c.postAndRead("/v1/completions",
                    "{\"model\":\"instant\",\"prompt\":\"hi\",\"max_tokens\":10,\"min_tokens\":11}");
            assertEquals(400, refused.status(), refused.body());
            assertEquals("min_tokens", JSON.readTree(refused.body()).at("/error/param").asText());
        }
    }

    /**
     * min_tokens counts every generated token, reasoning included (as vLLM counts it), and ignore_eos leaves the
     * reasoning its share of max_tokens: 20 reasoning tokens, then text.
     */
    @Test
    void shouldCountReasoningTowardMinTokensAndMaxTokens() throws Exception {
        try (MockServer server = MockServer.start(MockServerConfig.defaults().withProfiles(ProfileLoader.parse(
                        "profiles: {thinker: {extends: instant, reasoning_tokens: 20}}")));
                RawHttpClient c = new RawHttpClient(server.port())) {
            JsonNode floor = JSON.readTree(c.postAndRead("/v1/chat/completions", "{\"model\":\"thinker\","
                    + "\"max_tokens\":200,\"min_tokens\":100,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                    .body());
            assertEquals(100, floor.at("/usage/completion_tokens").asInt(), floor.toString());
            assertEquals(20, floor.at("/usage/completion_tokens_details/reasoning_tokens").asInt());
            JsonNode ran = JSON.readTree(c.postAndRead("/v1/chat/completions", "{\"model\":\"thinker\","
                    + "\"max_tokens\":50,\"ignore_eos\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                    .body());
            assertEquals(50, ran.at("/usage/completion_tokens").asInt(), ran.toString());
            assertEquals("length", ran.at("/choices/0/finish_reason").asText());
        }
    }

    private static JsonNode completion(RawHttpClient c, String fields) throws Exception {
        RawHttpClient.Response r = c.postAndRead("/v1/completions", "{\"model\":\"instant\",\"prompt\":\"hi\"," + fields
                + "}");
        assertEquals(200, r.status(), r.body());
        return JSON.readTree(r.body());
    }

    @Test
    void shouldRefuseWhatItCannotHonour() throws Exception {
        assertError("\"ignore_eos\":true", "ignore_eos");
        assertError("\"max_tokens\":10,\"min_tokens\":11", "min_tokens");
        assertError("\"min_tokens\":-1", "min_tokens");
        assertError("\"min_tokens\":\"5\"", "min_tokens");
        assertError("\"max_tokens\":10,\"ignore_eos\":\"yes\"", "ignore_eos");
    }

    private static Answer ask(String fields) throws Exception {
        try (MockServer server = MockServer.start(MockServerConfig.defaults());
                RawHttpClient c = new RawHttpClient(server.port())) {
            RawHttpClient.Response r = c.postAndRead("/v1/chat/completions", body(fields));
            assertEquals(200, r.status(), r.body());
            int content = 0;
            String finish = null;
            long completion = -1;
            for (RawHttpClient.Event e : r.events()) {
                if (e.data() == null || e.data().equals("[DONE]")) {
                    continue;
                }
                JsonNode chunk = JSON.readTree(e.data());
                JsonNode choice = chunk.path("choices").path(0);
                if (choice.path("delta").path("content").isTextual() && !choice.path("delta").has("role")) {
                    content++;
                }
                if (choice.path("finish_reason").isTextual()) {
                    finish = choice.path("finish_reason").asText();
                }
                if (chunk.path("usage").isObject()) {
                    completion = chunk.path("usage").path("completion_tokens").asLong();
                }
            }
            return new Answer(content, completion, finish);
        }
    }

    private static void assertError(String fields, String param) throws Exception {
        try (MockServer server = MockServer.start(MockServerConfig.defaults());
                RawHttpClient c = new RawHttpClient(server.port())) {
            RawHttpClient.Response r = c.postAndRead("/v1/chat/completions", body(fields));
            assertEquals(400, r.status(), fields + ": " + r.body());
            assertEquals(param, JSON.readTree(r.body()).at("/error/param").asText(), r.body());
        }
    }

    private static String body(String fields) {
        return "{\"model\":\"instant\",\"stream\":true,\"stream_options\":{\"include_usage\":true}," + fields
                + ",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    }

    private record Answer(int contentEvents, long completionTokens, String finishReason) {
    }
}
