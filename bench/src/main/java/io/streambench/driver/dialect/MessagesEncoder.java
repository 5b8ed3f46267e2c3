package io.streambench.driver.dialect;

import com.fasterxml.jackson.databind.JsonNode;
import io.streambench.client.Api;
import io.streambench.driver.RequestEncoder;
import io.streambench.driver.dialect.FunctionTool.ToolShape;
import io.streambench.driver.workload.ChatMessage;
import io.streambench.driver.workload.PlannedRequest;
import java.util.Map;

/**
 * Anthropic Messages bodies ({@code POST /v1/messages}): the system and developer messages joined as
 * {@code system}, the user and assistant messages as {@code messages}, {@code max_tokens} (which the API
 * requires: a dataset line's own, else the planned length, else the run's limit, else
 * {@value #DEFAULT_MAX_TOKENS}), the tools with their {@code input_schema}, and with a
 * reasoning budget {@code thinking: {"type": "enabled", "budget_tokens": B}} (thinking counts toward
 * {@code max_tokens}), or for a budget of -1 {@code {"type": "adaptive"}} (the model decides); a dataset line's other fields as they are. The API always reports usage.
 *
 * <pre>{@code
 * {"model":"m","system":"Be brief.","messages":[{"role":"user","content":"Hello"}],"stream":true,
 *  "max_tokens":4096,"thinking":{"type":"enabled","budget_tokens":2048}}
 * }</pre>
 */
public final class MessagesEncoder implements RequestEncoder {

    /** {@code max_tokens} of a request that plans no length, without a run limit: the API requires one. */
    public static final int DEFAULT_MAX_TOKENS = 4096;

    private final BodyOptions options;
    private final JsonNode tools;

    public MessagesEncoder(BodyOptions options) {
        if (options.reasoningEffort() != null) {
            throw new IllegalArgumentException("Anthropic Messages take a thinking budget, not a reasoning effort");
        }
        this.options = options;
        this.tools = BodyJson.runTools(options, ToolShape.MESSAGES);
    }

    @Override
    public byte[] encode(PlannedRequest request) {
        BodyJson.refuseIgnoreEos(request, Api.MESSAGES);
        Map<String, JsonNode> extra = request.extraBody();
        return BodyJson.write(request, json -> {
            if (!extra.containsKey("model")) {
                json.writeStringField("model", options.model());
            }
            String system = BodyJson.systemText(request, Api.MESSAGES);
            if (system != null && !extra.containsKey("system")) {
                json.writeStringField("system", system);
            }
            json.writeArrayFieldStart("messages");
            for (int i = 0; i < request.messages().size(); i++) {
                ChatMessage m = request.messages().get(i);
                if (!BodyJson.system(m)) {
                    json.writeStartObject();
                    json.writeStringField("role", m.role());
                    json.writeStringField("content", BodyJson.text(request, i, Api.MESSAGES));
                    json.writeEndObject();
                }
            }
            json.writeEndArray();
            BodyJson.extras(json, extra, BodyJson.MAPPED);
            BodyJson.tools(json, request, tools, ToolShape.MESSAGES);
            json.writeBooleanField("stream", true);
            int limit = BodyJson.limit(request, options);
            json.writeNumberField("max_tokens", limit > 0 ? limit : DEFAULT_MAX_TOKENS);
            if (options.reasoningBudget() != null && !extra.containsKey("thinking")) {
                json.writeObjectFieldStart("thinking");
                if (options.reasoningBudget() < 0) {
                    json.writeStringField("type", "adaptive");
                } else {
                    json.writeStringField("type", "enabled");
                    json.writeNumberField("budget_tokens", options.reasoningBudget());
                }
                json.writeEndObject();
            }
        });
    }
}
