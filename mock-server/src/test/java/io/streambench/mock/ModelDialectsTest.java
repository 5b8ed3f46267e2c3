package io.streambench.mock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streambench.mock.profile.ProfileLoader;
import io.streambench.mock.testing.LeakTracking;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The server model through the APIs other than chat completions: each decoder hands the model every message of
 * the prompt (system text included), each format reports the model's prompt count and its cached tokens in the
 * API's own usage field, the prefill delays the first token but not the Responses API's opening, and reasoning
 * the client does not see still holds a slot of the batch for its decoding steps. Times measured by a client in
 * the same JVM are never early and at most a few tens of milliseconds late on a loaded 2-core machine.
 */
@ExtendWith(LeakTracking.class)
class ModelDialectsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROFILES = """
            profiles:
              cached:
                ttft_ms: 5
                itl_ms: 1
                output_tokens: 3
                prefill_ms_per_1k_tokens: 10
                prefix_cache: {blocks: 1024, block_tokens: 16}
              prefill:
                ttft_ms: 30
                itl_ms: 1
                output_tokens: 3
                prefill_ms_per_1k_tokens: 50
              thinker:
                ttft_ms: 50
                itl_ms: 10
                output_tokens: 5
                reasoning_tokens: 10
                tokens_per_chunk: 1
                capacity: {sequences: 1}
            """;
    private static final String SYSTEM = PrefillModelTest.text(200, "system");
    private static final String EARLIER = PrefillModelTest.text(100, "earlier");
    private static final String ANSWER = PrefillModelTest.text(50, "answer");
    private static final String LAST = PrefillModelTest.text(60, "last");
    /** The model counts each message's text, no template: as the driver counts a prompt. */
    private static final int CONVERSATION_TOKENS = count(SYSTEM) + count(EARLIER) + count(ANSWER) + count(LAST);

    @Test
    void shouldCountEveryMessageAndReportCachedTokensInEachApisOwnField() throws Exception {
        // A server each: the same conversation through another API would find its blocks cached (the roles and
        // texts are the same), which is right but not what is checked here.
        String responses = "{\"model\":\"cached\",\"instructions\":\"" + SYSTEM + "\",\"input\":["
                + "{\"role\":\"user\",\"content\":\"" + EARLIER + "\"},"
                + "{\"role\":\"assistant\",\"content\":\"" + ANSWER + "\"},"
                + "{\"role\":\"user\",\"content\":\"" + LAST + "\"}]}";
        assertCounted("responses", CONVERSATION_TOKENS, c -> usage(c.postAndRead("/v1/responses", responses),
                "/usage/input_tokens", "/usage/input_tokens_details/cached_tokens"));

        String messages = "{\"model\":\"cached\",\"max_tokens\":100,\"system\":\"" + SYSTEM + "\",\"messages\":["
                + "{\"role\":\"user\",\"content\":\"" + EARLIER + "\"},"
                + "{\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"" + ANSWER + "\"}]},"
                + "{\"role\":\"user\",\"content\":\"" + LAST + "\"}]}";
        assertCounted("messages", CONVERSATION_TOKENS,
                c -> anthropic(c.postAndRead("/v1/messages", messages, "anthropic-version", "2023-06-01")));

        String gemini = "{\"systemInstruction\":{\"parts\":[{\"text\":\"" + SYSTEM + "\"}]},\"contents\":["
                + "{\"role\":\"user\",\"parts\":[{\"text\":\"" + EARLIER + "\"}]},"
                + "{\"role\":\"model\",\"parts\":[{\"text\":\"" + ANSWER + "\"}]},"
                + "{\"role\":\"user\",\"parts\":[{\"text\":\"" + LAST + "\"}]}]}";
        assertCounted("gemini", CONVERSATION_TOKENS, c -> usage(c.postAndRead("/v1beta/models/cached:generateContent",
                gemini), "/usageMetadata/promptTokenCount", "/usageMetadata/cachedContentTokenCount"));

        String completions = "{\"model\":\"cached\",\"prompt\":\"" + SYSTEM + EARLIER + "\"}";
        assertCounted("completions", count(SYSTEM + EARLIER), c -> usage(c.postAndRead("/v1/completions",
                completions), "/usage/prompt_tokens", "/usage/prompt_tokens_details/cached_tokens"));

        // A prompt of token ids counts as given: 40 ids, two full blocks.
        StringBuilder ids = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            ids.append(i == 0 ? "" : ",").append(1000 + i);
        }
        String tokenIds = "{\"model\":\"cached\",\"prompt\":[" + ids + "]}";
        assertCounted("completions of token ids", 40, c -> usage(c.postAndRead("/v1/completions", tokenIds),
                "/usage/prompt_tokens", "/usage/prompt_tokens_details/cached_tokens"));
    }

    /** One request of an API, and the usage its answer reports. */
    @FunctionalInterface
    private interface Ask {
        Usage ask(RawHttpClient c) throws Exception;
    }

    /** The same request twice on a fresh server: every token counted, then every full block found cached. */
    private static void assertCounted(String api, int tokens, Ask ask) throws Exception {
        try (MockServer server = start(); RawHttpClient c = new RawHttpClient(server.port())) {
            assertEquals(new Usage(tokens, 0), ask.ask(c), api + ": every message counted, nothing cached yet");
            int fullBlocks = tokens / 16 - (tokens % 16 == 0 ? 1 : 0);
            assertEquals(new Usage(tokens, fullBlocks * 16), ask.ask(c), api + ": the repeat finds every full block");
        }
    }

    /**
     * prefill: 30 ms plus 50 ms per 1,000 uncached tokens. {@code response.created} goes out on accepting the
     * request, the first text after the prefill.
     */
    @Test
    void shouldDelayTheFirstTokenButNotTheResponsesOpeningByThePrefill() throws Exception {
        try (MockServer server = start(); RawHttpClient c = new RawHttpClient(server.port())) {
            streamResponses(c, "warm up"); // class loading, JIT
            String small = PrefillModelTest.text(100, "small");
            String large = PrefillModelTest.text(3000, "large");
            Timed s = fastest(c, small);
            Timed l = fastest(c, large);
            double expectedSmall = 30 + 0.05 * count(small);
            double expectedLarge = 30 + 0.05 * count(large);
            assertTrue(s.firstTextMs >= expectedSmall && s.firstTextMs < expectedSmall + 40, "small: " + s);
            assertTrue(l.firstTextMs >= expectedLarge && l.firstTextMs < expectedLarge + 40, "large: " + l);
            assertEquals(count(large), l.inputTokens);
            assertTrue(l.createdMs < 30, "response.created at once, not after a 150 ms prefill: " + l);
        }
    }

    /**
     * thinker: one slot; an answer of 10 reasoning and 5 text tokens, one per step, holds it 50 + 14 x 10 =
     * 190 ms (50 + 4 x 10 = 90 ms if the reasoning the client does not see were no decoding steps). A second
     * request sent with the first waits for that slot: the model's wait is 190 ms less how much later it came.
     */
    @Test
    void shouldHoldTheSlotForReasoningTheClientDoesNotSee() throws Exception {
        String body = "{\"contents\":[{\"parts\":[{\"text\":\"hi\"}]}]}";
        String path = "/v1beta/models/thinker:streamGenerateContent?alt=sse";
        try (MockServer server = start()) {
            try (RawHttpClient warm = new RawHttpClient(server.port())) {
                assertEquals(200, warm.postAndRead(path, body).status());
            }
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<RawHttpClient.Response>> answers = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    answers.add(pool.submit(() -> {
                        try (RawHttpClient c = new RawHttpClient(server.port())) {
                            return c.postAndRead(path, body);
                        }
                    }));
                }
                for (Future<RawHttpClient.Response> f : answers) {
                    RawHttpClient.Response r = f.get(10, TimeUnit.SECONDS);
                    assertEquals(200, r.status(), r.body());
                    String last = r.events().get(r.events().size() - 1).data();
                    assertEquals(10, JSON.readTree(last).at("/usageMetadata/thoughtsTokenCount").asInt(), last);
                    assertTrue(!r.body().contains("\"thought\""), "thoughts not streamed without includeThoughts");
                }
            } finally {
                pool.shutdownNow();
                assertTrue(pool.awaitTermination(5, TimeUnit.SECONDS));
            }
            JsonNode model;
            try (RawHttpClient c = new RawHttpClient(server.port())) {
                c.send("GET /stats HTTP/1.1\r\nHost: x\r\n\r\n");
                model = JSON.readTree(c.read(0).body()).at("/models/thinker");
            }
            assertEquals(1, model.get("queued").asInt());
            double maxWait = model.at("/queue_wait_ms/max").asDouble();
            // At most 190 ms when the second was read after the first; more by their skew when the two
            // connections' loops admit them in the other order than their reads (the slot's holder then came later
            // than the waiting one: seen as 192.5 ms on a busy machine). 90 ms (reasoning not held) stays far out.
            assertTrue(maxWait > 140 && maxWait <= 190 + 10, "the model's wait: " + maxWait + " ms");
        }
    }

    private static MockServer start() {
        return MockServer.start(MockServerConfig.defaults().withProfiles(ProfileLoader.parse(PROFILES)));
    }

    private static int count(String text) {
        return PrefillModelTest.O200K.countTokensOrdinary(text);
    }

    /** Prompt and cached tokens: a missing cached field counts 0 (Gemini omits zero counts). */
    private record Usage(int prompt, int cached) {
    }

    private static Usage usage(RawHttpClient.Response r, String prompt, String cached) throws Exception {
        assertEquals(200, r.status(), r.body());
        JsonNode answer = JSON.readTree(r.body());
        return new Usage(answer.at(prompt).asInt(), answer.at(cached).asInt());
    }

    /** Anthropic's input_tokens leave out what was read from the cache: the prompt is their sum. */
    private static Usage anthropic(RawHttpClient.Response r) throws Exception {
        assertEquals(200, r.status(), r.body());
        JsonNode usage = JSON.readTree(r.body()).get("usage");
        int cached = usage.get("cache_read_input_tokens").asInt();
        return new Usage(usage.get("input_tokens").asInt() + cached, cached);
    }

    private record Timed(double createdMs, double firstTextMs, int inputTokens) {
    }

    private static Timed fastest(RawHttpClient c, String prompt) throws Exception {
        return PrefillModelTest.fastestOfThree(() -> streamResponses(c, prompt), Timed::firstTextMs);
    }

    private static Timed streamResponses(RawHttpClient c, String prompt) throws Exception {
        RawHttpClient.Response r = c.postAndRead("/v1/responses",
                "{\"model\":\"prefill\",\"stream\":true,\"input\":\"" + prompt + "\"}");
        assertEquals(200, r.status(), r.body());
        double created = -1;
        double firstText = -1;
        int input = -1;
        for (RawHttpClient.Event e : r.events()) {
            JsonNode event = JSON.readTree(e.data());
            String type = event.get("type").asText();
            double ms = (e.arrivalNanos() - r.sentNanos()) / 1e6;
            if (type.equals("response.created")) {
                created = ms;
            } else if (type.equals("response.output_text.delta") && firstText < 0) {
                firstText = ms;
            } else if (type.equals("response.completed")) {
                input = event.at("/response/usage/input_tokens").asInt();
            }
        }
        assertTrue(created >= 0 && firstText >= 0, r.body());
        return new Timed(created, firstText, input);
    }
}
