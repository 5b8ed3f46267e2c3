package io.streambench.mock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.core.http.StreamResponse;
import com.openai.errors.SseException;
import com.openai.helpers.ResponseAccumulator;
import com.openai.models.Reasoning;
import com.openai.models.ReasoningEffort;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.completions.Completion;
import com.openai.models.completions.CompletionCreateParams;
import com.openai.models.responses.FunctionTool;
import com.openai.models.responses.Response;
import com.openai.models.responses.ResponseCreateParams;
import com.openai.models.responses.ResponseFunctionToolCall;
import com.openai.models.responses.ResponseOutputItem;
import com.openai.models.responses.ResponseStatus;
import com.openai.models.responses.ResponseStreamEvent;
import io.streambench.mock.profile.ProfileLoader;
import io.streambench.mock.testing.LeakTracking;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The official OpenAI Java SDK on the mock's other OpenAI routes: the Responses API (text, parallel function
 * calls, reasoning, the token limit, the mid-stream error) with every event validated, and legacy completions.
 * What the SDK reassembles from the deltas must be exactly what the mock meant: the terminal event's
 * response, and the answer to {@code stream: false} for the same seed. Timing is overridden to zero.
 */
@Timeout(30)
@ExtendWith(LeakTracking.class)
class OpenAiDialectsSdkTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> SCHEMAS = Map.of(
            "get_weather", "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"},\"unit\":{\"type\":"
                    + "\"string\",\"enum\":[\"celsius\",\"fahrenheit\"]}},\"required\":[\"city\",\"unit\"],"
                    + "\"additionalProperties\":false}",
            "book_table", "{\"type\":\"object\",\"properties\":{\"party_size\":{\"type\":\"integer\",\"minimum\":1,"
                    + "\"maximum\":12}},\"required\":[\"party_size\"],\"additionalProperties\":false}");

    private static MockServer server;
    private static OpenAIClient client;

    @BeforeAll
    static void startServerAndClient() {
        server = MockServer.start(MockServerConfig.defaults().withProfiles(ProfileLoader.parse("""
                profiles:
                  thinker: {extends: instant, output_tokens: 25, reasoning_tokens: 30, padding_bytes: uniform:0:12}
                """)));
        client = OpenAIOkHttpClient.builder()
                .baseUrl(server.baseUrl() + "/v1")
                .apiKey("test")
                .maxRetries(0)
                .timeout(Duration.ofSeconds(10))
                .responseValidation(true)
                .build();
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

    /** A Responses request with zero timing and a fixed seed. */
    private static ResponseCreateParams.Builder params(String model, long seed) {
        return ResponseCreateParams.builder()
                .model(model)
                .input("Tell me about streaming latency.")
                .putAdditionalHeader("x-mock-seed", Long.toString(seed))
                .putAdditionalHeader("x-mock-ttft-ms", "0")
                .putAdditionalHeader("x-mock-itl-ms", "0");
    }

    private static List<ResponseStreamEvent> stream(ResponseCreateParams params) {
        try (StreamResponse<ResponseStreamEvent> response = client.responses().createStreaming(params)) {
            return response.stream().toList();
        }
    }

    /** What the SDK rebuilds from the deltas alone: a snapshot taken just before the terminal event. */
    private static Response rebuiltFromDeltas(List<ResponseStreamEvent> events) {
        ResponseAccumulator snapshots = ResponseAccumulator.createWithSnapshots();
        events.subList(0, events.size() - 1).forEach(snapshots::accumulate);
        return snapshots.snapshot().orElseThrow();
    }

    private static Response accumulated(List<ResponseStreamEvent> events) {
        ResponseAccumulator accumulator = ResponseAccumulator.create();
        events.forEach(accumulator::accumulate);
        return accumulator.response();
    }

    private static String text(Response response) {
        return response.output().stream().filter(ResponseOutputItem::isMessage)
                .flatMap(i -> i.asMessage().content().stream())
                .map(c -> c.asOutputText().text()).collect(Collectors.joining());
    }

    private static List<ResponseFunctionToolCall> calls(Response response) {
        return response.output().stream().filter(ResponseOutputItem::isFunctionCall)
                .map(ResponseOutputItem::asFunctionCall).toList();
    }

    private static String summary(Response response) {
        return response.output().stream().filter(ResponseOutputItem::isReasoning)
                .flatMap(i -> i.asReasoning().summary().stream()).map(s -> s.text()).collect(Collectors.joining());
    }

    @Test
    void shouldReassembleTheResponsesTextOfTheTerminalEventAndOfStreamFalse() {
        ResponseCreateParams params = params("instant", 11).build();

        List<ResponseStreamEvent> events = stream(params);
        Response streamed = accumulated(events);
        Response whole = client.responses().create(params);

        String text = text(rebuiltFromDeltas(events));
        assertFalse(text.isEmpty());
        assertEquals(text, text(streamed));
        assertEquals(text, text(whole));
        assertEquals(whole.id(), streamed.id(), "same seed, same ids");
        assertEquals(ResponseStatus.COMPLETED, streamed.status().orElseThrow());
        assertTrue(events.get(0).isCreated());
        for (int i = 0; i < events.size(); i++) {
            assertEquals(i, sequenceNumber(events.get(i)), "sequence numbers from 0");
        }
        assertEquals(64, streamed.usage().orElseThrow().outputTokens());
        assertEquals(0, streamed.usage().orElseThrow().inputTokensDetails().cachedTokens());
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 77})
    void shouldStreamParallelFunctionCallsTheSdkRebuildsAsTheMockPlannedThem(long seed) throws IOException {
        ResponseCreateParams.Builder builder = params("realistic", seed);
        SCHEMAS.forEach((name, schema) -> builder.addTool(FunctionTool.builder()
                .name(name)
                .parameters(parameters(schema))
                .strict(true)
                .build()));
        ResponseCreateParams params = builder.build();

        List<ResponseStreamEvent> events = stream(params);
        Response streamed = accumulated(events);
        Response whole = client.responses().create(params);

        List<ResponseFunctionToolCall> rebuilt = calls(rebuiltFromDeltas(events));
        assertEquals(2, rebuilt.size(), "realistic makes two parallel calls");
        assertEquals(describe(rebuilt), describe(calls(streamed)));
        assertEquals(describe(rebuilt), describe(calls(whole)));
        assertEquals(SCHEMAS.keySet(), rebuilt.stream().map(ResponseFunctionToolCall::name).collect(Collectors.toSet()));
        for (ResponseFunctionToolCall call : rebuilt) {
            assertTrue(call.callId().startsWith("call_"), call.callId());
            assertTrue(call.id().orElseThrow().startsWith("fc_"));
            JsonNode args = JSON.readTree(call.arguments());
            if (call.name().equals("get_weather")) {
                assertTrue(Set.of("celsius", "fahrenheit").contains(args.get("unit").asText()), call.arguments());
                assertTrue(args.get("city").isTextual(), call.arguments());
            } else {
                int size = args.get("party_size").asInt();
                assertTrue(size >= 1 && size <= 12, call.arguments());
            }
        }
        assertEquals(2, streamed.tools().size(), "the request's tools, repeated");
    }

    @Test
    void shouldStreamTheReasoningSummaryBeforeTheAnswerAndCountItInUsage() {
        ResponseCreateParams params = params("thinker", 12)
                .reasoning(Reasoning.builder().effort(ReasoningEffort.LOW).summary(Reasoning.Summary.AUTO).build())
                .build();

        List<ResponseStreamEvent> events = stream(params);
        Response streamed = accumulated(events);
        Response whole = client.responses().create(params);

        StringBuilder deltas = new StringBuilder();
        events.forEach(e -> e.reasoningSummaryTextDelta().ifPresent(d -> deltas.append(d.delta())));
        assertFalse(deltas.toString().isEmpty());
        assertEquals(deltas.toString(), summary(streamed));
        assertEquals(deltas.toString(), summary(whole));
        assertTrue(streamed.output().get(0).isReasoning(), "the reasoning item comes first");
        assertTrue(streamed.output().get(1).isMessage());
        assertEquals(text(rebuiltFromDeltas(events)), text(streamed));
        assertEquals(text(whole), text(streamed));
        assertEquals(55, streamed.usage().orElseThrow().outputTokens());
        assertEquals(30, streamed.usage().orElseThrow().outputTokensDetails().reasoningTokens());
        int firstSummary = indexOf(events, ResponseStreamEvent::isReasoningSummaryTextDelta);
        int firstText = indexOf(events, ResponseStreamEvent::isOutputTextDelta);
        assertTrue(firstSummary < firstText, "reasoning before the answer");
    }

    @Test
    void shouldEndIncompleteAtMaxOutputTokens() {
        ResponseCreateParams params = params("thinker", 13).maxOutputTokens(40).build();

        Response streamed = accumulated(stream(params));
        Response whole = client.responses().create(params);

        assertEquals(ResponseStatus.INCOMPLETE, streamed.status().orElseThrow());
        assertEquals("max_output_tokens", streamed.incompleteDetails().orElseThrow().reason().orElseThrow().asString());
        assertEquals(40, streamed.usage().orElseThrow().outputTokens(), "30 reasoning and 10 answer tokens");
        assertEquals(text(whole), text(streamed));
        assertEquals(ResponseStatus.INCOMPLETE, whole.status().orElseThrow());
    }

    @Test
    void shouldRaiseOnTheMidStreamErrorAsAgainstTheRealApiWithoutRetrying() {
        OpenAIClient retrying = client.withOptions(o -> o.maxRetries(2));
        ResponseCreateParams params = params("instant", 14)
                .putAdditionalHeader("x-mock-fault", "error_event:message=overloaded mid-stream@after_chunks=8")
                .build();
        long requestsBefore = server.stats().requests();
        List<ResponseStreamEvent> seen = new ArrayList<>();

        SseException e = assertThrows(SseException.class, () -> {
            try (StreamResponse<ResponseStreamEvent> response = retrying.responses().createStreaming(params)) {
                response.stream().forEach(seen::add);
            }
        });

        assertTrue(String.valueOf(e.getMessage()).contains("overloaded mid-stream"), e.toString());
        assertEquals(8, seen.size(), "every event before the error reached the application");
        assertEquals(1, server.stats().requests() - requestsBefore, "an error event is not retried");
    }

    @Test
    void shouldStreamLegacyCompletionsThroughTheSdkAsStreamFalseAnswersThem() {
        CompletionCreateParams params = CompletionCreateParams.builder()
                .model("realistic")
                .prompt("Once upon a time")
                .maxTokens(30)
                .n(2)
                .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build())
                .putAdditionalHeader("x-mock-seed", "15")
                .putAdditionalHeader("x-mock-ttft-ms", "0")
                .putAdditionalHeader("x-mock-itl-ms", "0")
                .build();
        OpenAIClient lenient = client.withOptions(o -> o.responseValidation(false));

        List<Completion> chunks;
        try (StreamResponse<Completion> response = lenient.completions().createStreaming(params)) {
            chunks = response.stream().toList();
        }
        Completion whole = lenient.completions().create(params);

        for (int i = 0; i < 2; i++) {
            final long index = i;
            // finish_reason is null on all but the last chunk of a choice, which the SDK types as required.
            String text = chunks.stream().flatMap(c -> c.choices().stream()).filter(c -> c.index() == index)
                    .map(c -> c.text()).collect(Collectors.joining());
            assertFalse(text.isEmpty());
            assertEquals(whole.choices().get(i).text(), text, "choice " + i);
            long finishes = chunks.stream().flatMap(c -> c.choices().stream())
                    .filter(c -> c.index() == index && c._finishReason().asKnown().isPresent()).count();
            assertEquals(1, finishes);
        }
        Completion last = chunks.get(chunks.size() - 1);
        assertTrue(last.choices().isEmpty());
        assertEquals(60, last.usage().orElseThrow().completionTokens());
        assertEquals("length", whole.choices().get(0).finishReason().asString());
        assertEquals(whole.id(), chunks.get(0).id());
    }

    private static int indexOf(List<ResponseStreamEvent> events, java.util.function.Predicate<ResponseStreamEvent> p) {
        for (int i = 0; i < events.size(); i++) {
            if (p.test(events.get(i))) {
                return i;
            }
        }
        return -1;
    }

    /** An event's {@code sequence_number}, from the event as the SDK serialises it again. */
    private static long sequenceNumber(ResponseStreamEvent event) {
        JsonNode json = com.openai.core.ObjectMappers.jsonMapper().valueToTree(event);
        return json.get("sequence_number").asLong(-1);
    }

    private static FunctionTool.Parameters parameters(String schema) {
        FunctionTool.Parameters.Builder b = FunctionTool.Parameters.builder();
        try {
            JSON.readTree(schema).properties().forEach(e -> b.putAdditionalProperty(e.getKey(),
                    JsonValue.fromJsonNode(e.getValue())));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return b.build();
    }

    private static List<String> describe(List<ResponseFunctionToolCall> calls) {
        return calls.stream().map(c -> c.id().orElseThrow() + " " + c.callId() + " " + c.name() + " " + c.arguments())
                .toList();
    }
}
