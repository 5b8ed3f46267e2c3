package io.streambench.driver.dialect;

import com.fasterxml.jackson.databind.JsonNode;
import io.streambench.client.Api;
import io.streambench.driver.RequestEncoder;
import io.streambench.driver.workload.PlannedRequest;
import java.util.Map;

/**
 * Legacy completions bodies ({@code POST .../completions}): the planned messages' texts as one {@code prompt}
 * (joined by blank lines: a system prefix, a conversation's history, then the new prompt), {@code max_tokens},
 * vLLM's {@code ignore_eos} and {@code min_tokens} for an exact length, and {@code stream_options.include_usage};
 * a dataset line's other fields as they are. There are no tools and no reasoning settings in this API.
 *
 * <pre>{@code
 * {"model":"m","prompt":"Once upon a time","stream":true,"max_tokens":4096,"stream_options":{"include_usage":true}}
 * }</pre>
 */
public final class CompletionsEncoder implements RequestEncoder {

    private final BodyOptions options;

    public CompletionsEncoder(BodyOptions options) {
        if (!options.tools().isEmpty() || options.reasoningEffort() != null || options.reasoningBudget() != null) {
            throw new IllegalArgumentException("legacy completions take no tools and no reasoning settings");
        }
        this.options = options;
    }

    @Override
    public byte[] encode(PlannedRequest request) {
        Map<String, JsonNode> extra = request.extraBody();
        return BodyJson.write(request, json -> {
            if (!extra.containsKey("model")) {
                json.writeStringField("model", options.model());
            }
            StringBuilder prompt = new StringBuilder();
            for (int i = 0; i < request.messages().size(); i++) {
                if (i > 0) {
                    prompt.append("\n\n");
                }
                prompt.append(BodyJson.text(request, i, Api.COMPLETIONS));
            }
            json.writeStringField("prompt", prompt.toString());
            BodyJson.extras(json, extra, BodyJson.LIMITS);
            json.writeBooleanField("stream", true);
            int limit = BodyJson.limit(request, options);
            if (limit > 0) {
                json.writeNumberField("max_tokens", limit);
            }
            if (request.tokens().ignoreEos()) {
                if (!extra.containsKey("ignore_eos")) {
                    json.writeBooleanField("ignore_eos", true);
                }
                if (!extra.containsKey("min_tokens")) {
                    json.writeNumberField("min_tokens", request.tokens().outputTokens());
                }
            }
            if (options.includeUsage() && !extra.containsKey("stream_options")) {
                json.writeObjectFieldStart("stream_options");
                json.writeBooleanField("include_usage", true);
                json.writeEndObject();
            }
        });
    }
}
