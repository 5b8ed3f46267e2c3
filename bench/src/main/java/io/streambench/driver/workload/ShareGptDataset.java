package io.streambench.driver.workload;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * Reads a ShareGPT-style JSON file: an array of {@code {"conversations": [{"from": "human", "value": ...},
 * {"from": "gpt", "value": ...}, ...]}}. As vLLM's {@code bench serve} does, each conversation gives one
 * request: its first human turn (after any leading system turns, which are kept as system messages), and
 * as answer length the token count of the first gpt turn that follows it. Conversations without such a
 * pair are left out and counted by reason.
 *
 * <pre>{@code
 * Dataset sharegpt = ShareGptDataset.read(Path.of("ShareGPT_V3_unfiltered_cleaned_split.json"), tokenizer);
 * }</pre>
 *
 * <p>The file is read as a stream, one conversation at a time, so a file of hundreds of megabytes needs
 * memory for the requests kept, not for the whole tree. Malformed input fails with the file, the
 * conversation's index and its line.
 */
public final class ShareGptDataset {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ShareGptDataset() {
    }

    /**
     * @throws IllegalArgumentException for malformed input, naming the file, conversation and line
     * @throws UncheckedIOException     when the file cannot be read
     */
    public static Dataset read(Path file, Tokenizer tokenizer) {
        List<DatasetEntry> entries = new ArrayList<>();
        Map<String, Integer> skipped = new TreeMap<>();
        try (JsonParser parser = JSON.createParser(file.toFile())) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new IllegalArgumentException(file + ": expected a JSON array of conversations");
            }
            int index = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                String origin = file + "[" + index + "] (line " + parser.currentLocation().getLineNr() + ")";
                JsonNode conversation = parser.readValueAsTree();
                String skip = add(conversation, origin, tokenizer, entries);
                if (skip != null) {
                    skipped.merge(skip, 1, Integer::sum);
                }
                index++;
            }
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + ": not valid JSON at line " + e.getLocation().getLineNr()
                    + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read dataset " + file + ": " + e.getMessage(), e);
        }
        return new Dataset(file.toString(), entries, skipped);
    }

    /** Adds the conversation's request to {@code entries}, or says why it has none. */
    private static String add(JsonNode conversation, String origin, Tokenizer tokenizer, List<DatasetEntry> entries) {
        if (conversation == null || !conversation.isObject()) {
            throw new IllegalArgumentException(origin + ": expected an object with \"conversations\"");
        }
        JsonNode turns = conversation.get("conversations");
        if (turns == null || !turns.isArray()) {
            throw new IllegalArgumentException(origin + ": \"conversations\" must be an array");
        }
        List<ChatMessage> messages = new ArrayList<>();
        int i = 0;
        for (; i < turns.size() && speaker(turns.get(i), origin, i).equals("system"); i++) {
            messages.add(ChatMessage.system(value(turns.get(i), origin, i)));
        }
        if (i == turns.size() || !speaker(turns.get(i), origin, i).equals("user")) {
            return "no human turn first";
        }
        messages.add(ChatMessage.user(value(turns.get(i), origin, i)));
        for (int j = i + 1; j < turns.size(); j++) {
            if (speaker(turns.get(j), origin, j).equals("assistant")) {
                int answer = tokenizer.count(value(turns.get(j), origin, j));
                if (answer == 0) {
                    return "empty gpt answer";
                }
                int prompt = 0;
                for (ChatMessage message : messages) {
                    prompt += tokenizer.count(message.content());
                }
                entries.add(new DatasetEntry(messages, Map.of(), prompt, OptionalInt.empty(), OptionalInt.of(answer), origin));
                return null;
            }
        }
        return "no gpt answer";
    }

    /** {@code system}, {@code user}, {@code assistant}, or the speaker as written when it is none of them. */
    private static String speaker(JsonNode turn, String origin, int index) {
        JsonNode from = turn.isObject() ? turn.get("from") : null;
        if (from == null || !from.isTextual()) {
            throw new IllegalArgumentException(origin + ": conversations[" + index + "] needs a string \"from\"");
        }
        return switch (from.asText()) {
            case "system" -> "system";
            case "human", "user" -> "user";
            case "gpt", "assistant", "chatgpt", "bard", "bing", "model" -> "assistant";
            default -> from.asText();
        };
    }

    private static String value(JsonNode turn, String origin, int index) {
        JsonNode value = turn.get("value");
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException(origin + ": conversations[" + index + "] needs a string \"value\"");
        }
        return value.asText();
    }
}
