package io.streambench.mock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.genai.Client;
import com.google.genai.ResponseStream;
import com.google.genai.errors.ClientException;
import com.google.genai.errors.ServerException;
import com.google.genai.types.FinishReason;
import com.google.genai.types.FunctionCall;
import com.google.genai.types.FunctionCallingConfig;
import com.google.genai.types.FunctionCallingConfigMode;
import com.google.genai.types.FunctionDeclaration;
import com.google.genai.types.GenerateContentConfig;
import com.google.genai.types.GenerateContentResponse;
import com.google.genai.types.GenerateContentResponseUsageMetadata;
import com.google.genai.types.HttpOptions;
import com.google.genai.types.HttpRetryOptions;
import com.google.genai.types.Part;
import com.google.genai.types.Schema;
import com.google.genai.types.ThinkingConfig;
import com.google.genai.types.Tool;
import com.google.genai.types.ToolConfig;
import com.google.genai.types.Type;
import io.streambench.mock.testing.LeakTracking;
import java.util.ArrayList;
import java.util.HashSet;
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
 * Google's Gen AI Java SDK (google-genai), given the mock's base URL in its {@link HttpOptions}, streams with
 * {@code generateContentStream} (which calls {@code /v1/models/...:streamGenerateContent?alt=sse} by default)
 * and reads every event as the mock meant it: the text joined over the events equals the non-streaming
 * answer for the same seed, function calls arrive whole with their ids, usage and the finish are where the
 * API puts them, and the API's errors raise. Every request overrides the timing to zero.
 */
