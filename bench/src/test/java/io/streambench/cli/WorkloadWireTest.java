package io.streambench.cli;

import static io.streambench.cli.Cli.execute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.streambench.cli.Cli.Outcome;
import io.streambench.driver.TokenEstimator;
import io.streambench.driver.workload.Tokenizer;
import io.streambench.driver.workload.Tokenizers;
import io.streambench.report.folder.RunFolder;
import io.streambench.report.folder.TurnRow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What the driver puts on the wire for each kind of workload, and how it counts what comes back. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class WorkloadWireTest {

    private static final Tokenizer O200K = Tokenizers.named("o200k_base");

    @TempDir
    Path dir;

    /** Answer {@code n}, in pieces as streamed: non-ASCII, quotes, a line break, an emoji. */
    private static List<String> answer(int n) {
        return List.of("Answer " + n + ": café ", "\"quoted\" ", "😀 and\nnew line", " end.");
    }

    private Outcome run(String... options) {
        List<String> args = new java.util.ArrayList<>(List.of("run", "--model", "m", "--client-warmup", "0",
                "--quiet", "--out", dir.resolve("out").toString()));
        args.addAll(List.of(options));
        return execute(args.toArray(String[]::new));
    }

    @Test
    void shouldCarryBothEarlierAnswersExactlyAsReceivedInTheThirdTurn() throws IOException {
        try (CaptureServer server = new CaptureServer(WorkloadWireTest::answer, O200K, true)) {
            Outcome o = run("--url", server.url(), "--input-tokens", "30", "--output-tokens", "20", "--turns", "3",
                    "--think-time-ms", "10", "--concurrency", "1", "--requests", "3");

            assertEquals(0, o.code(), o::toString);
            List<JsonNode> bodies = server.bodies();
            assertEquals(3, bodies.size());
            JsonNode third = bodies.get(2).get("messages");
            assertEquals(List.of("user", "assistant", "user", "assistant", "user"), roles(third));
            assertEquals(String.join("", answer(0)), third.get(1).get("content").asText(), "the first answer as received");
            assertEquals(String.join("", answer(1)), third.get(3).get("content").asText(), "the second answer as received");
            assertEquals(bodies.get(0).get("messages").get(0), third.get(0), "the first prompt");
            assertEquals(bodies.get(1).get("messages").get(2), third.get(2), "the second prompt");

            Path run = RunFolders.only(dir.resolve("out"));
            List<Map<String, String>> rows = RunFolders.requests(run);
            assertEquals(List.of("1", "2", "3"), rows.stream().map(r -> r.get("turn")).toList());
            assertEquals(Set.of("0"), rows.stream().map(r -> r.get("session")).collect(Collectors.toSet()));
            for (Map<String, String> row : rows) {
                assertEquals(row.get("usage_input_tokens"), row.get("input_tokens"), () -> "history counted: " + row);
            }
            Set<String> turns = new TreeSet<>();
            for (TurnRow row : RunFolder.open(run).turns()) {
                if (row.summary().metric().equals("ttft")) {
                    turns.add(row.turn());
                }
            }
            assertEquals(Set.of("1", "2", "3"), turns, "ttft per turn in turns.csv");
        }
    }

    @Test
    void shouldCountOutputTokensWithTheTokenizerWhenNoUsageCame() throws IOException {
        String text = String.join("", answer(0));
        int exact = O200K.count(text);
        assertNotEquals(TokenEstimator.count(text), exact, "a text the estimate gets wrong");
        try (CaptureServer server = new CaptureServer(n -> answer(0), O200K, false)) {
            Outcome o = run("--url", server.url(), "--concurrency", "1", "--requests", "4");

            assertEquals(0, o.code(), o::toString);
            Path run = RunFolders.only(dir.resolve("out"));
            for (Map<String, String> row : RunFolders.requests(run)) {
                assertEquals("tokenizer:o200k_base", row.get("token_source"), row::toString);
                assertEquals(Integer.toString(exact), row.get("output_tokens"), row::toString);
                assertEquals("", row.get("usage_input_tokens"), row::toString);
            }
            JsonNode stage = new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.resolve("run.json").toFile())
                    .at("/results/stages/0");
            assertEquals(4L * exact, stage.get("output_tokens").asLong(), () -> "tokens as they arrived, corrected to "
                    + "the count: " + stage);
        }
    }

    @Test
    void shouldAskAUrlForTheDrawnLengthExactlyWithIgnoreEosAndNoMockHeader() throws IOException {
        try (CaptureServer server = new CaptureServer(WorkloadWireTest::answer, O200K, true)) {
            Outcome o = run("--url", server.url(), "--output-tokens", "uniform:40:60", "--ignore-eos", "--concurrency",
                    "1", "--requests", "5");

            assertEquals(0, o.code(), o::toString);
            List<Map<String, String>> rows = RunFolders.requests(RunFolders.only(dir.resolve("out")));
            for (int i = 0; i < 5; i++) {
                JsonNode body = server.bodies().get(i);
                int asked = body.get("max_tokens").asInt();
                assertTrue(asked >= 40 && asked <= 60, body::toString);
                assertTrue(body.get("ignore_eos").asBoolean(), body::toString);
                assertEquals(asked, body.get("min_tokens").asInt(), body::toString);
                assertEquals(Integer.toString(asked), rows.get(i).get("output_tokens_requested"));
            }
            assertEquals(Set.of(""), Set.copyOf(server.outputHeaders()), "x-mock-output-tokens is the embedded mock's");
        }
    }

    @Test
    void shouldSendAShareGptDatasetsFirstHumanTurnsWithTheirAnswersLengthWithinTheFilter() throws IOException {
        Path sharegpt = Files.writeString(dir.resolve("sharegpt.json"), """
                [{"conversations": [{"from": "human", "value": "Short question?"}, {"from": "gpt", "value": "Yes."}]},
                 {"conversations": [{"from": "human", "value": "A longer question about the weather today?"},
                                    {"from": "gpt", "value": "It is sunny and warm, with a light breeze from the sea."}]},
                 {"conversations": [{"from": "gpt", "value": "no human turn"}]}]
                """);
        try (CaptureServer server = new CaptureServer(WorkloadWireTest::answer, O200K, true)) {
            Outcome o = run("--url", server.url(), "--dataset", sharegpt.toString(), "--min-input-tokens", "5",
                    "--concurrency", "1", "--requests", "2");

            assertEquals(0, o.code(), o::toString);
            for (JsonNode body : server.bodies()) {
                assertEquals("A longer question about the weather today?",
                        body.get("messages").get(0).get("content").asText(), "the short one is filtered out");
                assertEquals(O200K.count("It is sunny and warm, with a light breeze from the sea."),
                        body.get("max_tokens").asInt(), "the recorded answer's length");
            }
        }
    }

    private static List<String> roles(JsonNode messages) {
        List<String> roles = new java.util.ArrayList<>();
        messages.forEach(m -> roles.add(m.get("role").asText()));
        return roles;
    }

    @Test
    void shouldTellTheEmbeddedMockEachRequestsAnswerLength() throws IOException {
        Outcome o = execute("run", "--mock-profile", "paced", "--ttft-ms", "0", "--itl-ms", "0", "--output-tokens",
                "uniform:5:15", "--concurrency", "2", "--requests", "20", "--client-warmup", "0", "--quiet", "--out",
                dir.resolve("out").toString());

        assertEquals(0, o.code(), o::toString);
        for (Map<String, String> row : RunFolders.requests(RunFolders.only(dir.resolve("out")))) {
            assertEquals(row.get("output_tokens_requested"), row.get("output_tokens"), row::toString);
            assertEquals("stop", row.get("finish_reason"), "an answer of that length, not one cut at max_tokens");
        }
        assertFalse(Files.readString(RunFolders.only(dir.resolve("out")).resolve("run.json")).contains(
                "x-mock-output-tokens"), "no run-wide header: each request carries its own length");
    }
}
