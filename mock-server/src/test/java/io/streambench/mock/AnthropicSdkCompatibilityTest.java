package io.streambench.mock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.JsonValue;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.errors.OverloadedException;
import com.anthropic.errors.SseException;
import com.anthropic.errors.UnauthorizedException;
import com.anthropic.helpers.MessageAccumulator;
import com.anthropic.models.messages.ContentBlock;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.Model;
import com.anthropic.models.messages.RawContentBlockDelta;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.anthropic.models.messages.StopReason;
import com.anthropic.models.messages.ThinkingBlock;
import com.anthropic.models.messages.Tool;
import com.anthropic.models.messages.ToolChoiceTool;
import com.anthropic.models.messages.ToolUseBlock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streambench.mock.profile.ProfileLoader;
import io.streambench.mock.testing.LeakTracking;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The official Anthropic Java SDK (anthropic-java), pointed at an embedded mock with the base URL its users
 * give it (the server's, without {@code /v1}), streams with {@code messages().createStreaming}, reassembles with
 * its {@link MessageAccumulator} exactly the message the mock answers to {@code stream: false} for the same
 * seed, validates every event ({@code responseValidation}), and raises on the API's errors as against the real
 * one. Every request overrides the timing to zero.
 */
@Timeout(60)
@ExtendWith(LeakTracking.class)
class AnthropicSdkCompatibilityTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Map<String, String> SCHEMAS = new LinkedHashMap<>();

    static {
        SCHEMAS.put("get_weather", """
                {"type": "object",
                 "properties": {
                   "city": {"type": "string"},
                   "unit": {"type": "string", "enum": ["celsius", "fahrenheit"]},
                   "days": {"type": "integer", "minimum": 1, "maximum": 14}},
                 "required": ["city", "unit", "days"]}""");
        SCHEMAS.put("book_table", """
                {"type": "object",
                 "properties": {
                   "restaurant": {"type": "string"},
                   "party_size": {"type": "integer", "minimum": 1, "maximum": 12},
                   "seating": {"type": "string", "enum": ["indoor", "outdoor", "bar"]}},
                 "required": ["restaurant", "party_size", "seating"]}""");
    }

    private static MockServer server;
    private static AnthropicClient client;

    @BeforeAll
    static void startServerAndClient() {
        server = MockServer.start(MockServerConfig.defaults().withProfiles(
                ProfileLoader.parse("profiles: {locked: {extends: instant, require_api_key: true}}")));
        client = sdkClient().apiKey("test").build();
    }

    @AfterAll
    static void stopClientAndServer() {
        try {
            if (client != null) {
                client.close();
            }
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    @Test
    void shouldReassembleStreamedTextIdenticalToTheNonStreamingMessageForTheSameSeed() {
        MessageCreateParams params = params("instant", 11).build();

        List<RawMessageStreamEvent> events = stream(params);
        Message streamed = accumulate(events);
        Message whole = client.messages().create(params);

        assertEquals(whole, streamed, "the same message, field for field");
        String text = streamed.content().get(0).asText().text();
        assertFalse(text.isEmpty());
        assertEquals(StopReason.END_TURN, streamed.stopReason().orElseThrow());
        assertTrue(streamed.id().startsWith("msg_"));
        assertTrue(streamed.usage().inputTokens() > 0);
        assertEquals(64, streamed.usage().outputTokens(), "the instant profile's length");
        assertTrue(events.get(0).isMessageStart());
        assertTrue(events.get(events.size() - 1).isMessageStop());
    }

    @Test
    void shouldStopAtMaxTokens() {
        MessageCreateParams params = params("instant", 12).maxTokens(9).build();

        Message streamed = accumulate(stream(params));

        assertEquals(StopReason.MAX_TOKENS, streamed.stopReason().orElseThrow());
        assertEquals(9, streamed.usage().outputTokens());
        assertEquals(client.messages().create(params), streamed);
    }

    @Test
    void shouldReassembleTheThinkingBlockAndItsSignatureBeforeTheAnswer() {
        MessageCreateParams params = params("instant", 13).enabledThinking(1024)
                .putAdditionalHeader("x-mock-reasoning-tokens", "40").build();

        List<RawMessageStreamEvent> events = stream(params);
        Message streamed = accumulate(events);
        Message whole = client.messages().create(params);

        assertEquals(whole, streamed);
        assertEquals(2, streamed.content().size());
        ThinkingBlock thinking = streamed.content().get(0).asThinking();
        assertFalse(thinking.thinking().isEmpty());
        assertFalse(thinking.signature().isEmpty());
        assertFalse(streamed.content().get(1).asText().text().isEmpty());
        assertEquals(40, streamed.usage().outputTokensDetails().orElseThrow().thinkingTokens());
        assertEquals(40 + 64, streamed.usage().outputTokens(), "thinking counts in output_tokens");
        List<RawContentBlockDelta> deltas = events.stream().filter(RawMessageStreamEvent::isContentBlockDelta)
                .map(e -> e.asContentBlockDelta().delta()).toList();
        assertTrue(deltas.stream().filter(RawContentBlockDelta::isThinking).count() > 1, "thinking streams in pieces");
        assertEquals(1, deltas.stream().filter(RawContentBlockDelta::isSignature).count());
        int signature = indexOf(deltas, RawContentBlockDelta::isSignature);
        assertTrue(deltas.get(signature - 1).isThinking() && deltas.get(signature + 1).isText(),
                "the signature closes the thinking, the answer follows");
    }

    private static <T> int indexOf(List<T> list, java.util.function.Predicate<T> p) {
        for (int i = 0; i < list.size(); i++) {
            if (p.test(list.get(i))) {
                return i;
            }
        }
        return -1;
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 77, 9001})
    void shouldStreamParallelToolUseWhoseInputMatchesTheSchemas(long seed) throws IOException {
        MessageCreateParams params = withTools(params("realistic", seed)).build();

        Message streamed = accumulate(stream(params));
        Message whole = client.messages().create(params);

        assertEquals(whole, streamed);
        assertEquals(StopReason.TOOL_USE, streamed.stopReason().orElseThrow());
        List<ToolUseBlock> calls = streamed.content().stream().map(ContentBlock::asToolUse).toList();
        assertEquals(2, calls.size(), "realistic makes two parallel calls");
        Set<String> ids = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (ToolUseBlock call : calls) {
            assertTrue(call.id().startsWith("toolu_"), call.id());
            ids.add(call.id());
            names.add(call.name());
            assertMatchesSchema(call.name(), JSON.readTree(JSON.writeValueAsString(call._input())));
        }
        assertEquals(2, ids.size());
        assertEquals(SCHEMAS.keySet(), names);
    }

    @Test
    void shouldCallExactlyTheNamedTool() throws IOException {
        MessageCreateParams params = withTools(params("realistic", 22))
                .toolChoice(ToolChoiceTool.builder().name("book_table").build())
                .build();

        Message streamed = accumulate(stream(params));

        assertEquals(1, streamed.content().size());
        ToolUseBlock call = streamed.content().get(0).asToolUse();
        assertEquals("book_table", call.name());
        assertMatchesSchema("book_table", JSON.readTree(JSON.writeValueAsString(call._input())));
    }

    @Test
    void shouldRaiseOnTheMidStreamOverloadedErrorWithoutRetrying() throws IOException {
        AnthropicClient retrying = sdkClient().apiKey("test").maxRetries(2).build();
        try {
            MessageCreateParams params = params("instant", 52)
                    .putAdditionalHeader("x-mock-fault", "error_event@after_chunks=5")
                    .build();
            long requestsBefore = server.stats().requests();

            SseException e = assertThrows(SseException.class, () -> stream(retrying, params));

            assertEquals(200, e.statusCode(), "the stream's status, as against the real API");
            assertEquals("overloaded_error", errorType(e.body()));
            assertEquals(1, server.stats().requests() - requestsBefore, "an error event is not retried");
        } finally {
            retrying.close();
        }
    }

    @Test
    void shouldSurface529AsOverloadedExceptionAndRetryIt() throws IOException {
        MessageCreateParams overloaded = params("instant", 53).putAdditionalHeader("x-mock-fault", "http:status=529")
                .build();

        OverloadedException e = assertThrows(OverloadedException.class, () -> stream(overloaded));

        assertEquals(529, e.statusCode());
        assertTrue(e.requestId().orElseThrow().startsWith("req_"));
        assertEquals("overloaded_error", errorType(e.body()));

        // every=2 with a spec of its own: the warm-up request passes, the SDK's first attempt gets the 529, its
        // retry gets the stream.
        AnthropicClient retrying = sdkClient().apiKey("test").maxRetries(2).build();
        try {
            MessageCreateParams params = params("instant", 54)
                    .putAdditionalHeader("x-mock-fault", "http:status=529,retry_after_ms=10@every=2")
                    .build();
            stream(retrying, params);
            long requestsBefore = server.stats().requests();
            Message m = accumulate(stream(retrying, params));
            assertEquals(StopReason.END_TURN, m.stopReason().orElseThrow());
            assertEquals(2, server.stats().requests() - requestsBefore, "one 529, one retry");
        } finally {
            retrying.close();
        }
    }

    @Test
    void shouldAuthenticateWithTheKeyOrATokenAndRefuseNone() {
        MessageCreateParams params = params("locked", 61).build();
        assertEquals(StopReason.END_TURN, accumulate(stream(params)).stopReason().orElseThrow());
        AnthropicClient token = sdkClient().authToken("t").build();
        try {
            assertEquals(StopReason.END_TURN, accumulate(stream(token, params)).stopReason().orElseThrow());
        } finally {
            token.close();
        }
        // A request that carries X-Api-Key keeps the SDK from adding its Bearer header: here a key, then an empty one.
        MessageCreateParams apiKey = params("locked", 62).putAdditionalHeader("X-Api-Key", "k").build();
        assertEquals(StopReason.END_TURN, accumulate(stream(apiKey)).stopReason().orElseThrow());
        MessageCreateParams keyless = params("locked", 63).putAdditionalHeader("X-Api-Key", "").build();
        UnauthorizedException e = assertThrows(UnauthorizedException.class, () -> stream(keyless));
        assertEquals(401, e.statusCode());
    }

    private static AnthropicOkHttpClient.Builder sdkClient() {
        return AnthropicOkHttpClient.builder()
                .baseUrl(server.baseUrl())
                .maxRetries(0)
                .timeout(TIMEOUT)
                .responseValidation(true);
    }

    /** A request with timing overridden to zero and a fixed seed. */
    private static MessageCreateParams.Builder params(String model, long seed) {
        return MessageCreateParams.builder()
                .model(Model.of(model))
                .maxTokens(4096)
                .addUserMessage("Tell me about streaming latency.")
                .putAdditionalHeader("x-mock-seed", Long.toString(seed))
                .putAdditionalHeader("x-mock-ttft-ms", "0")
                .putAdditionalHeader("x-mock-itl-ms", "0");
    }

    private static MessageCreateParams.Builder withTools(MessageCreateParams.Builder builder) throws IOException {
        for (Map.Entry<String, String> e : SCHEMAS.entrySet()) {
            JsonNode schema = JSON.readTree(e.getValue());
            Tool.InputSchema.Properties.Builder properties = Tool.InputSchema.Properties.builder();
            schema.get("properties").fields().forEachRemaining(p ->
                    properties.putAdditionalProperty(p.getKey(), JsonValue.from(JSON.convertValue(p.getValue(), Map.class))));
            List<String> required = new ArrayList<>();
            schema.get("required").forEach(r -> required.add(r.asText()));
            builder.addTool(Tool.builder().name(e.getKey()).description("Test tool " + e.getKey())
                    .inputSchema(Tool.InputSchema.builder().properties(properties.build()).required(required).build())
                    .build());
        }
        return builder;
    }

    private static List<RawMessageStreamEvent> stream(MessageCreateParams params) {
        return stream(client, params);
    }

    private static List<RawMessageStreamEvent> stream(AnthropicClient c, MessageCreateParams params) {
        try (StreamResponse<RawMessageStreamEvent> response = c.messages().createStreaming(params)) {
            return response.stream().toList();
        }
    }

    private static Message accumulate(List<RawMessageStreamEvent> events) {
        MessageAccumulator accumulator = MessageAccumulator.create();
        events.forEach(accumulator::accumulate);
        return accumulator.message();
    }

    /** The {@code error.type} of an Anthropic error body. */
    private static String errorType(JsonValue body) throws IOException {
        return JSON.readTree(JSON.writeValueAsString(body)).at("/error/type").asText();
    }

    private static void assertMatchesSchema(String name, JsonNode input) throws IOException {
        JsonNode schema = JSON.readTree(SCHEMAS.get(name));
        for (JsonNode required : schema.get("required")) {
            assertTrue(input.has(required.asText()), name + " lacks " + required + ": " + input);
        }
        input.fields().forEachRemaining(f -> {
            JsonNode p = schema.at("/properties/" + f.getKey());
            assertFalse(p.isMissingNode(), "unknown property " + f.getKey());
            if (p.has("enum")) {
                boolean found = false;
                for (JsonNode v : p.get("enum")) {
                    found |= v.equals(f.getValue());
                }
                assertTrue(found, f.getKey() + " outside its enum: " + f.getValue());
            }
            if (p.has("minimum")) {
                long v = f.getValue().asLong();
                assertTrue(v >= p.get("minimum").asLong() && v <= p.get("maximum").asLong(), f.getKey() + "=" + v);
            }
        });
    }
}