@Timeout(60)
@ExtendWith(LeakTracking.class)
class GeminiSdkCompatibilityTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROMPT = "Tell me about streaming latency.";

    private static MockServer server;
    private static Client client;

    @BeforeAll
    static void startServerAndClient() {
        server = MockServer.start(MockServerConfig.defaults());
        client = sdkClient(null);
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
    void shouldStreamTextWhoseJoinEqualsTheNonStreamingAnswerForTheSameSeed() {
        GenerateContentConfig config = GenerateContentConfig.builder().seed(11).build();

        List<GenerateContentResponse> events = stream("instant", config);
        GenerateContentResponse whole = client.models.generateContent("instant", PROMPT, config);

        StringBuilder text = new StringBuilder();
        events.forEach(e -> text.append(e.text()));
        assertFalse(text.toString().isEmpty());
        assertEquals(whole.text(), text.toString());
        assertTrue(events.size() > 1, "streamed in pieces");
        String id = events.get(0).responseId().orElseThrow();
        for (int i = 0; i < events.size(); i++) {
            GenerateContentResponse e = events.get(i);
            assertEquals(id, e.responseId().orElseThrow());
            assertEquals("instant", e.modelVersion().orElseThrow());
            assertEquals(i == events.size() - 1, e.candidates().orElseThrow().get(0).finishReason().isPresent(),
                    "the finish on the last event only");
        }
        assertEquals(FinishReason.Known.STOP, events.get(events.size() - 1).finishReason().knownEnum());
        GenerateContentResponseUsageMetadata usage = events.get(events.size() - 1).usageMetadata().orElseThrow();
        assertEquals(64, usage.candidatesTokenCount().orElseThrow(), "the instant profile's length");
        assertEquals(usage.promptTokenCount().orElseThrow() + 64, usage.totalTokenCount().orElseThrow());
        assertEquals(whole.usageMetadata().orElseThrow(), usage);
        assertEquals(id, whole.responseId().orElseThrow());
    }

    @Test
    void shouldStreamThoughtSummariesFirstAndCountThoughtsApart() {
        GenerateContentConfig config = GenerateContentConfig.builder().seed(13)
                .thinkingConfig(ThinkingConfig.builder().includeThoughts(true))
                .httpOptions(HttpOptions.builder().headers(Map.of("x-mock-reasoning-tokens", "12")))
                .build();

        List<GenerateContentResponse> events = stream("instant", config);
        GenerateContentResponse whole = client.models.generateContent("instant", PROMPT, config);

        StringBuilder thoughts = new StringBuilder();
        StringBuilder text = new StringBuilder();
        boolean answering = false;
        for (GenerateContentResponse e : events) {
            for (Part p : e.parts()) {
                boolean thought = p.thought().orElse(false);
                assertFalse(thought && answering, "thoughts come before the answer");
                answering |= !thought;
                (thought ? thoughts : text).append(p.text().orElse(""));
            }
        }
        assertFalse(thoughts.toString().isEmpty());
        assertEquals(whole.parts().get(0).text().orElseThrow(), thoughts.toString());
        assertTrue(whole.parts().get(0).thought().orElseThrow());
        assertEquals(whole.text(), text.toString(), "text() leaves the thoughts out");
        GenerateContentResponseUsageMetadata usage = events.get(events.size() - 1).usageMetadata().orElseThrow();
        assertEquals(12, usage.thoughtsTokenCount().orElseThrow());
        assertEquals(64, usage.candidatesTokenCount().orElseThrow(), "the answer only");
        assertEquals(usage.promptTokenCount().orElseThrow() + 64 + 12, usage.totalTokenCount().orElseThrow());
        assertEquals(whole.usageMetadata().orElseThrow(), usage);
    }

    @Test
    void shouldAlsoServeTheV1betaPathsWhenTheSdkIsToldToUseThem() {
        try (Client beta = sdkClient("v1beta")) {
            long before = server.stats().requests();
            StringBuilder text = new StringBuilder();
            try (ResponseStream<GenerateContentResponse> s = beta.models.generateContentStream("instant", PROMPT,
                    GenerateContentConfig.builder().seed(11).build())) {
                s.forEach(e -> text.append(e.text()));
            }
            assertEquals(1, server.stats().requests() - before);
            assertEquals(client.models.generateContent("instant", PROMPT, GenerateContentConfig.builder().seed(11)
                    .build()).text(), text.toString());
        }
    }

    @Test
    void shouldFinishWithMaxTokens() {
        List<GenerateContentResponse> events = stream("instant",
                GenerateContentConfig.builder().seed(12).maxOutputTokens(5).build());

        GenerateContentResponse last = events.get(events.size() - 1);
        assertEquals(FinishReason.Known.MAX_TOKENS, last.finishReason().knownEnum());
        assertEquals(5, last.usageMetadata().orElseThrow().candidatesTokenCount().orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 77, 9001})
    void shouldSendParallelFunctionCallsWholeWithIdsAndArgumentsOfTheirSchemas(int seed) {
        GenerateContentConfig config = GenerateContentConfig.builder().seed(seed).tools(tools()).build();

        List<GenerateContentResponse> events = stream("realistic", config);
        GenerateContentResponse whole = client.models.generateContent("realistic", PROMPT, config);

        List<FunctionCall> calls = new ArrayList<>();
        for (GenerateContentResponse e : events) {
            calls.addAll(e.functionCalls());
        }
        assertEquals(2, calls.size(), "realistic makes two parallel calls");
        assertEquals(3, events.size(), "one event per call, then the finish");
        Set<String> names = new HashSet<>();
        Set<String> ids = new HashSet<>();
        for (FunctionCall call : calls) {
            names.add(call.name().orElseThrow());
            ids.add(call.id().orElseThrow());
            assertMatchesSchema(call.name().orElseThrow(), JSON.valueToTree(call.args().orElseThrow()));
        }
        assertEquals(Set.of("get_weather", "book_table"), names);
        assertEquals(2, ids.size());
        assertEquals(calls, whole.functionCalls(), "the same calls, ids included, as the non-streaming answer");
        assertTrue(events.get(0).parts().get(0).thoughtSignature().isPresent());
        assertEquals(FinishReason.Known.STOP, events.get(2).finishReason().knownEnum());
    }

    @Test
    void shouldCallTheOneAllowedFunction() {
        GenerateContentConfig config = GenerateContentConfig.builder().seed(21).tools(tools())
                .toolConfig(ToolConfig.builder().functionCallingConfig(FunctionCallingConfig.builder()
                        .mode(FunctionCallingConfigMode.Known.ANY).allowedFunctionNames("book_table")))
                .build();

        List<FunctionCall> calls = new ArrayList<>();
        stream("realistic", config).forEach(e -> calls.addAll(e.functionCalls()));

        assertEquals(1, calls.size());
        assertEquals("book_table", calls.get(0).name().orElseThrow());
    }

    @Test
    void shouldRaiseServerExceptionOnTheMidStreamErrorEvent() {
        GenerateContentConfig config = GenerateContentConfig.builder().seed(31)
                .httpOptions(HttpOptions.builder().headers(Map.of("x-mock-fault", "error_event@after_chunks=3")))
                .build();
        List<String> seen = new ArrayList<>();
        long before = server.stats().requests();

        ServerException e = assertThrows(ServerException.class, () -> {
            try (ResponseStream<GenerateContentResponse> s = client.models.generateContentStream("instant", PROMPT,
                    config)) {
                s.forEach(r -> seen.add(r.text()));
            }
        });

        assertEquals(503, e.code());
        assertEquals("UNAVAILABLE", e.status());
        assertEquals(3, seen.size(), "the events before the error were delivered");
        assertEquals(1, server.stats().requests() - before, "not retried");
    }

    @Test
    void shouldRaiseTheHttpErrorsOfGooglesShape() {
        long before = server.stats().requests();
        ClientException limited = assertThrows(ClientException.class, () -> stream("instant", once("http:status=429")));
        assertEquals(429, limited.code());
        assertEquals("RESOURCE_EXHAUSTED", limited.status());

        ServerException unavailable = assertThrows(ServerException.class,
                () -> client.models.generateContent("instant", PROMPT, once("http:status=503")));
        assertEquals(503, unavailable.code());
        assertEquals("UNAVAILABLE", unavailable.status());
        assertEquals(2, server.stats().requests() - before, "one attempt each");
    }

    @Test
    void shouldBeRetriedByTheSdkOn503AsByTheRealApi() {
        // google-genai 2.0.0 retries 408, 429, 500, 502, 503 and 504 by default (five attempts, backoff from 1 s);
        // a short first delay keeps the test quick. every=2 with a spec of its own: the warm-up passes, the first
        // attempt gets the 503, the retry the stream.
        HttpRetryOptions quick = HttpRetryOptions.builder().attempts(3).initialDelay(0.01).jitter(0.0).build();
        GenerateContentConfig config = GenerateContentConfig.builder().seed(41).httpOptions(HttpOptions.builder()
                .retryOptions(quick).headers(Map.of("x-mock-fault", "http:status=503@every=2"))).build();
        stream("instant", config);
        long before = server.stats().requests();

        List<GenerateContentResponse> events = stream("instant", config);

        assertEquals(FinishReason.Known.STOP, events.get(events.size() - 1).finishReason().knownEnum());
        assertEquals(2, server.stats().requests() - before, "one 503, one retry");
    }

    /** A request with {@code fault} and no retries. */
    private static GenerateContentConfig once(String fault) {
        return GenerateContentConfig.builder().httpOptions(HttpOptions.builder()
                .retryOptions(HttpRetryOptions.builder().attempts(1).build())
                .headers(Map.of("x-mock-fault", fault))).build();
    }

    private static Client sdkClient(String apiVersion) {
        HttpOptions.Builder options = HttpOptions.builder().baseUrl(server.baseUrl())
                .headers(Map.of("x-mock-ttft-ms", "0", "x-mock-itl-ms", "0"));
        if (apiVersion != null) {
            options.apiVersion(apiVersion);
        }
        return Client.builder().apiKey("test").httpOptions(options.build()).build();
    }

    private static List<GenerateContentResponse> stream(String model, GenerateContentConfig config) {
        List<GenerateContentResponse> events = new ArrayList<>();
        try (ResponseStream<GenerateContentResponse> s = client.models.generateContentStream(model, PROMPT, config)) {
            s.forEach(events::add);
        }
        return events;
    }

    /** get_weather in Gemini's own schema (types in capitals), book_table as JSON Schema. */
    private static Tool tools() {
        Schema weather = Schema.builder().type(Type.Known.OBJECT)
                .properties(Map.of(
                        "city", Schema.builder().type(Type.Known.STRING).build(),
                        "unit", Schema.builder().type(Type.Known.STRING).enum_("celsius", "fahrenheit").build(),
                        "days", Schema.builder().type(Type.Known.INTEGER).minimum(1.0).maximum(14.0).build()))
                .required("city", "unit", "days")
                .build();
        Map<String, Object> booking = Map.of("type", "object",
                "properties", Map.of(
                        "restaurant", Map.of("type", "string"),
                        "party_size", Map.of("type", "integer", "minimum", 1, "maximum", 12),
                        "seating", Map.of("type", "string", "enum", List.of("indoor", "outdoor", "bar"))),
                "required", List.of("restaurant", "party_size", "seating"));
        return Tool.builder().functionDeclarations(
                FunctionDeclaration.builder().name("get_weather").description("Weather").parameters(weather).build(),
                FunctionDeclaration.builder().name("book_table").description("Booking").parametersJsonSchema(booking)
                        .build())
                .build();
    }

    private static void assertMatchesSchema(String name, JsonNode args) {
        if (name.equals("get_weather")) {
            assertTrue(args.get("city").isTextual(), args.toString());
            assertTrue(Set.of("celsius", "fahrenheit").contains(args.get("unit").asText()), args.toString());
            long days = args.get("days").asLong();
            assertTrue(days >= 1 && days <= 14, args.toString());
        } else {
            assertTrue(args.get("restaurant").isTextual(), args.toString());
            long size = args.get("party_size").asLong();
            assertTrue(size >= 1 && size <= 12, args.toString());
            assertTrue(Set.of("indoor", "outdoor", "bar").contains(args.get("seating").asText()), args.toString());
        }
    }
}
