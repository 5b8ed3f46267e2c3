package io.streambench.mock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streambench.mock.profile.ProfileLoader;
import io.streambench.mock.testing.LeakTracking;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What a raw client sees on {@code POST /v1/completions}, checked against docs/wire-formats.md and its recording. */
@ExtendWith(LeakTracking.class)
class CompletionsWireSequenceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static MockServer server;

    @BeforeAll
    static void start() {
        server = MockServer.start(MockServerConfig.defaults().withProfiles(ProfileLoader.parse("""
                profiles:
                  thinker: {extends: instant, reasoning_tokens: 10}
                """)));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static RawHttpClient.Response post(String body, String... headers) throws Exception {
        try (RawHttpClient c = new RawHttpClient(server.port())) {
            return c.postAndRead("/v1/completions", body, headers);
        }
    }

    private static List<JsonNode> chunks(RawHttpClient.Response r) throws Exception {
        assertEquals(200, r.status());
        List<RawHttpClient.Event> events = r.events();
        assertEquals("[DONE]", events.get(events.size() - 1).data());
        List<JsonNode> out = new ArrayList<>();
        for (RawHttpClient.Event e : events.subList(0, events.size() - 1)) {
            assertEquals(1, e.lines().size(), "one data: line per event, no event: lines: " + e.lines());
            out.add(JSON.readTree(e.data()));
        }
        return out;
    }

    private static String text(List<JsonNode> chunks, int index) {
        StringBuilder sb = new StringBuilder();
        for (JsonNode c : chunks) {
            for (JsonNode choice : c.get("choices")) {
                if (choice.get("index").asInt() == index) {
                    sb.append(choice.get("text").asText());
                }
            }
        }
        return sb.toString();
    }

    @Test
    void shouldStreamTextCompletionChunksWithTheFinishOnTheLastTextThenUsageAndDone() throws Exception {
        RawHttpClient.Response r = post("{\"model\":\"instant\",\"stream\":true,\"prompt\":\"Once upon a time\","
                + "\"max_tokens\":100,\"stream_options\":{\"include_usage\":true}}", "x-mock-output-tokens", "9");
        List<JsonNode> chunks = chunks(r);

        assertEquals(9 + 1, chunks.size(), "nine text chunks and the usage chunk: no role chunk");
        String id = chunks.get(0).get("id").asText();
        assertTrue(id.matches("cmpl-[A-Za-z0-9]{29}"), id);
        for (JsonNode c : chunks) {
            assertEquals(id, c.get("id").asText());
            assertEquals("text_completion", c.get("object").asText());
            assertEquals("instant", c.get("model").asText());
        }
        for (int i = 0; i < 9; i++) {
            JsonNode choice = chunks.get(i).at("/choices/0");
            assertFalse(choice.get("text").asText().isEmpty(), "every chunk carries text, the first too");
            assertTrue(choice.get("logprobs").isNull());
            assertEquals(i == 8 ? "stop" : "null", choice.get("finish_reason").isNull() ? "null"
                    : choice.get("finish_reason").asText(), "the finish reason rides on the last text: chunk " + i);
        }
        JsonNode usage = chunks.get(9);
        assertEquals(0, usage.get("choices").size());
        assertEquals(9, usage.at("/usage/completion_tokens").asInt());
        assertEquals(4, usage.at("/usage/prompt_tokens").asInt(), "the prompt's tokens, with no message overhead");
        assertEquals(13, usage.at("/usage/total_tokens").asInt());
        assertEquals(List.of(), RecordedShapes.differences(
                RecordedShapes.ofBody(RecordedShapes.recording("completions", "text.sse")),
                RecordedShapes.ofBody(r.body())));
    }

    @Test
    void shouldStopAtSixteenTokensWithoutMaxTokensAsOpenAiAndVllmDo() throws Exception {
        List<JsonNode> chunks = chunks(post("{\"model\":\"thinker\",\"stream\":true,\"prompt\":\"Once\"}",
                "x-mock-output-tokens", "40"));

        assertEquals(16, chunks.size());
        assertEquals("length", chunks.get(15).at("/choices/0/finish_reason").asText());
        assertFalse(chunks.toString().contains("reasoning"), "legacy completions never reason");
    }

    @Test
    void shouldAnswerEachPromptOfAListNTimesInterleavedByIndex() throws Exception {
        List<JsonNode> chunks = chunks(post("{\"model\":\"instant\",\"stream\":true,\"prompt\":[\"Once\",\"Twice\"],"
                + "\"n\":2,\"max_tokens\":3}"));

        Map<Integer, Integer> perIndex = new TreeMap<>();
        for (JsonNode c : chunks) {
            perIndex.merge(c.at("/choices/0/index").asInt(), 1, Integer::sum);
        }
        assertEquals(Map.of(0, 3, 1, 3, 2, 3, 3, 3), perIndex);
        assertEquals(List.of(0, 1, 2, 3), chunks.subList(0, 4).stream().map(c -> c.at("/choices/0/index").asInt()).toList());

        List<JsonNode> tokenIds = chunks(post("{\"model\":\"instant\",\"stream\":true,\"prompt\":[1,2,3],"
                + "\"max_tokens\":2,\"stream_options\":{\"include_usage\":true}}"));
        assertEquals(3, tokenIds.get(tokenIds.size() - 1).at("/usage/prompt_tokens").asInt(), "one token per id");
    }

    @Test
    void shouldAnswerStreamFalseWithTheSameTextForTheSameSeed() throws Exception {
        String body = "{\"model\":\"realistic\",\"stream\":true,\"prompt\":\"Once\",\"max_tokens\":50,\"n\":2}";
        List<JsonNode> chunks = chunks(post(body, "x-mock-seed", "3", "x-mock-ttft-ms", "0", "x-mock-itl-ms", "0"));
        JsonNode whole = JSON.readTree(post(body.replace("\"stream\":true", "\"stream\":false"), "x-mock-seed", "3",
                "x-mock-ttft-ms", "0", "x-mock-itl-ms", "0").body());

        assertEquals("text_completion", whole.get("object").asText());
        assertEquals(chunks.get(0).get("id"), whole.get("id"));
        for (int i = 0; i < 2; i++) {
            assertEquals(text(chunks, i), whole.at("/choices/" + i + "/text").asText());
            assertEquals("length", whole.at("/choices/" + i + "/finish_reason").asText());
        }
        assertEquals(100, whole.at("/usage/completion_tokens").asInt());
    }

    @Test
    void shouldSendTheErrorObjectMidStreamAndRefuseBadBodies() throws Exception {
        RawHttpClient.Response faulted = post("{\"model\":\"instant\",\"stream\":true,\"prompt\":\"Once\"}",
                "x-mock-fault", "error_event:code=boom@after_chunks=2");
        List<RawHttpClient.Event> events = faulted.events();
        assertEquals(3, events.size(), "two chunks, then the error, then the body ends");
        assertEquals("boom", JSON.readTree(events.get(2).data()).at("/error/code").asText());
        assertFalse(faulted.body().contains("[DONE]"));

        assertParam(post("{\"model\":\"instant\"}"), "prompt");
        assertParam(post("{\"model\":\"instant\",\"prompt\":[]}"), "prompt");
        assertParam(post("{\"model\":\"instant\",\"prompt\":{\"text\":\"x\"}}"), "prompt");
        assertParam(post("{\"model\":\"instant\",\"prompt\":[\"a\",3]}"), "prompt");
        assertParam(post("{\"model\":\"instant\",\"prompt\":\"x\",\"max_tokens\":0}"), "max_tokens");
        assertParam(post("{\"model\":\"instant\",\"prompt\":[\"a\",\"b\",\"c\"],\"n\":6}"), "n");
    }

    private static void assertParam(RawHttpClient.Response r, String param) throws Exception {
        assertEquals(400, r.status(), r.body());
        assertEquals(param, JSON.readTree(r.body()).at("/error/param").asText(), r.body());
    }
}
