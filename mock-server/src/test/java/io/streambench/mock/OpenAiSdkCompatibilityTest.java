package io.streambench.mock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.core.http.StreamResponse;
import com.openai.errors.UnauthorizedException;
import com.openai.helpers.ChatCompletionAccumulator;
import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionFunctionTool;
import com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import com.openai.models.chat.completions.ChatCompletionMessageToolCall;
import com.openai.models.chat.completions.ChatCompletionNamedToolChoice;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.chat.completions.ChatCompletionToolChoiceOption;
import com.openai.models.completions.CompletionUsage;
import io.streambench.mock.profile.ProfileLoader;
import io.streambench.mock.testing.LeakTracking;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The official OpenAI Java SDK, pointed at an embedded mock, must parse every stream shape the mock sends and
 * reassemble the same answer the non-streaming endpoint gives for the same seed. Every request overrides the
 * timing to zero so the class runs in a few seconds.
 */
@Timeout(30)
@ExtendWith(LeakTracking.class)
class OpenAiSdkCompatibilityTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static final String WEATHER_SCHEMA = """
            {"type": "object",
             "properties": {
               "city": {"type": "string"},
               "unit": {"type": "string", "enum": ["celsius", "fahrenheit"]},
               "days": {"type": "integer", "minimum": 1, "maximum": 14}},
             "required": ["city", "unit", "days"],
             "additionalProperties": false}""";
    private static final String BOOKING_SCHEMA = """
            {"type": "object",
             "properties": {
               "restaurant": {"type": "string"},
               "party_size": {"type": "integer", "minimum": 1, "maximum": 12},
               "seating": {"type": "string", "enum": ["indoor", "outdoor", "bar"]},
               "notes": {"type": "string"}},
             "required": ["restaurant", "party_size", "seating"],
             "additionalProperties": false}""";
    private static final Map<String, JsonNode> SCHEMAS = new LinkedHashMap<>();

    private static MockServer server;
    private static OpenAIClient client;

    @BeforeAll
    static void startServerAndClient() throws IOException {
        SCHEMAS.put("get_weather", JSON.readTree(WEATHER_SCHEMA));
        SCHEMAS.put("book_table", JSON.readTree(BOOKING_SCHEMA));
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
    void shouldReassembleStreamedTextIdenticalToNonStreamingAnswerForSameSeed() {
        ChatCompletionCreateParams params = params("instant", 11).build();

        List<ChatCompletionChunk> chunks = stream(params);
        ChatCompletion streamed = accumulate(chunks);
        ChatCompletion whole = client.chat().completions().create(params);

        String text = streamed.choices().get(0).message().content().orElseThrow();
        assertFalse(text.isEmpty());
        assertEquals(whole.choices().get(0).message().content().orElseThrow(), text);
        assertEquals("stop", streamed.choices().get(0).finishReason().asString());
        assertEquals("stop", whole.choices().get(0).finishReason().asString());
        assertEquals(1, chunks.stream().map(ChatCompletionChunk::id).distinct().count(), "one id per stream");
        assertEquals(1, chunks.stream().map(ChatCompletionChunk::created).distinct().count(), "one created per stream");
        assertTrue(chunks.stream().allMatch(c -> c.usage().isEmpty()), "no usage without include_usage");
        ChatCompletionChunk.Choice first = chunks.get(0).choices().get(0);
        assertEquals("assistant", first.delta().role().orElseThrow().asString());
        assertEquals("", first.delta().content().orElseThrow());
    }

    @Test
    void shouldHonourSeedInRequestBody() {
        ChatCompletionCreateParams.Builder builder = ChatCompletionCreateParams.builder()
                .model("instant")
                .addUserMessage("Hello")
                .putAdditionalBodyProperty("seed", JsonValue.from(4242));

        String first = accumulate(stream(builder.build())).choices().get(0).message().content().orElseThrow();
        String again = client.chat().completions().create(builder.build()).choices().get(0).message().content()
                .orElseThrow();

        assertEquals(first, again);
    }

    @Test
    void shouldStreamUsageChunkWithPlannedCompletionTokens() {
        ChatCompletionCreateParams params = params("instant", 12)
                .putAdditionalHeader("x-mock-output-tokens", "40")
                .putAdditionalHeader("x-mock-tokens-per-chunk", "1")
                .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build())
                .build();

        List<ChatCompletionChunk> chunks = stream(params);

        List<ChatCompletionChunk> withUsage = chunks.stream().filter(c -> c.usage().isPresent()).toList();
        assertEquals(1, withUsage.size(), "exactly one usage chunk");
        ChatCompletionChunk last = chunks.get(chunks.size() - 1);
        assertTrue(last.usage().isPresent(), "the usage chunk is the last one");
        assertTrue(last.choices().isEmpty(), "the usage chunk has no choices");
        CompletionUsage usage = last.usage().orElseThrow();
        assertEquals(40, usage.completionTokens());
        assertTrue(usage.promptTokens() > 0);
        assertEquals(usage.promptTokens() + usage.completionTokens(), usage.totalTokens());
        assertEquals(40, contentDeltas(chunks, 0));
        ChatCompletion streamed = accumulate(chunks);
        assertEquals("stop", streamed.choices().get(0).finishReason().asString());
        assertEquals(40, streamed.usage().orElseThrow().completionTokens());
    }

    @Test
    void shouldStopWithLengthAtMaxCompletionTokens() {
        ChatCompletionCreateParams params = params("instant", 13)
                .putAdditionalHeader("x-mock-tokens-per-chunk", "1")
                .maxCompletionTokens(10)
                .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build())
                .build();

        List<ChatCompletionChunk> chunks = stream(params);
        ChatCompletion streamed = accumulate(chunks);
        ChatCompletion whole = client.chat().completions().create(params);

        assertEquals("length", streamed.choices().get(0).finishReason().asString());
        assertEquals(10, streamed.usage().orElseThrow().completionTokens());
        assertEquals(10, contentDeltas(chunks, 0));
        assertEquals("length", whole.choices().get(0).finishReason().asString());
        assertEquals(10, whole.usage().orElseThrow().completionTokens());
        assertEquals(whole.choices().get(0).message().content().orElseThrow(),
                streamed.choices().get(0).message().content().orElseThrow());
    }

    @Test
    void shouldCarryReasoningAsADeltaFieldTheSdkKeepsUnmodelledAndCountItInUsage() {
        ChatCompletionCreateParams params = params("instant", 14)
                .putAdditionalHeader("x-mock-reasoning-tokens", "9")
                .putAdditionalHeader("x-mock-output-tokens", "6")
                .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build())
                .build();

        List<ChatCompletionChunk> chunks = stream(params);
        ChatCompletion whole = client.chat().completions().create(params);

        // The SDK does not model reasoning_content: each delta keeps it as an additional property, and the
        // caller joins the fragments (the accumulator would keep only the last one).
        StringBuilder reasoning = new StringBuilder();
        long reasoningDeltas = 0;
        for (ChatCompletionChunk chunk : chunks) {
            for (ChatCompletionChunk.Choice choice : chunk.choices()) {
                JsonValue fragment = choice.delta()._additionalProperties().get("reasoning_content");
                if (fragment != null) {
                    reasoning.append(fragment.asStringOrThrow());
                    reasoningDeltas++;
                }
            }
        }
        assertEquals(9, reasoningDeltas);
        assertEquals(whole.choices().get(0).message()._additionalProperties().get("reasoning_content").asStringOrThrow(),
                reasoning.toString());
        assertEquals(whole.choices().get(0).message().content().orElseThrow(),
                accumulate(chunks).choices().get(0).message().content().orElseThrow());
        CompletionUsage usage = chunks.get(chunks.size() - 1).usage().orElseThrow();
        assertEquals(15, usage.completionTokens());
        assertEquals(9, usage.completionTokensDetails().orElseThrow().reasoningTokens().orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 77, 9001})
    void shouldStreamParallelToolCallsWhoseArgumentsParseAndMatchTheirSchemas(long seed) throws IOException {
        ChatCompletionCreateParams params = withTools(params("realistic", seed)).build();

        List<ChatCompletionChunk> chunks = stream(params);
        ChatCompletion streamed = accumulate(chunks);
        ChatCompletion whole = client.chat().completions().create(params);

        ChatCompletion.Choice choice = streamed.choices().get(0);
        assertEquals("tool_calls", choice.finishReason().asString());
        assertTrue(choice.message().content().isEmpty(), "a tool turn has no content");
        List<ChatCompletionMessageFunctionToolCall> calls = functionCalls(choice.message().toolCalls().orElseThrow());
        assertEquals(2, calls.size(), "realistic makes two parallel calls");
        Set<String> names = new HashSet<>();
        Set<String> ids = new HashSet<>();
        for (ChatCompletionMessageFunctionToolCall call : calls) {
            assertFalse(call.id().isEmpty());
            ids.add(call.id());
            names.add(call.function().name());
            assertMatchesSchema(call.function().name(), call.function().arguments());
        }
        assertEquals(2, ids.size(), "distinct ids");
        assertEquals(SCHEMAS.keySet(), names, "each offered function called once");
        assertFragmentsFollowTheWireRules(chunks, 2);

        ChatCompletion.Choice wholeChoice = whole.choices().get(0);
        assertEquals("tool_calls", wholeChoice.finishReason().asString());
        assertEquals(describe(calls), describe(functionCalls(wholeChoice.message().toolCalls().orElseThrow())));
    }

    @Test
    void shouldAnswerWithTextWhenToolChoiceIsNone() {
        ChatCompletionCreateParams params = withTools(params("realistic", 21))
                .putAdditionalHeader("x-mock-output-tokens", "30")
                .toolChoice(ChatCompletionToolChoiceOption.Auto.NONE)
                .build();

        List<ChatCompletionChunk> chunks = stream(params);
        ChatCompletion streamed = accumulate(chunks);

        ChatCompletion.Choice choice = streamed.choices().get(0);
        assertEquals("stop", choice.finishReason().asString());
        assertFalse(choice.message().content().orElseThrow().isEmpty());
        assertTrue(choice.message().toolCalls().map(List::isEmpty).orElse(true), "no tool calls");
        assertTrue(chunks.stream().flatMap(c -> c.choices().stream()).allMatch(c -> c.delta().toolCalls().isEmpty()));
    }

    @Test
    void shouldCallExactlyTheNamedFunction() throws IOException {
        ChatCompletionCreateParams params = withTools(params("realistic", 22))
                .toolChoice(ChatCompletionNamedToolChoice.builder()
                        .function(ChatCompletionNamedToolChoice.Function.builder().name("book_table").build())
                        .build())
                .build();

        List<ChatCompletionChunk> chunks = stream(params);
        ChatCompletion streamed = accumulate(chunks);

        ChatCompletion.Choice choice = streamed.choices().get(0);
        assertEquals("tool_calls", choice.finishReason().asString());
        List<ChatCompletionMessageFunctionToolCall> calls = functionCalls(choice.message().toolCalls().orElseThrow());
        assertEquals(1, calls.size());
        assertEquals("book_table", calls.get(0).function().name());
        assertMatchesSchema("book_table", calls.get(0).function().arguments());
        assertFragmentsFollowTheWireRules(chunks, 1);
    }

    @Test
    void shouldStreamThreeChoicesEachMatchingItsNonStreamingCounterpart() {
        ChatCompletionCreateParams params = params("instant", 31).n(3).build();

        List<ChatCompletionChunk> chunks = stream(params);
        ChatCompletion streamed = accumulate(chunks);
        ChatCompletion whole = client.chat().completions().create(params);

        Set<Long> indexes = new TreeSet<>();
        chunks.forEach(c -> c.choices().forEach(ch -> indexes.add(ch.index())));
        assertEquals(Set.of(0L, 1L, 2L), indexes);
        for (long i = 0; i < 3; i++) {
            assertEquals(1, finishChunks(chunks, i), "one finish chunk for choice " + i);
        }
        assertEquals(3, streamed.choices().size());
        assertEquals(3, whole.choices().size());
        for (int i = 0; i < 3; i++) {
            ChatCompletion.Choice s = streamed.choices().get(i);
            ChatCompletion.Choice w = whole.choices().get(i);
            assertEquals(i, s.index());
            assertEquals(i, w.index());
            assertEquals(w.message().content().orElseThrow(), s.message().content().orElseThrow(), "choice " + i);
            assertEquals("stop", s.finishReason().asString());
        }
    }

    @Test
    void shouldRaiseUnauthorizedWhenProfileRequiresKeyAndNoneIsSent() {
        OpenAIClient keyless = sdkClient().apiKey("unused").removeHeaders("Authorization").build();
        try {
            ChatCompletionCreateParams params = params("locked", 41).build();

            UnauthorizedException plain = assertThrows(UnauthorizedException.class,
                    () -> keyless.chat().completions().create(params));
            UnauthorizedException streaming = assertThrows(UnauthorizedException.class, () -> stream(keyless, params));

            assertEquals(401, plain.statusCode());
            assertEquals("invalid_api_key", plain.code().orElseThrow());
            assertEquals("invalid_request_error", plain.type().orElseThrow());
            assertEquals(401, streaming.statusCode());
        } finally {
            keyless.close();
        }
    }

    @Test
    void shouldRaiseUnauthorizedWhenKeyIsEmpty() {
        ChatCompletionCreateParams params = params("locked", 42)
                .putAdditionalHeader("Authorization", "Bearer ")
                .build();

        UnauthorizedException e = assertThrows(UnauthorizedException.class, () -> stream(params));

        assertEquals(401, e.statusCode());
    }

    @Test
    void shouldStreamFromKeyedProfileWhenKeyIsSent() {
        ChatCompletion streamed = accumulate(stream(params("locked", 43).build()));

        assertEquals("stop", streamed.choices().get(0).finishReason().asString());
        assertFalse(streamed.choices().get(0).message().content().orElseThrow().isEmpty());
    }

    @Test
    void shouldAnswerMissingKeyWithOpenAiErrorObject() throws Exception {
        // Raw, so the missing header is certain. Java 17's HttpClient has no close(); it stops when unreachable.
        HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/v1/chat/completions"))
                .timeout(TIMEOUT)
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"model\":\"locked\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"))
                .build();

        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());

        assertEquals(401, response.statusCode());
        assertTrue(response.headers().firstValue("content-type").orElse("").startsWith("application/json"));
        JsonNode error = JSON.readTree(response.body()).get("error");
        assertNotNull(error, "body has an 'error' object: " + response.body());
        assertTrue(error.get("message").isTextual() && !error.get("message").asText().isEmpty());
        assertEquals("invalid_request_error", error.get("type").asText());
        assertTrue(error.has("param") && error.get("param").isNull(), "param present and null");
        assertEquals("invalid_api_key", error.get("code").asText());
    }

    @Test
    void shouldRetryA429AfterItsRetryAfterLikeWithARealProvider() {
        // every=2 with a spec of its own: the warm-up request passes, the SDK's first attempt gets the 429,
        // its retry passes.
        String fault = "http:status=429,retry_after_ms=400@every=2";
        OpenAIClient retrying = sdkClient().apiKey("test").maxRetries(2).build();
        try {
            ChatCompletionCreateParams params = params("instant", 51).putAdditionalHeader("x-mock-fault", fault).build();
            retrying.chat().completions().create(params);
            long requestsBefore = server.stats().requests();
            long started = System.nanoTime();

            ChatCompletion answer = retrying.chat().completions().create(params);

            long waitedMs = (System.nanoTime() - started) / 1_000_000;
            assertFalse(answer.choices().get(0).message().content().orElseThrow().isEmpty());
            assertEquals(2, server.stats().requests() - requestsBefore, "one 429, one retry");
            assertTrue(waitedMs >= 400, "the SDK waited retry-after-ms before retrying: " + waitedMs + " ms");
        } finally {
            retrying.close();
        }
    }

    @Test
    void shouldRaiseOnAMidStreamErrorEventWithoutRetrying() {
        OpenAIClient retrying = sdkClient().apiKey("test").maxRetries(2).build();
        try {
            ChatCompletionCreateParams params = params("instant", 52)
                    .putAdditionalHeader("x-mock-fault", "error_event:message=overloaded mid-stream@after_chunks=3")
                    .build();
            long requestsBefore = server.stats().requests();

            com.openai.errors.OpenAIException e = assertThrows(com.openai.errors.OpenAIException.class,
                    () -> stream(retrying, params));

            assertTrue(String.valueOf(e.getMessage()).contains("overloaded mid-stream"), e.toString());
            assertEquals(1, server.stats().requests() - requestsBefore, "an error event is not retried");
        } finally {
            retrying.close();
        }
    }

    private static OpenAIOkHttpClient.Builder sdkClient() {
        return OpenAIOkHttpClient.builder()
                .baseUrl(server.baseUrl() + "/v1")
                .maxRetries(0)
                .timeout(TIMEOUT)
                .responseValidation(true);
    }

    /** A request with timing overridden to zero and a fixed seed. */
    private static ChatCompletionCreateParams.Builder params(String model, long seed) {
        return ChatCompletionCreateParams.builder()
                .model(model)
                .addUserMessage("Tell me about streaming latency.")
                .putAdditionalHeader("x-mock-seed", Long.toString(seed))
                .putAdditionalHeader("x-mock-ttft-ms", "0")
                .putAdditionalHeader("x-mock-itl-ms", "0");
    }

    private static ChatCompletionCreateParams.Builder withTools(ChatCompletionCreateParams.Builder builder) {
        SCHEMAS.forEach((name, schema) -> {
            FunctionParameters.Builder parameters = FunctionParameters.builder();
            schema.properties().forEach(e -> parameters.putAdditionalProperty(e.getKey(),
                    JsonValue.fromJsonNode(e.getValue())));
            builder.addTool(ChatCompletionFunctionTool.builder()
                    .function(FunctionDefinition.builder().name(name).parameters(parameters.build()).build())
                    .build());
        });
        return builder;
    }

    private static List<ChatCompletionChunk> stream(ChatCompletionCreateParams params) {
        return stream(client, params);
    }

    private static List<ChatCompletionChunk> stream(OpenAIClient sdk, ChatCompletionCreateParams params) {
        try (StreamResponse<ChatCompletionChunk> response = sdk.chat().completions().createStreaming(params)) {
            return response.stream().toList();
        }
    }

    private static ChatCompletion accumulate(List<ChatCompletionChunk> chunks) {
        ChatCompletionAccumulator accumulator = ChatCompletionAccumulator.create();
        chunks.forEach(accumulator::accumulate);
        return accumulator.chatCompletion();
    }

    private static long contentDeltas(List<ChatCompletionChunk> chunks, long index) {
        return chunks.stream().flatMap(c -> c.choices().stream())
                .filter(c -> c.index() == index && c.delta().content().map(s -> !s.isEmpty()).orElse(false))
                .count();
    }

    private static long finishChunks(List<ChatCompletionChunk> chunks, long index) {
        return chunks.stream().flatMap(c -> c.choices().stream())
                .filter(c -> c.index() == index && c.finishReason().isPresent())
                .count();
    }

    private static List<ChatCompletionMessageFunctionToolCall> functionCalls(List<ChatCompletionMessageToolCall> calls) {
        List<ChatCompletionMessageFunctionToolCall> out = new ArrayList<>();
        for (ChatCompletionMessageToolCall call : calls) {
            assertTrue(call.isFunction(), "function tool call: " + call);
            out.add(call.asFunction());
        }
        return out;
    }

    private static List<String> describe(List<ChatCompletionMessageFunctionToolCall> calls) {
        return calls.stream().map(c -> c.id() + " " + c.function().name() + " " + c.function().arguments()).toList();
    }

    /**
     * Checks the raw fragments, which the accumulator forgives: a role chunk first, each call's id, type and name
     * exactly once (in its first fragment), indexes never going back, one finish chunk saying tool_calls.
     */
    private static void assertFragmentsFollowTheWireRules(List<ChatCompletionChunk> chunks, int expectedCalls) {
        List<ChatCompletionChunk.Choice> deltas = chunks.stream().flatMap(c -> c.choices().stream()).toList();
        assertEquals("assistant", deltas.get(0).delta().role().orElseThrow().asString());
        assertTrue(deltas.get(0).delta().content().isEmpty(), "tool turn opens with content null");
        Map<Long, Integer> ids = new HashMap<>();
        Map<Long, Integer> names = new HashMap<>();
        long lastIndex = -1;
        for (ChatCompletionChunk.Choice choice : deltas) {
            for (ChatCompletionChunk.Choice.Delta.ToolCall call : choice.delta().toolCalls().orElse(List.of())) {
                assertTrue(call.index() >= lastIndex, "tool call indexes never go back");
                boolean firstFragment = call.index() != lastIndex;
                lastIndex = call.index();
                assertEquals(firstFragment, call.id().isPresent(), "id only in the first fragment of " + call.index());
                assertEquals(firstFragment, call.type().isPresent(), "type only in the first fragment");
                call.id().ifPresent(id -> ids.merge(call.index(), 1, Integer::sum));
                call.function().orElseThrow().name().ifPresent(n -> names.merge(call.index(), 1, Integer::sum));
            }
        }
        assertEquals(expectedCalls, ids.size());
        assertTrue(ids.values().stream().allMatch(c -> c == 1), "each id exactly once: " + ids);
        assertEquals(ids.keySet(), names.keySet());
        assertTrue(names.values().stream().allMatch(c -> c == 1), "each name exactly once: " + names);
        List<ChatCompletionChunk.Choice> finishes = deltas.stream().filter(c -> c.finishReason().isPresent()).toList();
        assertEquals(1, finishes.size());
        assertEquals("tool_calls", finishes.get(0).finishReason().orElseThrow().asString());
    }

    /** The JSON Schema subset the two test tools use: object, required, enum, string, integer bounds. */
    private static void assertMatchesSchema(String function, String arguments) throws IOException {
        JsonNode schema = SCHEMAS.get(function);
        assertNotNull(schema, "unknown function " + function);
        JsonNode args = JSON.readTree(arguments);
        assertTrue(args.isObject(), "arguments are a JSON object: " + arguments);
        for (JsonNode required : schema.get("required")) {
            assertTrue(args.has(required.asText()), function + " lacks required '" + required.asText() + "': "
                    + arguments);
        }
        for (Map.Entry<String, JsonNode> field : args.properties()) {
            JsonNode property = schema.get("properties").get(field.getKey());
            assertNotNull(property, function + " has undeclared '" + field.getKey() + "': " + arguments);
            JsonNode value = field.getValue();
            switch (property.get("type").asText()) {
                case "string" -> assertTrue(value.isTextual(), field.getKey() + " is a string: " + arguments);
                case "integer" -> {
                    assertTrue(value.isIntegralNumber(), field.getKey() + " is an integer: " + arguments);
                    assertTrue(value.asLong() >= property.get("minimum").asLong()
                            && value.asLong() <= property.get("maximum").asLong(),
                            field.getKey() + " within bounds: " + arguments);
                }
                default -> throw new AssertionError("schema type not covered: " + property);
            }
            if (property.has("enum")) {
                Set<String> allowed = new HashSet<>();
                property.get("enum").forEach(v -> allowed.add(v.asText()));
                assertTrue(allowed.contains(value.asText()), field.getKey() + " in " + allowed + ": " + arguments);
            }
        }
    }
}
