package io.streambench.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streambench.driver.workload.ChatMessage;
import io.streambench.driver.workload.PlannedRequest;
import io.streambench.driver.workload.TokenPlan;
import io.streambench.driver.workload.Tokenizers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChatEncoderTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Requests jsonl(Path dir, int maxTokens, String... lines) throws IOException {
        Path file = dir.resolve("prompts.jsonl");
        Files.writeString(file, String.join("\n", lines) + "\n");
        return TestRequests.jsonl(file, "m", maxTokens, true);
    }

    private static JsonNode body(Requests requests, int n) throws IOException {
        return JSON.readTree(requests.prepare(n).body());
    }

    @Test
    void shouldSendEveryKeyOfAPromptLineWithThePromptAsTheUserMessage(@TempDir Path dir) throws IOException {
        Requests requests = jsonl(dir, 50,
                "{\"prompt\": \"Hi\", \"max_tokens\": 7, \"temperature\": 0.2, \"stop\": [\"\\n\"], \"seed\": 3}",
                "{\"prompt\": \"Yo\", \"max_completion_tokens\": 9}",
                "{\"prompt\": \"Hey\", \"model\": \"other\", \"stream\": true}");
        JsonNode first = body(requests, 0);
        JsonNode second = body(requests, 1);
        JsonNode third = body(requests, 2);

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
        assertEquals(1, third.findValues("stream").size(), "one stream key");
        assertTrue(third.get("stream_options").get("include_usage").asBoolean());
        assertEquals(3, requests.encodedAtStart(), "a small file's bodies are encoded once");
    }

    @Test
    void shouldSendContentPartsAsWrittenAndCountTheirText(@TempDir Path dir) throws IOException {
        Requests requests = jsonl(dir, 0, "{\"messages\": [{\"role\": \"user\", \"content\": [{\"type\": \"text\", "
                + "\"text\": \"What is in this image?\"}, {\"type\": \"image_url\", \"image_url\": {\"url\": \"data:x\"}}]}]}");

        JsonNode body = body(requests, 0);

        assertEquals("[{\"type\":\"text\",\"text\":\"What is in this image?\"},{\"type\":\"image_url\","
                + "\"image_url\":{\"url\":\"data:x\"}}]", body.at("/messages/0/content").toString());
        assertEquals(Tokenizers.named(Tokenizers.DEFAULT).count("What is in this image?"),
                requests.prepare(0).plan().tokens().promptTokens(), "the text parts are counted");
    }

    @Test
    void shouldAskForExactlyThePlannedLengthWithIgnoreEos() throws IOException {
        PlannedRequest plan = new PlannedRequest(4, List.of(ChatMessage.system("Be brief."), ChatMessage.user("Hi")),
                new TokenPlan(3, 0, 1, 200, true), OptionalLong.empty(), PlannedRequest.Grouping.prefix(2), Map.of());

        JsonNode body = JSON.readTree(new ChatEncoder("m", false, 999).encode(plan));

        assertEquals("[{\"role\":\"system\",\"content\":\"Be brief.\"},{\"role\":\"user\",\"content\":\"Hi\"}]",
                body.get("messages").toString());
        assertEquals(200, body.get("max_tokens").asInt(), "the planned length wins over --max-tokens");
        assertTrue(body.get("ignore_eos").asBoolean());
        assertEquals(200, body.get("min_tokens").asInt());
        assertFalse(body.has("stream_options"), "no usage asked");
    }

    @Test
    void shouldKeepAMessagesOwnFieldsAfterItsRoleAndContent() throws IOException {
        PlannedRequest plan = new PlannedRequest(0, List.of(new ChatMessage("tool", "sunny",
                Map.of("tool_call_id", JSON.readTree("\"call_1\"")))), new TokenPlan(0, 0, 1, 0, false),
                OptionalLong.empty(), PlannedRequest.Grouping.NONE, Map.of());

        String body = new String(new ChatEncoder("m", true, 0).encode(plan), java.nio.charset.StandardCharsets.UTF_8);

        assertTrue(body.contains("{\"role\":\"tool\",\"content\":\"sunny\",\"tool_call_id\":\"call_1\"}"), body);
        assertFalse(body.contains("max_tokens"), body);
    }
}
