package io.streambench.driver.dialect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streambench.client.Api;
import io.streambench.driver.RequestEncoder;
import io.streambench.driver.dialect.FunctionTool.ToolShape;
import io.streambench.driver.workload.ChatMessage;
import io.streambench.driver.workload.PlannedRequest;
import java.util.Map;
import java.util.Set;

/**
 * Gemini bodies ({@code POST .../models/MODEL:streamGenerateContent?alt=sse}; the model is in the URL): the
 * system and developer messages as {@code systemInstruction}, the others as {@code contents} (assistant turns
 * with role {@code model}), {@code generationConfig.maxOutputTokens}, the tools as {@code functionDeclarations}
 * with their JSON Schema as {@code parametersJsonSchema}, and with a reasoning budget
 * {@code generationConfig.thinkingConfig: {"thinkingBudget": B, "includeThoughts": true}} (the thoughts then
 * stream; a budget of 0 turns thinking off, -1 leaves it to the model). A dataset line's own
 * {@code generationConfig} is kept, these fields added where it lacks them; its other fields as they are. The
 * API always reports usage, on every event.
 *
 * <pre>{@code
 * {"contents":[{"role":"user","parts":[{"text":"Hello"}]}],
 *  "generationConfig":{"maxOutputTokens":200,"thinkingConfig":{"thinkingBudget":1024,"includeThoughts":true}}}
 * }</pre>
 */
public final class GeminiEncoder implements RequestEncoder {

    private static final Set<String> SKIPPED = Set.of("stream", "max_tokens", "max_completion_tokens", "tools",
            "generationConfig");

    private final BodyOptions options;
    private final JsonNode tools;

    public GeminiEncoder(BodyOptions options) {
        if (options.reasoningEffort() != null) {
            throw new IllegalArgumentException("Gemini takes a thinking budget, not a reasoning effort");
        }
        this.options = options;
        this.tools = BodyJson.runTools(options, ToolShape.GEMINI);
    }

    @Override
    public byte[] encode(PlannedRequest request) {
        BodyJson.refuseIgnoreEos(request, Api.GEMINI);
        Map<String, JsonNode> extra = request.extraBody();
        return BodyJson.write(request, json -> {
            json.writeArrayFieldStart("contents");
            for (int i = 0; i < request.messages().size(); i++) {
                ChatMessage m = request.messages().get(i);
                if (!BodyJson.system(m)) {
                    json.writeStartObject();
                    json.writeStringField("role", m.role().equals("assistant") ? "model" : m.role());
                    json.writeArrayFieldStart("parts");
                    json.writeStartObject();
                    json.writeStringField("text", BodyJson.text(request, i, Api.GEMINI));
                    json.writeEndObject();
                    json.writeEndArray();
                    json.writeEndObject();
                }
            }
            json.writeEndArray();
            String system = BodyJson.systemText(request, Api.GEMINI);
            if (system != null && !extra.containsKey("systemInstruction")) {
                json.writeObjectFieldStart("systemInstruction");
                json.writeArrayFieldStart("parts");
                json.writeStartObject();
                json.writeStringField("text", system);
                json.writeEndObject();
                json.writeEndArray();
                json.writeEndObject();
            }
            BodyJson.extras(json, extra, SKIPPED);
            BodyJson.tools(json, request, tools, ToolShape.GEMINI);
            ObjectNode config = generationConfig(request, extra.get("generationConfig"));
            if (!config.isEmpty()) {
                json.writeFieldName("generationConfig");
                json.writeTree(config);
            }
        });
    }

    /** The line's own generationConfig, with the limit and thinking settings it lacks. */
    private ObjectNode generationConfig(PlannedRequest request, JsonNode own) {
        if (own != null && !own.isObject()) {
            throw new IllegalArgumentException("request " + request.index() + ": generationConfig must be an object, got "
                    + own.getNodeType());
        }
        ObjectNode config = own != null ? ((ObjectNode) own).deepCopy() : JsonNodeFactory.instance.objectNode();
        int limit = BodyJson.limit(request, options);
        if (limit > 0 && !config.has("maxOutputTokens")) {
            config.put("maxOutputTokens", limit);
        }
        if (options.reasoningBudget() != null && !config.has("thinkingConfig")) {
            ObjectNode thinking = config.putObject("thinkingConfig");
            thinking.put("thinkingBudget", options.reasoningBudget());
            thinking.put("includeThoughts", options.reasoningBudget() != 0);
        }
        return config;
    }
}
