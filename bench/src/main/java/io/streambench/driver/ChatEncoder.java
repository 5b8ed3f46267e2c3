package io.streambench.driver;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streambench.driver.workload.ChatMessage;
import io.streambench.driver.workload.PlannedRequest;
import io.streambench.driver.workload.TokenPlan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Chat completions bodies ({@code POST .../chat/completions}, {@code stream: true}): the planned messages, then
 * every extra field of the request as it is (a dataset line's {@code temperature}, {@code tools}, its own
 * {@code model} or {@code max_completion_tokens}), then what the request lacks: {@code model}, {@code stream},
 * {@code max_tokens} (the planned answer length, else {@code --max-tokens}), {@code ignore_eos} and
 * {@code min_tokens} (vLLM's and SGLang's way to ask for exactly that length) and
 * {@code stream_options.include_usage}.
 *
 * <pre>{@code
 * {"model":"m","messages":[{"role":"system","content":"..."},{"role":"user","content":"..."}],
 *  "stream":true,"max_tokens":200,"ignore_eos":true,"min_tokens":200,"stream_options":{"include_usage":true}}
 * }</pre>
 *
 * @param model        the model, unless the request's extra fields name one
 * @param includeUsage ask for the usage chunk, unless the extra fields hold {@code stream_options}
 * @param maxTokens    {@code max_tokens} of a request that plans no answer length, 0 to leave it out
 */
public record ChatEncoder(String model, boolean includeUsage, int maxTokens) implements RequestEncoder {

    private static final ObjectMapper JSON = new ObjectMapper();

    public ChatEncoder {
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("model must not be blank");
        }
        if (maxTokens < 0) {
            throw new IllegalArgumentException("max tokens must be >= 0 (0 leaves it out), got " + maxTokens);
        }
    }

    @Override
    public byte[] encode(PlannedRequest request) {
        Map<String, JsonNode> extra = request.extraBody();
        TokenPlan tokens = request.tokens();
        ByteArrayBuilder out = new ByteArrayBuilder(256 + 6 * tokens.promptTokens());
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            if (!extra.containsKey("model")) {
                json.writeStringField("model", model);
            }
            json.writeArrayFieldStart("messages");
            for (ChatMessage message : request.messages()) {
                json.writeStartObject();
                json.writeStringField("role", message.role());
                if (message.parts() != null) {
                    json.writeFieldName("content");
                    json.writeTree(message.parts());
                } else {
                    json.writeStringField("content", message.content());
                }
                for (Map.Entry<String, JsonNode> field : message.fields().entrySet()) {
                    json.writeFieldName(field.getKey());
                    json.writeTree(field.getValue());
                }
                json.writeEndObject();
            }
            json.writeEndArray();
            for (Map.Entry<String, JsonNode> field : extra.entrySet()) {
                if (!field.getKey().equals("stream")) {
                    json.writeFieldName(field.getKey());
                    json.writeTree(field.getValue());
                }
            }
            json.writeBooleanField("stream", true);
            boolean ownLimit = extra.containsKey("max_tokens") || extra.containsKey("max_completion_tokens");
            int limit = tokens.outputTokens() > 0 ? tokens.outputTokens() : maxTokens;
            if (!ownLimit && limit > 0) {
                json.writeNumberField("max_tokens", limit);
            }
            if (tokens.ignoreEos()) {
                if (!extra.containsKey("ignore_eos")) {
                    json.writeBooleanField("ignore_eos", true);
                }
                if (!extra.containsKey("min_tokens")) {
                    json.writeNumberField("min_tokens", tokens.outputTokens());
                }
            }
            if (includeUsage && !extra.containsKey("stream_options")) {
                json.writeObjectFieldStart("stream_options");
                json.writeBooleanField("include_usage", true);
                json.writeEndObject();
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("encoding request " + request.index() + ": " + e.getMessage(), e);
        }
        return out.toByteArray();
    }
}
