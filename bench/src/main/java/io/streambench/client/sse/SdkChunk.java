package io.streambench.client.sse;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * The typed chunk {@code sdk-style} binds every chat or legacy completions event to, shaped like the
 * official SDK's {@code ChatCompletionChunk} and {@code Completion} (only the fields a streaming client
 * reads; unknown ones are ignored by the mapper). {@code created} stays a tree, as the SDK keeps any value
 * it cannot type ({@code JsonField}) instead of failing the whole chunk.
 */
record SdkChunk(String id, String object, JsonNode created, String model,
                @JsonProperty("system_fingerprint") String systemFingerprint,
                @JsonProperty("service_tier") String serviceTier,
                List<Choice> choices, Usage usage) {

    /** A choice: {@code delta} in chat completions, {@code text} in legacy completions. */
    record Choice(int index, Delta delta, String text, JsonNode logprobs,
                  @JsonProperty("finish_reason") String finishReason) {
    }

    record Delta(String role, String content, String refusal,
                 @JsonProperty("reasoning_content") String reasoningContent, String reasoning,
                 @JsonProperty("tool_calls") List<ToolCall> toolCalls) {
    }

    record ToolCall(int index, String id, String type, Function function) {
    }

    record Function(String name, String arguments) {
    }

    record Usage(@JsonProperty("prompt_tokens") long promptTokens,
                 @JsonProperty("completion_tokens") long completionTokens,
                 @JsonProperty("total_tokens") long totalTokens,
                 @JsonProperty("prompt_tokens_details") PromptDetails promptDetails,
                 @JsonProperty("completion_tokens_details") CompletionDetails completionDetails,
                 @JsonProperty("prompt_cache_hit_tokens") long cacheHitTokens) {

        TokenUsage view(TokenUsage into) {
            Long cached = promptDetails == null ? null : promptDetails.cachedTokens();
            return into.set(TokenUsage.Source.CHUNK_USAGE, promptTokens, completionTokens,
                    completionDetails == null ? 0 : completionDetails.reasoningTokens(),
                    cached != null ? cached : cacheHitTokens, totalTokens);
        }
    }

    record PromptDetails(@JsonProperty("cached_tokens") Long cachedTokens) {
    }

    record CompletionDetails(@JsonProperty("reasoning_tokens") long reasoningTokens) {
    }

    /**
     * The {@code error} object of a mid-stream error event; {@code code} is a string or a number. Google's
     * errors name their kind {@code status}.
     */
    record Error(String message, String type, JsonNode code, String param, String status) {
    }
}
