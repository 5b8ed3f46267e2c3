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
        s.hasType = set(s.type, type);
        s.hasDelta = set(s.delta, delta);
        s.outputIndex = outputIndex;
        if (item != null) {
            s.hasItemType = set(s.itemType, item.type());
            s.hasItemRole = set(s.itemRole, item.role());
            s.hasItemCallId = set(s.itemCallId, item.callId());
            s.hasItemName = set(s.itemName, item.name());
            s.hasItemArguments = set(s.itemArguments, item.arguments());
        }
        // A flat error event's code and message, or response.error's: reported by type, not as a top-level error.
        error(s, code, message);
        if (response != null) {
            s.hasStatus = set(s.status, response.status());
            if (response.incompleteDetails() != null) {
                s.hasIncompleteReason = set(s.incompleteReason, response.incompleteDetails().reason());
            }
            if (response.error() != null) {
                error(s, response.error().code(), response.error().message());
            }
            Usage usage = response.usage();
            if (usage != null) {
                s.hasUsage = true;
                s.inputTokens = usage.inputTokens();
                s.cachedTokens = usage.inputDetails() == null ? 0 : usage.inputDetails().cachedTokens();
                s.outputTokens = usage.outputTokens();
                s.reasoningTokens = usage.outputDetails() == null ? 0 : usage.outputDetails().reasoningTokens();
                s.totalTokens = usage.totalTokens();
            }
        }
    }

    private static void error(EventScratch s, JsonNode code, String message) {
        if (message != null) {
            s.errorMessage.set(message);
        }
        if (code != null && !code.isNull()) {
            s.hasErrorCode = set(s.errorCode, code.asText());
        }
    }

    /** Copies a string field into a slice; returns whether it was present. */
    static boolean set(CharSlice into, String value) {
        if (value == null) {
            return false;
        }
        into.set(value);
        return true;
    }
}
