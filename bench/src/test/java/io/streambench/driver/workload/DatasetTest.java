package io.streambench.driver.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streambench.mock.profile.Distribution;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DatasetTest {

    private static final Tokenizer TOKENIZER = Tokenizers.named("o200k_base");

    @TempDir
    Path dir;

    private Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    @Test
    void shouldPassEveryKeyOfAPromptLineIntoTheBody() throws IOException {
        Path file = file("p.jsonl", "{\"prompt\": \"Say hello\", \"temperature\": 0.2, \"max_tokens\": 17, \"seed\": 4}\n");
        DatasetEntry entry = JsonlDataset.read(file, TOKENIZER).entries().get(0);
        assertEquals(List.of(ChatMessage.user("Say hello")), entry.messages());
        assertEquals(Map.of("temperature", 0.2, "seed", 4),
                Map.of("temperature", entry.extraBody().get("temperature").asDouble(), "seed", entry.extraBody().get("seed").asInt()));
        assertEquals(17, entry.extraBody().get("max_tokens").asInt(),
                "max_tokens is the answer length and stays in the body under the line's own name");
        assertEquals(OptionalInt.of(17), entry.maxTokens());
        assertEquals(TOKENIZER.count("Say hello"), entry.promptTokens());
    }

    @Test
    void shouldKeepAChatRequestsMessagesToolsAndFields() throws IOException {
        Path file = file("c.jsonl", "\n"
                + "{\"messages\": [{\"role\": \"system\", \"content\": \"Be brief.\"}, {\"role\": \"user\", \"content\": \"Weather?\"},"
                + " {\"role\": \"assistant\", \"content\": null, \"tool_calls\": [{\"id\": \"call_1\"}]},"
                + " {\"role\": \"tool\", \"content\": \"sunny\", \"tool_call_id\": \"call_1\"}],"
                + " \"tools\": [{\"type\": \"function\"}], \"model\": \"m\"}\n");
        Dataset dataset = JsonlDataset.read(file, TOKENIZER);
        DatasetEntry entry = dataset.entries().get(0);
        assertEquals(4, entry.messages().size());
        assertEquals("", entry.messages().get(2).content());
        assertEquals("call_1", entry.messages().get(2).fields().get("tool_calls").get(0).get("id").asText());
        assertEquals("call_1", entry.messages().get(3).fields().get("tool_call_id").asText());
        assertTrue(entry.extraBody().containsKey("tools") && entry.extraBody().containsKey("model"));
        assertEquals(TOKENIZER.count("Be brief.") + TOKENIZER.count("Weather?") + TOKENIZER.count("sunny"), entry.promptTokens());
        assertEquals(file + ":2", entry.origin(), "blank lines still count as lines");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"prompt\": \"a\"}\\n{not json}| p.jsonl:2: not JSON",
        "[1, 2]| p.jsonl:1: expected a JSON object, got ARRAY",
        "{\"text\": \"a\"}| p.jsonl:1: needs \"messages\" or \"prompt\"",
        "{\"prompt\": 3}| p.jsonl:1: \"prompt\" must be a string, got NUMBER",
        "{\"prompt\": \"a\", \"max_tokens\": -1}| p.jsonl:1: max_tokens must be a positive integer, got -1",
        "{\"messages\": []}| p.jsonl:1: \"messages\" must be a non-empty array",
        "{\"messages\": [{\"role\": \"user\", \"content\": 3}]}| p.jsonl:1: messages[0].content must be a string or a list of content parts",
        "{\"messages\": [{\"role\": \"user\", \"content\": [\"x\"]}]}| p.jsonl:1: messages[0].content[0] must be an object",
        "{\"messages\": [{\"role\": \"robot\", \"content\": \"x\"}]}| p.jsonl:1: messages[0]: role must be one of",
        "{\"messages\": [{\"content\": \"x\"}]}| p.jsonl:1: messages[0].role must be a string",
        "{\"prompt\": \"a\", \"messages\": [{\"role\": \"user\", \"content\": \"x\"}]}| p.jsonl:1: has both \"messages\" and \"prompt\"",
        "{\"prompt\": \"a\"}\\n{\"prompt\": \"b\", \"stream\": false}| p.jsonl:2: \"stream\": false: every request streams",
    })
    void shouldNameFileLineAndReasonForAMalformedLine(String content, String message) throws IOException {
        Path file = file("p.jsonl", content.replace("\\n", "\n"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JsonlDataset.read(file, TOKENIZER));
        assertTrue(e.getMessage().startsWith(dir.resolve(message.substring(0, message.indexOf(':'))) + message.substring(message.indexOf(':'))),
                e.getMessage());
    }

    @Test
    void shouldSayWhenTheFileIsMissingOrEmpty() throws IOException {
        assertThrows(UncheckedIOException.class, () -> JsonlDataset.read(dir.resolve("none.jsonl"), TOKENIZER));
        Path empty = file("e.jsonl", "\n\n");
        assertEquals(empty + ": no requests", assertThrows(IllegalArgumentException.class, () -> JsonlDataset.read(empty, TOKENIZER)).getMessage());
    }

    private Path sharegpt() throws IOException {
        return file("sharegpt.json", """
                [
                  {"id": "a", "conversations": [{"from": "human", "value": "What is a cat?"},
                                                {"from": "gpt", "value": "A small furry animal that purrs."},
                                                {"from": "human", "value": "And a dog?"}]},
                  {"id": "b", "conversations": [{"from": "gpt", "value": "I start."}, {"from": "human", "value": "x"}]},
                  {"id": "c", "conversations": [{"from": "human", "value": "Unanswered"}]},
                  {"id": "d", "conversations": [{"from": "system", "value": "You are terse."},
                                                {"from": "human", "value": "Explain entropy in one long paragraph, please."},
                                                {"from": "bing", "value": "Entropy measures disorder."}]}
                ]
                """);
    }

    @Test
    void shouldTakeTheFirstHumanTurnAndTheFirstGptAnswersLength() throws IOException {
        Dataset dataset = ShareGptDataset.read(sharegpt(), TOKENIZER);
        assertEquals(2, dataset.entries().size());
        assertEquals(Map.of("no gpt answer", 1, "no human turn first", 1), dataset.skipped());
        DatasetEntry cat = dataset.entries().get(0);
        assertEquals(List.of(ChatMessage.user("What is a cat?")), cat.messages());
        assertEquals(OptionalInt.of(TOKENIZER.count("A small furry animal that purrs.")), cat.answerTokens());
        assertEquals(TOKENIZER.count("What is a cat?"), cat.promptTokens());
        DatasetEntry entropy = dataset.entries().get(1);
        assertEquals(List.of(ChatMessage.system("You are terse."), ChatMessage.user("Explain entropy in one long paragraph, please.")),
                entropy.messages());
        assertEquals(OptionalInt.of(TOKENIZER.count("Entropy measures disorder.")), entropy.outputTokens());
        assertTrue(entropy.origin().endsWith("sharegpt.json[3] (line 7)"), entropy.origin());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"conversations\": []}| expected a JSON array of conversations",
        "[{\"conversations\": {}}]| sharegpt.json[0] (line 1): \"conversations\" must be an array",
        "[3]| sharegpt.json[0] (line 1): expected an object with \"conversations\"",
        "[{\"conversations\": [{\"from\": \"human\"}]}]| sharegpt.json[0] (line 1): conversations[0] needs a string \"value\"",
        "[{\"conversations\": [{\"value\": \"x\"}]}]| sharegpt.json[0] (line 1): conversations[0] needs a string \"from\"",
        "[{\"conversations\": [}]| not valid JSON at line 1",
    })
    void shouldNameTheConversationOfMalformedShareGpt(String content, String message) throws IOException {
        Path file = file("sharegpt.json", content);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ShareGptDataset.read(file, TOKENIZER));
        assertTrue(e.getMessage().contains(message), e.getMessage());
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
    }

    @Test
    void shouldFilterOnPromptAndAnswerLengths() throws IOException {
        Dataset dataset = ShareGptDataset.read(sharegpt(), TOKENIZER);
        int catPrompt = dataset.entries().get(0).promptTokens();
        int catAnswer = dataset.entries().get(0).answerTokens().getAsInt();
        DatasetSource onlyCat = new DatasetSource(dataset, new LengthFilter(0, catPrompt, 0, Integer.MAX_VALUE),
                DatasetSource.Order.FILE, null, false, 1);
        assertEquals(1, onlyCat.entries().size());
        assertEquals(Map.of("prompt too long", 1), onlyCat.filteredOut());
        DatasetSource byAnswer = new DatasetSource(dataset, new LengthFilter(0, Integer.MAX_VALUE, 1, catAnswer - 1),
                DatasetSource.Order.FILE, null, false, 1);
        assertEquals(Map.of("output too long", 1), byAnswer.filteredOut());
        assertEquals("You are terse.", byAnswer.plan(0).messages().get(0).content());
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> new DatasetSource(dataset,
                new LengthFilter(5000, 6000, 0, Integer.MAX_VALUE), DatasetSource.Order.FILE, null, false, 1));
        assertTrue(none.getMessage().contains("no entry passes the filter (prompt 5000..6000 tokens): 2 read"), none.getMessage());
    }

    @Test
    void shouldRefuseAnAnswerLengthFilterOnEntriesWithoutOne() throws IOException {
        Dataset dataset = JsonlDataset.read(file("p.jsonl", "{\"prompt\": \"a\", \"max_tokens\": 5}\n{\"prompt\": \"b\"}\n"), TOKENIZER);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new DatasetSource(dataset,
                new LengthFilter(0, Integer.MAX_VALUE, 1, 100), DatasetSource.Order.FILE, null, false, 1));
        assertTrue(e.getMessage().startsWith(dir.resolve("p.jsonl") + ":2: has no answer length"), e.getMessage());
    }

    @Test
    void shouldTakeAnswerLengthsFromTheLineThenTheRunThenTheDataset() throws IOException {
        Dataset lines = JsonlDataset.read(file("p.jsonl", "{\"prompt\": \"a\", \"max_tokens\": 5}\n{\"prompt\": \"b\"}\n"), TOKENIZER);
        DatasetSource withRun = new DatasetSource(lines, LengthFilter.NONE, DatasetSource.Order.FILE, Distribution.parse("50"), true, 1);
        assertEquals(5, withRun.plan(0).tokens().outputTokens());
        assertEquals(50, withRun.plan(1).tokens().outputTokens());
        DatasetSource withoutRun = new DatasetSource(lines, LengthFilter.NONE, DatasetSource.Order.FILE, null, false, 1);
        assertEquals(0, withoutRun.plan(1).tokens().outputTokens());
        Dataset sharegpt = ShareGptDataset.read(sharegpt(), TOKENIZER);
        DatasetSource recorded = new DatasetSource(sharegpt, LengthFilter.NONE, DatasetSource.Order.FILE, null, true, 1);
        assertEquals(sharegpt.entries().get(0).answerTokens().getAsInt(), recorded.plan(0).tokens().outputTokens());
        assertThrows(IllegalArgumentException.class,
                () -> new DatasetSource(lines, LengthFilter.NONE, DatasetSource.Order.FILE, null, true, 1),
                "ignore-eos needs an answer length for the second line");
    }

    @Test
    void shouldCycleInFileOrderOrAShuffleFixedByTheSeed() throws IOException {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            lines.append("{\"prompt\": \"p").append(i).append("\"}\n");
        }
        Dataset dataset = JsonlDataset.read(file("p.jsonl", lines.toString()), TOKENIZER);
        DatasetSource inOrder = new DatasetSource(dataset, LengthFilter.NONE, DatasetSource.Order.FILE, null, false, 1);
        assertEquals("p3", inOrder.plan(3).messages().get(0).content());
        assertEquals("p3", inOrder.plan(53).messages().get(0).content(), "round robin");
        List<String> shuffled = prompts(new DatasetSource(dataset, LengthFilter.NONE, DatasetSource.Order.SHUFFLE, null, false, 7));
        assertEquals(shuffled, prompts(new DatasetSource(dataset, LengthFilter.NONE, DatasetSource.Order.SHUFFLE, null, false, 7)));
        assertNotEquals(shuffled, prompts(new DatasetSource(dataset, LengthFilter.NONE, DatasetSource.Order.SHUFFLE, null, false, 8)));
        assertNotEquals(prompts(inOrder), shuffled);
        assertEquals(50, new HashSet<>(shuffled).size(), "a permutation: every entry once per cycle");
    }

    private static List<String> prompts(DatasetSource source) {
        List<String> out = new ArrayList<>();
        for (long i = 0; i < 50; i++) {
            out.add(source.plan(i).messages().get(0).content());
        }
        return out;
    }
}
