package io.streambench.driver.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import io.streambench.client.Api;
import io.streambench.driver.workload.ChatMessage;
import io.streambench.driver.workload.PlannedRequest;
import io.streambench.driver.workload.TokenPlan;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each API's body: the answer limit, thinking and tools under the API's own names. */
class ApiBodiesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<FunctionTool> TOOLS = List.of(new FunctionTool("get_time", "Time in a zone",
            JSON.createObjectNode().put("type", "object"), null));

    private static PlannedRequest request(int plannedTokens, Map<String, JsonNode> extra) {
        return new PlannedRequest(3, List.of(ChatMessage.system("Be brief."), ChatMessage.user("Hello")),
                new TokenPlan(0, 0, 5, plannedTokens, false), OptionalLong.empty(), PlannedRequest.Grouping.NONE,
                extra);
    }

    private static JsonNode body(Api api, BodyOptions options, PlannedRequest request) throws IOException {
        return JSON.readTree(ApiBodies.encoder(api, options).encode(request));
    }

    @ParameterizedTest
    @CsvSource({"CHAT, /max_tokens", "COMPLETIONS, /max_tokens", "RESPONSES, /max_output_tokens",
        "MESSAGES, /max_tokens", "GEMINI, /generationConfig/maxOutputTokens"})
    void shouldKeepADatasetLinesOwnLimitUnderTheApisName(Api api, String field) throws IOException {
        // a --prompts line's own max_tokens wins over the planned length and --max-tokens, in every API
        JsonNode body = body(api, BodyOptions.plain("m", 4000, true), request(300, Map.of("max_tokens",
                IntNode.valueOf(77))));

        assertEquals(77, body.at(field).asInt(), body::toString);
    }

    @Test
    void shouldGiveAnthropicTheLimitItRequiresWhenNoneIsPlannedOrGiven() throws IOException {
        JsonNode body = body(Api.MESSAGES, BodyOptions.plain("m", 0, true), request(0, Map.of()));

        assertEquals(MessagesEncoder.DEFAULT_MAX_TOKENS, body.get("max_tokens").asInt(), body::toString);
        assertEquals("Be brief.", body.get("system").asText(), body::toString);
        assertEquals(1, body.get("messages").size(), "the system prompt is not a message: " + body);
    }

    @Test
    void shouldAskAnthropicForAdaptiveThinkingWhenTheModelDecides() throws IOException {
        JsonNode adaptive = body(Api.MESSAGES, new BodyOptions("m", 0, true, List.of(), null, -1), request(0, Map.of()));
        JsonNode budget = body(Api.MESSAGES, new BodyOptions("m", 0, true, List.of(), null, 2048),
                request(3000, Map.of()));

        assertEquals("adaptive", adaptive.at("/thinking/type").asText(), adaptive::toString);
        assertFalse(adaptive.get("thinking").has("budget_tokens"), adaptive::toString);
        assertEquals("enabled", budget.at("/thinking/type").asText(), budget::toString);
        assertEquals(2048, budget.at("/thinking/budget_tokens").asInt(), budget::toString);
    }

    @Test
    void shouldWriteToolsAndReasoningInEachApisShape() throws IOException {
        JsonNode chat = body(Api.CHAT, new BodyOptions("m", 0, true, TOOLS, "low", null), request(0, Map.of()));
        JsonNode responses = body(Api.RESPONSES, new BodyOptions("m", 0, true, TOOLS, "low", null),
                request(0, Map.of()));
        JsonNode gemini = body(Api.GEMINI, new BodyOptions("m", 0, true, TOOLS, null, 512), request(0, Map.of()));

        assertEquals("get_time", chat.at("/tools/0/function/name").asText(), chat::toString);
        assertEquals("low", chat.get("reasoning_effort").asText(), chat::toString);
        assertEquals("get_time", responses.at("/tools/0/name").asText(), responses::toString);
        assertEquals("auto", responses.at("/reasoning/summary").asText(), "a summary, so the reasoning streams");
        assertEquals("object", gemini.at("/tools/0/functionDeclarations/0/parametersJsonSchema/type").asText(),
                gemini::toString);
        assertEquals(512, gemini.at("/generationConfig/thinkingConfig/thinkingBudget").asInt(), gemini::toString);
        assertTrue(gemini.at("/generationConfig/thinkingConfig/includeThoughts").asBoolean(), gemini::toString);
        assertEquals("Be brief.", gemini.at("/systemInstruction/parts/0/text").asText(), gemini::toString);
        assertFalse(gemini.has("model"), "Gemini's model is in the path: " + gemini);
    }
}
