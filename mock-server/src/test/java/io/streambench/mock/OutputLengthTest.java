package io.streambench.mock;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
