package io.streambench.driver.workload;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;

/**
 * One message of a planned request, in no API's format yet: a role and its text, plus any other fields a
 * dataset line gave the message ({@code name}, {@code tool_calls}, {@code tool_call_id}), passed on as
 * they were.
 *
 * @param role    {@code system}, {@code developer}, {@code user}, {@code assistant} or {@code tool}
 * @param content the text, never null (empty for an assistant message that only carries {@code tool_calls}); for
 *                a message of content parts, the text of its text parts, which is what is counted
 * @param fields  other fields of the message, never null (an unmodifiable copy is kept)
 * @param parts   the message's content as a dataset line gave it when that was a list of content parts (text,
 *                images...), sent as it is; null for text content
 */
public record ChatMessage(String role, String content, Map<String, JsonNode> fields, JsonNode parts) {

    private static final Set<String> ROLES = Set.of("system", "developer", "user", "assistant", "tool");

    public ChatMessage {
        if (role == null || !ROLES.contains(role)) {
            throw new IllegalArgumentException("role must be one of system, developer, user, assistant, tool; got " + role);
        }
        if (content == null) {
            throw new IllegalArgumentException("content must not be null (role " + role + ")");
        }
        fields = fields == null ? Map.of() : Map.copyOf(fields);
        if (fields.containsKey("role") || fields.containsKey("content")) {
            throw new IllegalArgumentException("fields must not repeat role or content");
        }
        if (parts != null && !parts.isArray()) {
            throw new IllegalArgumentException("content parts must be a list, got " + parts.getNodeType());
        }
    }

    /** A message with text content. */
    public ChatMessage(String role, String content, Map<String, JsonNode> fields) {
        this(role, content, fields, null);
    }

    /** A message with text only. */
    public static ChatMessage of(String role, String content) {
        return new ChatMessage(role, content, Map.of());
    }

    /** A system message. */
    public static ChatMessage system(String content) {
        return of("system", content);
    }

    /** A user message. */
    public static ChatMessage user(String content) {
        return of("user", content);
    }

    /** An assistant message (in a conversation: an answer as it was received). */
    public static ChatMessage assistant(String content) {
        return of("assistant", content);
    }
}
