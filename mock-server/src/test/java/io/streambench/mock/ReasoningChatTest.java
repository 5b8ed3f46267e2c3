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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A reasoning model on chat completions, as servers that stream its thinking send it: reasoning deltas in the
 * profile's field before the answer, paced like the answer, counted in usage and in the token limit.
 */
@ExtendWith(LeakTracking.class)
class ReasoningChatTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String USER = "\"messages\":[{\"role\":\"user\",\"content\":\"What is 17 + 25?\"}]";
    private static final String USAGE = "\"stream_options\":{\"include_usage\":true}";

    private static MockServer server;

    @BeforeAll
    static void start() {
        server = MockServer.start(MockServerConfig.defaults().withProfiles(ProfileLoader.parse("""
                profiles:
                  thinker: {extends: instant, output_tokens: 20, reasoning_tokens: 12}
                  thinker-vllm: {extends: thinker, reasoning_field: reasoning}
                """)));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static RawHttpClient.Response post(String body, String... headers) throws Exception {
        try (RawHttpClient c = new RawHttpClient(server.port())) {
            return c.postAndRead("/v1/chat/completions", body, headers);
        }
    }

    private static List<JsonNode> chunks(RawHttpClient.Response r) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (RawHttpClient.Event e : r.events()) {
            if (e.data() != null && !e.data().equals("[DONE]")) {
                out.add(JSON.readTree(e.data()));
            }
        }
        return out;
    }

    /** The joined values of one delta field, in order. */
    private static String joined(List<JsonNode> chunks, String field) {
        StringBuilder sb = new StringBuilder();
        for (JsonNode c : chunks) {
            JsonNode v = c.at("/choices/0/delta/" + field);
            if (v.isTextual()) {
                sb.append(v.asText());
            }
        }
        return sb.toString();
    }

    private static long deltasWith(List<JsonNode> chunks, String field) {
        return chunks.stream().filter(c -> c.at("/choices/0/delta").has(field)).count();
    }

    @Test
    void shouldStreamReasoningContentBeforeTheAnswerAndCountItInUsage() throws Exception {
        List<JsonNode> chunks = chunks(post("{\"model\":\"thinker\",\"stream\":true," + USAGE + "," + USER + "}"));

        assertEquals("assistant", chunks.get(0).at("/choices/0/delta/role").asText());
        // role, 12 reasoning deltas, 20 content deltas, finish, usage
        assertEquals(1 + 12 + 20 + 2, chunks.size());
        for (JsonNode c : chunks.subList(1, 13)) {
            JsonNode delta = c.at("/choices/0/delta");
            assertEquals(1, delta.size(), "a reasoning delta carries only its field: " + delta);
            assertFalse(delta.get("reasoning_content").asText().isEmpty());
        }
        for (JsonNode c : chunks.subList(13, 33)) {
            assertTrue(c.at("/choices/0/delta").has("content"), "the answer follows the reasoning: " + c);
        }
        assertEquals(0, deltasWith(chunks, "reasoning"), "only the profile's field");
        JsonNode usage = chunks.get(chunks.size() - 1).get("usage");
        assertEquals(32, usage.get("completion_tokens").asInt(), "reasoning is part of completion_tokens");
        assertEquals(12, usage.at("/completion_tokens_details/reasoning_tokens").asInt());
        assertEquals(usage.get("prompt_tokens").asInt() + 32, usage.get("total_tokens").asInt());
    }

    @Test
    void shouldUseTheDeltaFieldTheProfileNames() throws Exception {
        List<JsonNode> chunks = chunks(post("{\"model\":\"thinker-vllm\",\"stream\":true," + USER + "}"));

        assertEquals(12, deltasWith(chunks, "reasoning"));
        assertEquals(0, deltasWith(chunks, "reasoning_content"));
    }

    @Test
    void shouldTakeTheCountFromTheHeaderAndReasonNotAtAllForEffortNone() throws Exception {
        List<JsonNode> fromHeader = chunks(post("{\"model\":\"instant\",\"stream\":true," + USAGE + "," + USER + "}",
                "x-mock-reasoning-tokens", "5"));
        assertEquals(5, deltasWith(fromHeader, "reasoning_content"));
        assertEquals(5, fromHeader.get(fromHeader.size() - 1).at("/usage/completion_tokens_details/reasoning_tokens").asInt());

        List<JsonNode> off = chunks(post("{\"model\":\"thinker\",\"stream\":true,\"reasoning_effort\":\"none\","
                + USAGE + "," + USER + "}"));
        assertEquals(0, deltasWith(off, "reasoning_content"));
        assertEquals(20, off.get(off.size() - 1).at("/usage/completion_tokens").asInt());
        assertEquals(0, off.get(off.size() - 1).at("/usage/completion_tokens_details/reasoning_tokens").asInt());

        RawHttpClient.Response bad = post("{\"model\":\"thinker\",\"stream\":true,\"reasoning_effort\":\"lots\"," + USER + "}");
        assertEquals(400, bad.status());
        assertEquals("reasoning_effort", JSON.readTree(bad.body()).at("/error/param").asText());
    }

    @Test
    void shouldCountReasoningTowardTheTokenLimit() throws Exception {
        List<JsonNode> cut = chunks(post("{\"model\":\"thinker\",\"stream\":true,\"max_tokens\":15," + USAGE + ","
                + USER + "}"));
        assertEquals(12, deltasWith(cut, "reasoning_content"));
        assertEquals(3, deltasWith(cut, "content") - 1, "three answer tokens besides the role chunk's empty content");
        assertEquals("length", cut.get(cut.size() - 2).at("/choices/0/finish_reason").asText());
        assertEquals(15, cut.get(cut.size() - 1).at("/usage/completion_tokens").asInt());

        List<JsonNode> thinkingOnly = chunks(post("{\"model\":\"thinker\",\"stream\":true,\"max_completion_tokens\":8,"
                + USAGE + "," + USER + "}"));
        assertEquals(8, deltasWith(thinkingOnly, "reasoning_content"));
        assertEquals(1, deltasWith(thinkingOnly, "content"), "no answer at all, only the role chunk");
        assertEquals("length", thinkingOnly.get(thinkingOnly.size() - 2).at("/choices/0/finish_reason").asText());
        assertEquals(8, thinkingOnly.get(thinkingOnly.size() - 1).at("/usage/completion_tokens_details/reasoning_tokens").asInt());
    }

    @Test
    void shouldKeepTheAnswerOfASeedWhetherTheModelReasonsOrNot() throws Exception {
        String body = "{\"model\":\"thinker\",\"stream\":true," + USER + "}";
        List<JsonNode> reasoning = chunks(post(body, "x-mock-seed", "7"));
        List<JsonNode> plain = chunks(post(body, "x-mock-seed", "7", "x-mock-reasoning-tokens", "0"));

        assertEquals(0, deltasWith(plain, "reasoning_content"));
        assertEquals(joined(plain, "content"), joined(reasoning, "content"));
    }

    @Test
    void shouldAnswerStreamFalseWithTheSameReasoningAndAnswer() throws Exception {
        String streamed = "{\"model\":\"thinker\",\"stream\":true," + USER + "}";
        List<JsonNode> chunks = chunks(post(streamed, "x-mock-seed", "8"));
        JsonNode whole = JSON.readTree(post(streamed.replace("\"stream\":true", "\"stream\":false"), "x-mock-seed", "8").body());

        JsonNode message = whole.at("/choices/0/message");
        assertEquals(joined(chunks, "reasoning_content"), message.get("reasoning_content").asText());
        assertEquals(joined(chunks, "content"), message.get("content").asText());
        assertEquals(12, whole.at("/usage/completion_tokens_details/reasoning_tokens").asInt());
    }

    @Test
    void shouldPaceReasoningLikeTextFromTheFirstTokenAtTheTimeToFirstToken() throws Exception {
        RawHttpClient.Response r = post("{\"model\":\"thinker\",\"stream\":true," + USER + "}",
                "x-mock-ttft-ms", "80", "x-mock-itl-ms", "10", "x-mock-reasoning-tokens", "4",
                "x-mock-output-tokens", "3", "x-mock-timestamps", "true");
        List<RawHttpClient.Event> events = r.events();
        // role and first reasoning delta (one step), 3 more reasoning deltas, 3 content deltas, finish, [DONE]
        assertEquals(10, events.size());
        assertTrue(events.get(1).data().contains("\"reasoning_content\""), events.get(1).data());
        assertTrue((events.get(1).arrivalNanos() - r.sentNanos()) / 1e6 >= 80, "the first reasoning token at ttft");
        assertEquals(stamp(events.get(0)), stamp(events.get(1)), "the role chunk and the first token go together");
        assertTrue(events.get(5).data().contains("\"content\""), events.get(5).data());
        // Four gaps after the first reasoning token, on absolute deadlines: never early, late only by the
        // server's lateness (which either stamp may carry, hence the loose lower bound between stamps).
        assertTrue((events.get(5).arrivalNanos() - r.sentNanos()) / 1e6 >= 80 + 40, "the first answer token");
        double thinkingMs = (stamp(events.get(5)) - stamp(events.get(1))) / 1e6;
        assertTrue(thinkingMs > 30 && thinkingMs < 40 + 25, "four gaps of reasoning: " + thinkingMs + " ms");
    }

    private static long stamp(RawHttpClient.Event e) {
        return Long.parseLong(e.lines().get(0).substring(": t=".length()));
    }
}
