package io.streambench.driver.workload;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * One request of a dataset file, with its prompt counted.
 *
 * @param messages     the messages to send, never empty
 * @param extraBody    the line's other fields, passed into the body as they are
 * @param promptTokens tokens of all the messages' text
 * @param maxTokens    the answer length the line itself asks for ({@code max_tokens} or
 *                     {@code max_completion_tokens}), which nothing overrides
 * @param answerTokens the length of the answer the dataset recorded (ShareGPT: the first gpt turn), the
 *                     default answer length when neither the line nor the run sets one
 * @param origin       where it came from, {@code file:line}, for error messages
 */
public record DatasetEntry(List<ChatMessage> messages, Map<String, JsonNode> extraBody, int promptTokens,
                           OptionalInt maxTokens, OptionalInt answerTokens, String origin) {

    public DatasetEntry {
        if (messages == null || messages.isEmpty()) {
            throw new IllegalArgumentException(origin + ": no messages");
        }
        messages = List.copyOf(messages);
        extraBody = extraBody == null ? Map.of() : Map.copyOf(extraBody);
        if (promptTokens < 0) {
            throw new IllegalArgumentException(origin + ": promptTokens must be >= 0, got " + promptTokens);
        }
        if (maxTokens == null || answerTokens == null) {
            throw new IllegalArgumentException(origin + ": maxTokens and answerTokens must not be null");
        }
    }

    /** The answer length this entry stands for: its own {@code max_tokens}, else the recorded answer's. */
    public OptionalInt outputTokens() {
        return maxTokens.isPresent() ? maxTokens : answerTokens;
    }
}
