package io.streambench.client.sse;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The typed event {@code sdk-style} binds every Responses API event to, as openai-java binds a
 * {@code ResponseStreamEvent} (one flat record here for the events' union: only the fields a streaming
 * client reads; unknown ones are ignored by the mapper).
 */
record SdkResponsesEvent(String type, String delta, @JsonProperty("output_index") int outputIndex, Item item,
                         Response response, JsonNode code, String message) {

    record Item(String type, String role, @JsonProperty("call_id") String callId, String name, String arguments) {
    }

    record Response(String status, Usage usage, Error error,
                    @JsonProperty("incomplete_details") Incomplete incompleteDetails) {
    }

    record Usage(@JsonProperty("input_tokens") long inputTokens,
                 @JsonProperty("input_tokens_details") InputDetails inputDetails,
                 @JsonProperty("output_tokens") long outputTokens,
                 @JsonProperty("output_tokens_details") OutputDetails outputDetails,
                 @JsonProperty("total_tokens") long totalTokens) {
    }

    record InputDetails(@JsonProperty("cached_tokens") long cachedTokens) {
    }

    record OutputDetails(@JsonProperty("reasoning_tokens") long reasoningTokens) {
    }

    record Error(JsonNode code, String message) {
    }

    record Incomplete(String reason) {
    }

    /** Puts the fields into the dialect's scratch (reset), which decides what the listener hears. */
    void fill(ResponsesScratch s) {
        s.type.setOrAbsent(type);
        s.delta.setOrAbsent(delta);
        s.outputIndex = outputIndex;
        if (item != null) {
            s.itemType.setOrAbsent(item.type());
            s.itemRole.setOrAbsent(item.role());
            s.itemCallId.setOrAbsent(item.callId());
            s.itemName.setOrAbsent(item.name());
            s.itemArguments.setOrAbsent(item.arguments());
        }
        // A flat error event's code and message, or response.error's: reported by type, not as a top-level error.
        error(s, code, message);
        if (response != null) {
            s.status.setOrAbsent(response.status());
            if (response.incompleteDetails() != null) {
                s.incompleteReason.setOrAbsent(response.incompleteDetails().reason());
            }
            if (response.error() != null) {
                error(s, response.error().code(), response.error().message());
            }
            Usage usage = response.usage();
            if (usage != null) {
                s.set(usage.inputTokens(), 0, 0, usage.inputDetails() == null ? 0 : usage.inputDetails().cachedTokens(),
                        usage.outputTokens(), usage.outputDetails() == null ? 0 : usage.outputDetails().reasoningTokens(),
                        usage.totalTokens());
            }
        }
    }

    private static void error(EventScratch s, JsonNode code, String message) {
        if (message != null) {
            s.errorMessage.set(message);
        }
        if (code != null && !code.isNull()) {
            s.errorCode.setOrAbsent(code.asText());
        }
    }
}
