package io.streambench.client.sse;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The typed event {@code sdk-style} binds every Anthropic Messages event to, as anthropic-java binds a
 * {@code RawMessageStreamEvent} (one flat record here for the events' union: only the fields a streaming
 * client reads; unknown ones are ignored by the mapper).
 */
record SdkMessagesEvent(String type, int index, Message message,
                        @JsonProperty("content_block") Block contentBlock, Delta delta, Usage usage) {

    record Message(String role, Usage usage) {
    }

    record Block(String type, String id, String name, String text, String thinking) {
    }

    record Delta(String type, String text, String thinking, @JsonProperty("partial_json") String partialJson,
                 @JsonProperty("stop_reason") String stopReason) {
    }

    record Usage(@JsonProperty("input_tokens") long inputTokens,
                 @JsonProperty("cache_creation_input_tokens") long cacheCreationInputTokens,
                 @JsonProperty("cache_read_input_tokens") long cacheReadInputTokens,
                 @JsonProperty("output_tokens") long outputTokens,
                 @JsonProperty("output_tokens_details") OutputDetails outputDetails) {
    }

    record OutputDetails(@JsonProperty("thinking_tokens") long thinkingTokens) {
    }

    /** Puts the fields into the dialect's scratch (reset), which decides what the listener hears. */
    void fill(MessagesScratch s) {
        s.index = index;
        Usage counts = usage;
        if (message != null) {
            s.role.setOrAbsent(message.role());
            counts = message.usage();
        }
        if (contentBlock != null) {
            s.blockType.setOrAbsent(contentBlock.type());
            s.blockId.setOrAbsent(contentBlock.id());
            s.blockName.setOrAbsent(contentBlock.name());
            s.text.setOrAbsent(contentBlock.text());
            s.thinking.setOrAbsent(contentBlock.thinking());
        }
        if (delta != null) {
            s.text.setOrAbsent(delta.text());
            s.thinking.setOrAbsent(delta.thinking());
            s.partialJson.setOrAbsent(delta.partialJson());
            s.stopReason.setOrAbsent(delta.stopReason());
        }
        if (counts != null) {
            s.set(counts.inputTokens(), counts.cacheCreationInputTokens(), counts.cacheReadInputTokens(), 0,
                    counts.outputTokens(), counts.outputDetails() == null ? 0 : counts.outputDetails().thinkingTokens(), 0);
        }
    }
}
