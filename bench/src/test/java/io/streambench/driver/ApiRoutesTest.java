package io.streambench.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.streambench.client.Api;
import io.streambench.driver.dialect.ApiBodies;
import io.streambench.driver.dialect.BodyOptions;
import io.streambench.driver.dialect.FunctionTool;
import io.streambench.driver.workload.FixedPrompt;
import io.streambench.driver.workload.Tokenizer;
import io.streambench.driver.workload.Tokenizers;
import io.streambench.mock.MockServer;
import io.streambench.mock.MockServerConfig;
import io.streambench.mock.profile.Distribution;
import io.streambench.mock.profile.ProfileLoader;
import io.streambench.mock.profile.RequestOverrides;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The driver against each API's route of the embedded mock: the request each API takes, its stream read by
 * its own parser, and what requests.csv says of it: a text answer, streamed reasoning before the answer, tool
 * calls, a mid-stream error in the API's own form, and a stream cut before its end marker. The mock answers at
 * once (a few ms per token), so each case takes a few hundred ms.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ApiRoutesTest {

    private static final Tokenizer TOKENIZER = Tokenizers.named(Tokenizers.DEFAULT);
    /** Tokens of a plain answer: the Responses API refuses a max_output_tokens below 16. */
    private static final int ANSWER = 16;
    /** paced's answers with every request offering tools answered with two calls. */
    private static final String PROFILES = "profiles: {tools: {extends: paced, tool_calls: {probability: 1, "
            + "parallel: 2, argument_chars_per_chunk: 6}}}";
    private static final List<FunctionTool> TOOLS = List.of(
            new FunctionTool("get_weather", "Weather in a city", schema("city"), null),
            new FunctionTool("get_time", "Time in a zone", schema("tz"), null));
    /** A reasoning budget the model decides: Gemini's -1, Anthropic's adaptive thinking. */
    private static final int MODEL_DECIDES = -1;
    /** Reasoning tokens per reasoning answer: 200 ms of them at 1 ms each, before the first answer token. */
    private static final int REASONING = 200;

    private static MockServer server;

    @BeforeAll
    static void startMock() {
        server = MockServer.start(MockServerConfig.defaults().withProfiles(ProfileLoader.parse(PROFILES)));
    }

    @AfterAll
    static void stopMock() {
        server.close();
    }

    private static com.fasterxml.jackson.databind.JsonNode schema(String property) {
        try {
            return new ObjectMapper().readTree("{\"type\":\"object\",\"properties\":{\"" + property
                    + "\":{\"type\":\"string\"}},\"required\":[\"" + property + "\"]}");
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One request of {@code answerTokens} to {@code api}'s route, the mock told by {@code headers}. */
    private static AttemptRow one(Api api, String model, BodyOptions options, int answerTokens, String... headers) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put(RequestOverrides.TTFT_MS, "5");
        h.put(RequestOverrides.ITL_MS, "0");
        for (int i = 0; i < headers.length; i += 2) {
            h.put(headers[i], headers[i + 1]);
        }
        Requests requests = Requests.of(new FixedPrompt("Hello", TOKENIZER, Distribution.constant(answerTokens), false,
                1), ApiBodies.encoder(api, options), TOKENIZER, true);
        Target target = new Target(api.onServer(server.baseUrl(), model), h, "test-key", requests, true, api);
        List<AttemptRow> rows = Runs.run(Runs.config(target, List.of(new Workload.Closed(1)), Runs.requests(1),
                Runs.SHORT, Runs.NO_RETRY)).rows();
        assertEquals(1, rows.size(), rows::toString);
        return rows.get(0);
    }

    private static BodyOptions plain() {
        return BodyOptions.plain("paced", 0, true);
    }

    /** The reasoning setting that makes {@code api} stream its reasoning (chat's comes with every answer). */
    private static BodyOptions reasoning(Api api) {
        return switch (api) {
            case CHAT, COMPLETIONS -> plain();
            case RESPONSES -> new BodyOptions("paced", 0, true, List.of(), "low", null);
            case MESSAGES, GEMINI -> new BodyOptions("paced", 0, true, List.of(), null, MODEL_DECIDES);
        };
    }

    private static String usageField(Api api) {
        return switch (api) {
            case CHAT, COMPLETIONS -> "usage:completion_tokens";
            case RESPONSES -> "response.usage:output_tokens";
            case MESSAGES -> "message_delta.usage:output_tokens";
            case GEMINI -> "usageMetadata:candidatesTokenCount+thoughtsTokenCount";
        };
    }

    @ParameterizedTest
    @EnumSource(Api.class)
    void shouldStreamATextAnswerFromEachApiCountedByItsUsage(Api api) {
        AttemptRow row = one(api, "paced", plain(), ANSWER);

        assertEquals(ErrorClass.NONE, row.ending().error(), row::toString);
        assertEquals(ANSWER, row.received().outputTokens(), row::toString);
        assertEquals(ANSWER, row.received().chunks(), row::toString);
        assertEquals(usageField(api), row.received().tokenSourceLabel());
        assertEquals(0, row.received().reasoningTokens(), row::toString);
        assertTrue(row.times().ttft() > 0 && row.times().ttfa() == row.times().ttft(), row::toString);
        assertTrue(row.times().ttfe() <= row.times().ttft(), row::toString);
        assertTrue(row.times().doneNanos() >= 0, "the API's end marker, or Gemini's last finishReason: " + row);
        assertNotNull(row.received().finishReason(), row::toString);
        assertTrue(row.plan().usageInputTokens() > 0, row::toString);
    }

    @ParameterizedTest
    @EnumSource(value = Api.class, names = "COMPLETIONS", mode = EnumSource.Mode.EXCLUDE)
    void shouldTimeTheFirstAnswerTokenAfterStreamedReasoning(Api api) {
        int answer = REASONING + 20;
        AttemptRow row = one(api, "paced", reasoning(api), answer, RequestOverrides.REASONING_TOKENS,
                Integer.toString(REASONING), RequestOverrides.ITL_MS, "1");

        assertEquals(ErrorClass.NONE, row.ending().error(), row::toString);
        assertEquals(answer, row.received().outputTokens(), row::toString);
        assertEquals(REASONING, row.received().reasoningTokens(), row::toString);
        // 200 reasoning tokens 1 ms apart come between the first token and the first answer token; half of that
        // leaves room for a first read that a cold or busy JVM takes late (the later tokens then come at once)
        assertTrue(row.times().ttfa() - row.times().ttft() >= 100_000_000L, () -> "ttft " + row.times().ttft() / 1e6
                + " ms, ttfa " + row.times().ttfa() / 1e6 + " ms: " + row);
    }

    @ParameterizedTest
    @EnumSource(value = Api.class, names = "COMPLETIONS", mode = EnumSource.Mode.EXCLUDE)
    void shouldReadToolCallsAsAnswerTokens(Api api) {
        AttemptRow row = one(api, "tools", new BodyOptions("tools", 0, true, TOOLS, null, null), 40);

        assertEquals(ErrorClass.NONE, row.ending().error(), row::toString);
        assertTrue(row.received().chunks() >= 2, row::toString);
        assertTrue(row.times().ttfa() > 0 && row.times().ttfa() == row.times().ttft(), row::toString);
        assertEquals(usageField(api), row.received().tokenSourceLabel());
        String expected = switch (api) {
            case CHAT -> "tool_calls";
            case MESSAGES -> "tool_use";
            case RESPONSES -> "completed";
            case GEMINI, COMPLETIONS -> "STOP";
        };
        assertEquals(expected, row.received().finishReason(), row::toString);
        if (api == Api.GEMINI) {
            assertEquals(2, row.received().chunks(), "two whole functionCall parts: " + row);
        }
    }

    @ParameterizedTest
    @EnumSource(Api.class)
    void shouldClassifyEachApisMidStreamErrorAsAnErrorEvent(Api api) {
        AttemptRow row = one(api, "paced", plain(), ANSWER, RequestOverrides.FAULT, "error_event@after_chunks=4");

        assertEquals(ErrorClass.ERROR_EVENT, row.ending().error(), row::toString);
        assertEquals(200, row.ending().status(), row::toString);
        // the mock counts every event of the stream (Anthropic's message_start, content_block_start...)
        assertTrue(row.received().chunks() >= 1 && row.received().chunks() < ANSWER, row::toString);
        if (api == Api.MESSAGES) {
            assertTrue(row.ending().message().contains("overloaded_error"), row.ending()::message);
        }
    }

    @ParameterizedTest
    @EnumSource(Api.class)
    void shouldClassifyAStreamWithoutItsApisEndAsNoDone(Api api) {
        // The mock's no_done leaves out [DONE] and message_stop; no_finish the terminal event of the APIs that end
        // with their finish (Responses' response.completed, Gemini's finishReason).
        AttemptRow row = one(api, "paced", plain(), ANSWER, RequestOverrides.FAULT,
                api == Api.GEMINI || api == Api.RESPONSES ? "no_finish" : "no_done");

        assertEquals(ErrorClass.NO_DONE, row.ending().error(), row::toString);
        String marker = switch (api) {
            case CHAT, COMPLETIONS -> "[DONE]";
            case RESPONSES -> "response.completed";
            case MESSAGES -> "message_stop";
            case GEMINI -> "finishReason";
        };
        assertTrue(row.ending().message().contains(marker), row.ending()::message);
    }
}
