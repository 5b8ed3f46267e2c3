package io.streambench.report.folder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.streambench.mock.stats.StatsSnapshot;
import io.streambench.report.folder.RunJsonConfig.Config;
import io.streambench.report.folder.RunJsonResults.Results;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** run.json is written and read through the same records, in the shape reports/README.md documents. */
class RunJsonTest {

    static RunJson.Run fullRun() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("x-mock-output-tokens", "10");
        Config config = new Config(new RunJsonConfig.Target("http://127.0.0.1:1/v1/chat/completions", headers, "none",
                1, "prompt (3 tokens)", true, "o200k_base", false, "chat"), List.of(new RunJsonConfig.StageConfig("closed", 4, null, null, null),
                new RunJsonConfig.StageConfig("open", null, 5.0, "poisson", 1024)),
                new RunJsonConfig.Bounds(null, 8, 0.5, 0.25), new RunJsonConfig.Timeouts(1, 2, 3, 4),
                new RunJsonConfig.Retry(2, 500, 8000), new RunJsonConfig.Client("netty", "bytes-scan", "hybrid", null, 0), 7, 2,
                3);
        RunJsonResults.PhaseCounts counts = new RunJsonResults.PhaseCounts(1, 2, 3, 4, 5);
        RunJsonResults.Stage stage = new RunJsonResults.Stage(0, "concurrency=4", 4.5,
                new RunJsonResults.Totals(8L, 7L, 1L, 9L, 2L, 1L, 800L, 800L, 24000L),
                new RunJsonResults.Phases(0.5, 3.0, 1.0, null, 266.667, counts, counts, counts),
                Map.of("http_status", 2L), Map.of("http_status", new RunJsonResults.TopMessages(
                        List.of(new RunJsonResults.MessageCount("HTTP 500 \"no\"", 2)), 0)));
        StatsSnapshot stats = new StatsSnapshot(1, 0, 8, 8, 0, 0, 800, 24000, 0, 0, 8, Map.of(200, 8L),
                Map.of(), new StatsSnapshot.Lateness(800, 1.5, 1.0, 2.0, 3.0, 4.0, 5.0));
        return new RunJson.Run("run", "failed", new RunJson.EarlyStop(2, "http_status", 500, "HTTP 500 \"no\""),
                "2026-11-24T10:00:00Z", "2026-11-24T10:00:05Z", 5.0, config,
                new RunJson.Environment("17", "vendor", "vm", List.of("-Xmx1g"), "Linux", "amd64", 2, 1024, "epoll",
                        null),
                new Results(List.of(stage), 30.5, 4.0),
                new RunJson.Driver("d0", 3, "2026-11-24T10:00:00Z", new RunJson.ClientWarmup(2000, 2000, 0, 1.2,
                        "a mock"), new RunJson.MockServer("paced", null, "epoll", true, 8L, stats),
                        new RunJson.Tls(false, "embedded mock")));
    }

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            keys.add(it.next());
        }
        return keys;
    }

    @Test
    void shouldReadBackTheRecordsItWrote(@TempDir Path dir) {
        Path file = dir.resolve("run.json");
        RunJson.Run run = fullRun();

        RunJson.write(file, run);

        assertEquals(run, RunJson.read(file));
    }

    @Test
    void shouldWriteTheDocumentedKeysInTheirOrder(@TempDir Path dir) throws IOException {
        JsonNode tree = RunJson.MAPPER.readTree(write(dir, fullRun()).toFile());

        assertEquals(List.of("name", "status", "early_stop", "start", "end", "duration_s", "config", "environment",
                "results", "driver_id", "driver_index", "start_at", "client_warmup", "mock_server", "tls"), keys(tree));
        assertEquals(List.of("target", "stages", "bounds", "timeouts", "retry", "client", "seed", "io_threads",
                "fail_fast"), keys(tree.get("config")));
        assertEquals(List.of("type", "concurrency"), keys(tree.at("/config/stages/0")));
        assertEquals(List.of("type", "rate_per_s", "arrival", "max_in_flight"), keys(tree.at("/config/stages/1")));
        assertEquals(List.of("index", "workload", "seconds", "requests", "succeeded", "failed", "attempts",
                "failed_attempts", "retries", "output_tokens", "chunks", "bytes", "warmup_s", "window_s", "drain_s",
                "requests_per_s", "tokens_per_s", "warmup", "window", "drain", "errors_by_class", "error_messages"),
                keys(tree.at("/results/stages/0")));
        assertTrue(tree.at("/results/stages/0/requests_per_s").isNull(), "an empty window's rate is null, not left out");
        assertEquals(List.of("requests", "succeeded", "output_tokens", "chunks", "bytes"),
                keys(tree.at("/results/stages/0/window")));
        assertEquals(List.of("stages", "max_heap_used_mb", "max_heap_after_gc_mb"), keys(tree.get("results")));
        assertEquals(List.of("profile", "profiles_file", "transport", "tls", "tls_handshakes", "stats"),
                keys(tree.get("mock_server")));
        assertTrue(tree.at("/mock_server/stats/pace_lateness_us/p99").isNumber(), tree.get("mock_server")::toString);
    }

    @Test
    void shouldLeaveOutWhatDoesNotApplyAndWriteNullWhereTheReadmeSaysNull(@TempDir Path dir) throws IOException {
        RunJson.Run full = fullRun();
        RunJson.Run plain = new RunJson.Run(full.name(), "completed", null, full.start(), full.end(), full.durationS(),
                full.config(), full.environment(), full.results(), new RunJson.Driver("d0", null, null, null, null, null));

        JsonNode tree = RunJson.MAPPER.readTree(write(dir, plain).toFile());

        for (String nullKey : List.of("early_stop", "driver_index", "start_at", "client_warmup")) {
            assertTrue(tree.has(nullKey) && tree.get(nullKey).isNull(), nullKey);
        }
        assertFalse(tree.has("mock_server"), "no embedded mock");
        assertFalse(tree.has("tls"), "not https");
        assertTrue(tree.at("/config/bounds").has("duration_s") && tree.at("/config/bounds/duration_s").isNull());
    }

    @Test
    void shouldReadARunJsonOfAnEarlierVersionAndWriteItBackWithoutInventingKeys(@TempDir Path dir) throws IOException {
        Path baseline = Path.of("..", "reports", "baselines", "run", "run.json");
        JsonNode original = RunJson.MAPPER.readTree(baseline.toFile());

        RunJson.Document read = RunJson.read(baseline);

        RunJson.Run run = assertInstanceOf(RunJson.Run.class, read);
        assertNull(run.config().failFast(), "written before --fail-fast existed");
        assertFalse(original.has("early_stop"));
        // as text: an int read back from a long is another node type with the same JSON
        assertEquals(original.get("config").toString(), RunJson.tree(run).get("config").toString(), "the config");
        assertEquals(original.get("results").toString(), RunJson.tree(run).get("results").toString(), "the results");
    }

    @Test
    void shouldNameTheFileLineAndKeyOfAValueOfTheWrongType(@TempDir Path dir) throws IOException {
        Path file = write(dir, fullRun());
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        int at = lines.indexOf(lines.stream().filter(l -> l.contains("\"failed_attempts\"")).findFirst().orElseThrow());
        lines.set(at, lines.get(at).replaceFirst(": 2", ": \"two\""));
        Files.write(file, lines);

        String message = assertThrows(IllegalArgumentException.class, () -> RunJson.read(file)).getMessage();

        assertTrue(message.startsWith(file + " line " + (at + 1) + ": results.stages[0].failed_attempts: "), message);
        assertEquals(1, message.lines().count(), message);
    }

    @Test
    void shouldReadAMergedRun(@TempDir Path dir) {
        RunJson.Run source = fullRun();
        RunJson.Merged merged = new RunJson.Merged("run", "completed", source.start(), source.end(), 5.0,
                List.of("d0"), false, List.of(new RunJson.Source("/x", "run", "d0", 3, null, source.start(),
                        source.end(), "completed", List.of(new RunJson.Measured(0, source.start(), source.end())),
                        source.environment(), source.results())), source.config(), source.results());

        assertEquals(merged, RunJson.read(write(dir, merged)));
    }

    private static Path write(Path dir, RunJson.Document document) {
        Path file = dir.resolve("run.json");
        RunJson.write(file, document);
        return file;
    }
}
