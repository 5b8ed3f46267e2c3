package io.streambench.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RequestBodiesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static RequestBodies jsonl(Path dir, int maxTokens, String... lines) throws IOException {
        Path file = dir.resolve("prompts.jsonl");
        Files.writeString(file, String.join("\n", lines) + "\n");
        return RequestBodies.fromJsonl(file, "m", maxTokens, true);
    }

    private static JsonNode body(RequestBodies bodies, int n) throws IOException {
        return JSON.readTree(bodies.body(n));
    }

    @Test
    void shouldSendEveryKeyOfAPromptLineWithThePromptAsTheUserMessage(@TempDir Path dir) throws IOException {
        RequestBodies bodies = jsonl(dir, 50,
                "{\"prompt\": \"Hi\", \"max_tokens\": 7, \"temperature\": 0.2, \"stop\": [\"\\n\"], \"seed\": 3}",
                "{\"prompt\": \"Yo\", \"max_completion_tokens\": 9}",
                "{\"prompt\": \"Hey\", \"model\": \"other\"}");
        JsonNode first = body(bodies, 0);
        JsonNode second = body(bodies, 1);
        JsonNode third = body(bodies, 2);

        assertEquals("[{\"role\":\"user\",\"content\":\"Hi\"}]", first.get("messages").toString());
        assertFalse(first.has("prompt"), first.toString());
        assertEquals(7, first.get("max_tokens").asInt(), "the line's max_tokens wins over --max-tokens");
        assertEquals(0.2, first.get("temperature").asDouble());
        assertEquals("[\"\\n\"]", first.get("stop").toString());
        assertEquals(3, first.get("seed").asInt());
        assertTrue(first.get("stream").asBoolean());
        assertEquals(9, second.get("max_completion_tokens").asInt());
        assertFalse(second.has("max_tokens"), "--max-tokens is not added beside max_completion_tokens");
        assertEquals(50, third.get("max_tokens").asInt(), "--max-tokens fills in where the line has none");
        assertEquals("other", third.get("model").asText());
        assertEquals("m", first.get("model").asText());
    }

    @Test
    void shouldRefuseALineThatWouldBeSentOtherwiseThanWritten(@TempDir Path dir) {
        IllegalArgumentException both = assertThrows(IllegalArgumentException.class,
                () -> jsonl(dir, 0, "{\"prompt\": \"Hi\", \"messages\": [{\"role\": \"user\", \"content\": \"Yo\"}]}"));
        IllegalArgumentException notStreaming = assertThrows(IllegalArgumentException.class,
                () -> jsonl(dir, 0, "{\"prompt\": \"Hi\"}", "{\"prompt\": \"Hi\", \"stream\": false}"));
        IllegalArgumentException notText = assertThrows(IllegalArgumentException.class,
                () -> jsonl(dir, 0, "{\"prompt\": [\"Hi\"]}"));

        assertTrue(both.getMessage().contains("prompts.jsonl:1: has both \"messages\" and \"prompt\""), both::getMessage);
        assertTrue(notStreaming.getMessage().contains("prompts.jsonl:2: \"stream\": false"), notStreaming::getMessage);
        assertTrue(notText.getMessage().contains("\"prompt\" must be a string"), notText::getMessage);
    }
}
