package io.streambench.driver.dialect;

import com.fasterxml.jackson.databind.JsonNode;
import io.streambench.client.Api;
import io.streambench.driver.RequestEncoder;
import io.streambench.driver.dialect.FunctionTool.ToolShape;
import io.streambench.driver.workload.PlannedRequest;
import java.util.Map;

/**
 * OpenAI Responses bodies ({@code POST .../responses}): the planned messages as {@code input} messages (roles
 * kept: system and developer messages are input messages there too), {@code max_output_tokens}, the tools in
 * the API's flat shape, and {@code reasoning: {"effort": E, "summary": "auto"}} with a reasoning effort, the
 * summary so that the reasoning streams (without one it shows only as time and in usage); a dataset line's other
 * fields as they are. The API always reports usage, in its terminal event.
 *
 * <pre>{@code
 * {"model":"m","input":[{"role":"user","content":"Hello"}],"stream":true,"max_output_tokens":200,
 *  "reasoning":{"effort":"low","summary":"auto"}}
 * }</pre>
 */
public final class ResponsesEncoder implements RequestEncoder {

    private final BodyOptions options;
    private final JsonNode tools;

    public ResponsesEncoder(BodyOptions options) {
        if (options.reasoningBudget() != null) {
            throw new IllegalArgumentException("the Responses API takes a reasoning effort, not a budget");
        }
        this.options = options;
        this.tools = BodyJson.runTools(options, ToolShape.RESPONSES);
    }

    @Override
    public byte[] encode(PlannedRequest request) {
        BodyJson.refuseIgnoreEos(request, Api.RESPONSES);
        Map<String, JsonNode> extra = request.extraBody();
        return BodyJson.write(request, json -> {
            if (!extra.containsKey("model")) {
                json.writeStringField("model", options.model());
            }
            json.writeArrayFieldStart("input");
            for (int i = 0; i < request.messages().size(); i++) {
                json.writeStartObject();
                json.writeStringField("role", request.messages().get(i).role());
                json.writeStringField("content", BodyJson.text(request, i, Api.RESPONSES));
                json.writeEndObject();
            }
            json.writeEndArray();
            BodyJson.extras(json, extra, BodyJson.MAPPED);
            BodyJson.tools(json, request, tools, ToolShape.RESPONSES);
            json.writeBooleanField("stream", true);
            int limit = BodyJson.limit(request, options);
            if (limit > 0) {
                json.writeNumberField("max_output_tokens", limit);
            }
            if (options.reasoningEffort() != null && !extra.containsKey("reasoning")) {
                json.writeObjectFieldStart("reasoning");
                json.writeStringField("effort", options.reasoningEffort());
                if (!options.reasoningEffort().equals("none")) {
                    json.writeStringField("summary", "auto");
                }
                json.writeEndObject();
            }
        });
    }
}
