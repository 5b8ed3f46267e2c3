package io.streambench.driver.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streambench.driver.Requests;
import io.streambench.driver.TestRequests;
import io.streambench.mock.record.Tag;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TagPlacementTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Tag TAG = new Tag("ab12cd.g.7.1", true, Map.of("seed", "42", "fault", "http:status=429"));

    @Test
    void shouldPutTheTagAtTheStartOfTheUserMessage() throws Exception {
        TagPlacement p = TagPlacement.of(Requests.ofPrompt("paced", "Say \"hi\" / bye", 10, true));
        JsonNode body = JSON.readTree(p.body(7, TAG));
        assertEquals(TAG.text() + " Say \"hi\" / bye", body.at("/messages/0/content").asText());
        assertEquals(10, body.get("max_tokens").asInt(), "the rest of the body unchanged");
    }

    @Test
    void shouldFindThePromptTextInEveryApisBodyShape(@TempDir Path dir) throws Exception {
        Path prompts = dir.resolve("p.jsonl");
        Files.writeString(prompts, String.join("\n",
                "{\"messages\":[{\"role\":\"system\",\"content\":\"s\"},{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"parts\"}]}]}",
                "{\"messages\":[{\"role\":\"user\",\"content\":\"first\"},{\"role\":\"assistant\",\"content\":\"a\"},{\"role\":\"user\",\"content\":\"last\"}]}",
                "{\"prompt\":\"a prompt\"}"));
        TagPlacement p = TagPlacement.of(TestRequests.jsonl(prompts, "m", 0, false));
        assertEquals(TAG.text() + " parts", JSON.readTree(p.body(0, TAG)).at("/messages/1/content/0/text").asText());
        JsonNode second = JSON.readTree(p.body(1, TAG));
        assertEquals(TAG.text() + " last", second.at("/messages/2/content").asText());
        assertEquals("first", second.at("/messages/0/content").asText());
        assertTrue(new String(p.body(2, TAG)).contains(TAG.text() + " a prompt"));
        assertEquals(TAG.text() + " a prompt", JSON.readTree(p.body(5, TAG)).at("/messages/0/content").asText(),
                "round robin, as the bodies");
    }

    @Test
    void shouldRefuseABodyWithoutPromptText(@TempDir Path dir) throws Exception {
        Path prompts = dir.resolve("p.jsonl");
        Files.writeString(prompts, "{\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"image_url\"}]}]}\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TagPlacement.of(TestRequests.jsonl(prompts, "m", 0, false)));
        assertTrue(e.getMessage().contains("request body 1 of dataset " + prompts), e.getMessage());
    }
}
