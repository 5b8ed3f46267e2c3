package io.streambench.mock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import io.streambench.mock.profile.ProfileLoader;
import io.streambench.mock.testing.LeakTracking;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Through HTTP: the time to first token grows with the prompt as the profile's prefill model says, usage
 * reports the prompt as the driver's tokenizer counts it, and a repeated prompt's cached blocks skip prefill.
 * Times measured by a client in the same JVM are never early and, on a loaded 2-core machine, at most a few
 * tens of milliseconds late, so the checks compare against what the model says with that much slack.
 */
@ExtendWith(LeakTracking.class)
class PrefillModelTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final Encoding O200K = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE);
    private static final String PROFILES = """
            profiles:
              prefill:
                ttft_ms: 30
                itl_ms: 1
                output_tokens: 3
                prefill_ms_per_1k_tokens: 50
              cached:
                ttft_ms: 20
                itl_ms: 1
                output_tokens: 3
                prefill_ms_per_1k_tokens: 200
                prefix_cache: {blocks: 1024, block_tokens: 16}
            """;

    @Test
    void shouldGrowTheTimeToFirstTokenWithThePromptAsTheProfileSays() throws Exception {
        try (MockServer server = MockServer.start(MockServerConfig.defaults().withProfiles(
                        ProfileLoader.parse(PROFILES)));
                RawHttpClient c = new RawHttpClient(server.port())) {
            c.postAndRead("/v1/chat/completions", body("prefill", "warm up")); // class loading, JIT
            String small = text(100, "small");
            String large = text(3000, "large");
            Measured s = fastest(c, body("prefill", small));
            Measured l = fastest(c, body("prefill", large));
            assertEquals(O200K.countTokensOrdinary(small), s.promptTokens, "usage counts as the driver does");
            assertEquals(O200K.countTokensOrdinary(large), l.promptTokens);
            double expectedSmall = 30 + 0.05 * s.promptTokens;
            double expectedLarge = 30 + 0.05 * l.promptTokens;
            assertTrue(s.ttftMs >= expectedSmall && s.ttftMs < expectedSmall + 40, "small: " + s.ttftMs + " ms");
            assertTrue(l.ttftMs >= expectedLarge && l.ttftMs < expectedLarge + 40, "large: " + l.ttftMs + " ms");
            double grown = l.ttftMs - s.ttftMs;
            double expected = 0.05 * (l.promptTokens - s.promptTokens);
            assertEquals(expected, grown, 20, "ttft grew by " + grown + " ms; the model says " + expected);
        }
    }

    @Test
    void shouldSkipPrefillForCachedBlocksAndReportThemInUsage() throws Exception {
        try (MockServer server = MockServer.start(MockServerConfig.defaults().withProfiles(
                        ProfileLoader.parse(PROFILES)));
                RawHttpClient c = new RawHttpClient(server.port())) {
            c.postAndRead("/v1/chat/completions", body("cached", "warm up"));
            String prompt = text(1000, "cacheable");
            Measured first = measure(c, body("cached", prompt));
            Measured second = fastest(c, body("cached", prompt));
            int tokens = O200K.countTokensOrdinary(prompt);
            assertEquals(tokens, first.promptTokens);
            assertEquals(0, first.cachedTokens);
            int fullBlocks = tokens / 16 - (tokens % 16 == 0 ? 1 : 0);
            assertEquals(fullBlocks * 16, second.cachedTokens, "every full block but never all of the prompt");
            assertEquals(tokens, second.promptTokens);
            double uncachedPrefill = 0.2 * (tokens - second.cachedTokens);
            assertTrue(first.ttftMs >= 20 + 0.2 * tokens, "first: " + first.ttftMs);
            assertTrue(second.ttftMs >= 20 + uncachedPrefill && second.ttftMs < 20 + uncachedPrefill + 40,
                    "second: " + second.ttftMs + " ms");

            c.send("GET /stats HTTP/1.1\r\nHost: x\r\n\r\n");
            JsonNode model = JSON.readTree(c.read(0).body()).at("/models/cached");
            assertEquals(O200K.countTokensOrdinary("warm up") + 4L * tokens, model.get("input_tokens").asLong(),
                    "the warm-up and the prompt four times");
            assertEquals(3L * second.cachedTokens, model.get("cached_tokens").asLong());
            assertEquals(5, model.at("/prefill_ms/count").asLong());
        }
    }

    private static Measured fastest(RawHttpClient c, String body) throws Exception {
        return fastestOfThree(() -> measure(c, body), Measured::ttftMs);
    }

    /** One timed request. */
    @FunctionalInterface
    interface Timing<T> {
        T measure() throws Exception;
    }

    /**
     * The fastest of three by {@code time}: each is never early, and the fastest is the one least delayed by a
     * busy machine (another thread on the core, a collection).
     */
    static <T> T fastestOfThree(Timing<T> timing, ToDoubleFunction<T> time) throws Exception {
        T best = null;
        for (int i = 0; i < 3; i++) {
            T m = timing.measure();
            if (best == null || time.applyAsDouble(m) < time.applyAsDouble(best)) {
                best = m;
            }
        }
        return best;
    }

    private static Measured measure(RawHttpClient c, String body) throws Exception {
        RawHttpClient.Response r = c.postAndRead("/v1/chat/completions", body);
        assertEquals(200, r.status(), r.body());
        List<RawHttpClient.Event> events = r.events();
        // role and first content ride in the first event's step: the first content event is index 1
        JsonNode firstContent = JSON.readTree(events.get(1).data());
        assertTrue(firstContent.at("/choices/0/delta/content").isTextual(), events.get(1).data());
        JsonNode usage = null;
        for (RawHttpClient.Event e : events) {
            if (e.data() != null && e.data().contains("\"usage\":{")) {
                usage = JSON.readTree(e.data()).get("usage");
            }
        }
        assertTrue(usage != null, "a usage chunk");
        return new Measured((events.get(1).arrivalNanos() - r.sentNanos()) / 1e6, usage.get("prompt_tokens").asInt(),
                usage.at("/prompt_tokens_details/cached_tokens").asInt());
    }

    private record Measured(double ttftMs, int promptTokens, int cachedTokens) {
    }

    static String body(String model, String prompt) {
        return "{\"model\":\"" + model + "\",\"stream\":true,\"stream_options\":{\"include_usage\":true},"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"" + prompt + "\"}]}";
    }

    /** About {@code tokens} tokens of distinct words (no characters JSON must escape). */
    static String text(int tokens, String stem) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; O200K.countTokensOrdinary(sb.toString()) < tokens; i++) {
            for (int j = 0; j < 50; j++) {
                sb.append(' ').append(stem).append(i * 50 + j);
            }
        }
        return sb.toString();
    }
}
