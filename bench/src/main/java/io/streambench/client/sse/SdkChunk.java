package io.streambench.client.sse;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * The typed chunk {@code sdk-style} binds every chat or legacy completions event to, shaped like the
 * official SDK's {@code ChatCompletionChunk} (only the fields a streaming client reads; unknown ones are
 * ignored by the mapper). {@code created} stays a tree, as the SDK keeps any value it cannot type
 * ({@code JsonField}) instead of failing the whole chunk. The fields the SDK does not type (a delta's
 * reasoning, which openai-java keeps among its additional properties) and those of other types (a legacy
 * choice's {@code text}, the usage's details) are read from the tree ({@link SdkChunkExtras}), so that
 * binding a chat chunk costs what it did before the other dialects came.
 */
record SdkChunk(String id, String object, JsonNode created, String model,
                @JsonProperty("system_fingerprint") String systemFingerprint,
                @JsonProperty("service_tier") String serviceTier,
                List<Choice> choices, Usage usage) {

    record Choice(int index, Delta delta, JsonNode logprobs,
                  @JsonProperty("finish_reason") String finishReason) {
    }

    record Delta(String role, String content, String refusal,
                 @JsonProperty("tool_calls") List<ToolCall> toolCalls) {
    }

    record ToolCall(int index, String id, String type, Function function) {
    }

    record Function(String name, String arguments) {
    }

    record Usage(@JsonProperty("prompt_tokens") long promptTokens,
                 @JsonProperty("completion_tokens") long completionTokens,
                 @JsonProperty("total_tokens") long totalTokens) {
    }

    /**
     * The {@code error} object of a mid-stream error event; {@code code} is a string or a number. Google's
     * errors name their kind {@code status}.
     */
    record Error(String message, String type, JsonNode code, String param, String status) {
    }
}
