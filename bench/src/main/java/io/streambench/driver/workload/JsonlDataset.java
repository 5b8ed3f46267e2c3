package io.streambench.driver.workload;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Reads a JSONL dataset: one request per non-blank line, either a chat request object (its
 * {@code messages} and every other field: {@code tools}, {@code temperature}, ...) or
 * {@code {"prompt": "...", ...}} (one user message, the other fields passed into the body).
 * {@code max_tokens} / {@code max_completion_tokens} on a line become that request's answer length, and stay in
 * the body under the name the line gave (OpenAI's reasoning models take only {@code max_completion_tokens}).
 * Every request streams: a line with {@code "stream": false} is refused, as is one with both {@code messages}
 * and {@code prompt}, since either would be sent otherwise than written.
 *
 * <pre>{@code
 * Dataset prompts = JsonlDataset.read(Path.of("prompts.jsonl"), tokenizer);
 * }</pre>
 *
 * <p>Malformed input fails with {@code file:line: reason}.
 */
public final class JsonlDataset {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonlDataset() {
    }

    /**
     * @throws IllegalArgumentException for a malformed line, naming the file, line and reason
     * @throws UncheckedIOException     when the file cannot be read
     */
    public static Dataset read(Path file, Tokenizer tokenizer) {
        List<DatasetEntry> entries = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (!line.isBlank()) {
                    entries.add(entry(parse(file + ":" + number, line), file + ":" + number, tokenizer));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read dataset " + file + ": " + e.getMessage(), e);
        }
        return new Dataset(file.toString(), entries, Map.of());
    }

    private static ObjectNode parse(String origin, String line) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(origin + ": not JSON: " + e.getOriginalMessage());
        }
        if (!(node instanceof ObjectNode object)) {
            throw new IllegalArgumentException(origin + ": expected a JSON object, got " + node.getNodeType());
        }
        return object;
    }

    private static DatasetEntry entry(ObjectNode line, String origin, Tokenizer tokenizer) {
        List<ChatMessage> messages;
        Map<String, JsonNode> extra = new LinkedHashMap<>();
        OptionalInt maxTokens = OptionalInt.empty();
        if (line.has("messages") && line.has("prompt")) {
            throw new IllegalArgumentException(origin + ": has both \"messages\" and \"prompt\"; give one");
        }
        if (line.has("stream") && !line.get("stream").asBoolean(false)) {
            throw new IllegalArgumentException(origin + ": \"stream\": " + line.get("stream")
                    + ": every request streams; remove the key");
        }
        if (line.has("messages")) {
            messages = messages(line.get("messages"), origin);
        } else if (line.path("prompt").isTextual()) {
            messages = List.of(ChatMessage.user(line.get("prompt").asText()));
        } else if (line.has("prompt")) {
            throw new IllegalArgumentException(origin + ": \"prompt\" must be a string, got " + line.get("prompt").getNodeType());
        } else {
            throw new IllegalArgumentException(origin + ": needs \"messages\" or \"prompt\"");
        }
        for (Map.Entry<String, JsonNode> field : line.properties()) {
            switch (field.getKey()) {
                case "messages", "prompt" -> { }
                case "max_tokens", "max_completion_tokens" -> {
                    if (maxTokens.isPresent()) {
                        throw new IllegalArgumentException(origin + ": has both max_tokens and max_completion_tokens");
                    }
                    maxTokens = OptionalInt.of(positive(field.getValue(), field.getKey(), origin));
                    extra.put(field.getKey(), field.getValue());
                }
                default -> extra.put(field.getKey(), field.getValue());
            }
        }
        int tokens = 0;
        for (ChatMessage message : messages) {
            tokens += tokenizer.count(message.content());
        }
        return new DatasetEntry(messages, extra, tokens, maxTokens, OptionalInt.empty(), origin);
    }

    private static List<ChatMessage> messages(JsonNode node, String origin) {
        if (!node.isArray() || node.isEmpty()) {
            throw new IllegalArgumentException(origin + ": \"messages\" must be a non-empty array");
        }
        List<ChatMessage> messages = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            String where = origin + ": messages[" + i + "]";
            JsonNode message = node.get(i);
            if (!message.isObject()) {
                throw new IllegalArgumentException(where + " must be an object");
            }
            JsonNode role = message.get("role");
            if (role == null || !role.isTextual()) {
                throw new IllegalArgumentException(where + ".role must be a string");
            }
            JsonNode content = message.get("content");
            String text;
            JsonNode parts = null;
            if (content == null || content.isNull()) {
                if (!message.has("tool_calls")) {
                    throw new IllegalArgumentException(where + ".content is missing (only an assistant message with tool_calls may have none)");
                }
                text = "";
            } else if (content.isTextual()) {
                text = content.asText();
            } else if (content.isArray()) {
                // content parts are sent as written; their text parts are what is counted (an image is not)
                parts = content;
                text = textOfParts(content, where);
            } else {
                throw new IllegalArgumentException(where + ".content must be a string or a list of content parts, got "
                        + content.getNodeType());
            }
            Map<String, JsonNode> fields = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> f : message.properties()) {
                if (!f.getKey().equals("role") && !f.getKey().equals("content")) {
                    fields.put(f.getKey(), f.getValue());
                }
            }
            try {
                messages.add(new ChatMessage(role.asText(), text, fields, parts));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage());
            }
        }
        return messages;
    }

    private static String textOfParts(JsonNode parts, String where) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < parts.size(); i++) {
            JsonNode part = parts.get(i);
            if (!part.isObject()) {
                throw new IllegalArgumentException(where + ".content[" + i + "] must be an object");
            }
            if (part.path("text").isTextual()) {
                text.append(part.get("text").asText());
            }
        }
        return text.toString();
    }

    private static int positive(JsonNode value, String name, String origin) {
        if (!value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() < 1) {
            throw new IllegalArgumentException(origin + ": " + name + " must be a positive integer, got " + value);
        }
        return value.asInt();
    }
}
