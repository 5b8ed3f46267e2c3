package io.streambench.cli;

import static io.streambench.cli.Cli.execute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streambench.cli.Cli.Outcome;
import io.streambench.report.folder.RunFolder;
import io.streambench.report.folder.SummaryRow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Synthetic prompts and a trace replay against the embedded mock, as a user runs them: what the mock counted
 * in each prompt, and when each request of the trace went out.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class WorkloadRunTest {

    /** The committed 1,000-request Mooncake-style trace (tests run in bench/). */
    static final Path TRACE = Path.of("..", "docs", "examples", "traces", "mooncake-synthetic-1000.jsonl");
    /**
     * What the p99 of a trace slice's schedule lag must stay under. On the 2-core development VM, shared with other
     * builds (load average 5 to 11), this slice gave p99 of 52 to 173 ms, mostly the connects of new connections
     * as the trace's concurrency grows (up to 148 ms each there) and young collections (up to 85 ms); the whole
     * trace at 10x gave p99 43 ms at load 5.5. The bound leaves room for that and still catches a replay that falls
     * behind its schedule, whose backlog adds up over the slice.
     */
    static final double LAG_P99_BOUND_MS = 500;

    @TempDir
    Path dir;

    @Test
    void shouldSendPromptsOfExactlyTheDrawnLengthBehindOneOfEightSharedPrefixesThatTheMockCaches() throws IOException {
        // A profile whose server model counts every prompt with the driver's tokenizer (usage says what arrived)
        // and caches prompt blocks of 16 tokens (usage says how much of each prompt it held).
        Path profiles = Files.writeString(dir.resolve("counted.yaml"), "profiles:\n  counted:\n    extends: instant\n"
                + "    tokenizer: o200k_base\n    prefix_cache: {blocks: 100000, block_tokens: 16}\n");
        Path out = dir.resolve("out");

        Outcome o = execute("run", "--mock-profiles", profiles.toString(), "--mock-profile", "counted",
                "--input-tokens", "normal:1000:200", "--output-tokens", "200", "--prefix-tokens", "500",
                "--prefix-groups", "8", "--concurrency", "4", "--requests", "200", "--client-warmup", "0", "--quiet",
                "--out", out.toString());

        assertEquals(0, o.code(), o::toString);
        List<Map<String, String>> rows = RunFolders.requests(RunFolders.only(out));
        assertEquals(200, rows.size());
        Set<String> groups = new TreeSet<>();
        double sum = 0;
        double squares = 0;
        int prefixCached = 0;
        for (Map<String, String> row : rows) {
            int cached = Integer.parseInt(row.get("cached_tokens"));
            assertTrue(cached % 16 == 0 && cached < Integer.parseInt(row.get("usage_input_tokens")), row::toString);
            // a prefix of 500 tokens fills 31 blocks of 16; its own prompt differs from every other from the start
            assertTrue(cached <= 496, () -> "only the shared prefix is cached: " + row);
            prefixCached += cached == 496 ? 1 : 0;
            assertEquals(row.get("input_tokens"), row.get("usage_input_tokens"), () -> "the mock counted what was "
                    + "drawn: " + row);
            assertEquals("200", row.get("output_tokens_requested"), row::toString);
            assertEquals("200", row.get("output_tokens"), () -> "the mock answered the length asked: " + row);
            assertEquals("usage:completion_tokens", row.get("token_source"));
            groups.add(row.get("prefix_group"));
            double drawn = Integer.parseInt(row.get("input_tokens")) - 500;
            sum += drawn;
            squares += drawn * drawn;
        }
        assertEquals(Set.of("0", "1", "2", "3", "4", "5", "6", "7"), groups, "each of the 8 prefixes was used");
        // each group's first requests (as many as run at once) compute its prefix; the cache holds it for the rest
        assertTrue(prefixCached >= rows.size() - 8 * 4, "requests whose shared prefix the mock had cached: "
                + prefixCached);
        double mean = sum / rows.size();
        double sd = Math.sqrt(squares / rows.size() - mean * mean);
        // 200 draws of normal(1000, 200): the mean's standard error is 14 tokens
        assertTrue(Math.abs(mean - 1000) < 60, () -> "mean of the drawn prompt lengths " + mean);
        assertTrue(sd > 150 && sd < 250, () -> "their standard deviation " + sd);
        List<String> metrics = RunFolder.open(RunFolders.only(out)).summary().stream().map(SummaryRow::metric).toList();
        assertTrue(metrics.containsAll(List.of("input_tokens", "usage_input_tokens", "cached_tokens",
                "output_tokens_requested", "output_tokens", "schedule_lag")), metrics::toString);
    }

    @Test
    void shouldReplayATraceSliceOnItsScheduleNeverEarlyWithItsLagMeasured() throws IOException {
        Path out = dir.resolve("out");

        Outcome o = execute("run", "--trace", TRACE.toString(), "--trace-limit", "100", "--time-scale", "20",
                "--mock-profile", "instant", "--client-warmup", "500", "--quiet", "--out", out.toString());

        assertEquals(0, o.code(), o::toString);
        List<Map<String, String>> rows = new ArrayList<>(RunFolders.requests(RunFolders.only(out)));
        assertEquals(100, rows.size(), "every request of the slice was sent, once");
        rows.sort((a, b) -> Double.compare(ms(a, "intended_ms"), ms(b, "intended_ms")));
        List<JsonNode> trace = firstRecords(100);
        long origin = trace.get(0).get("timestamp").asLong();
        double first = ms(rows.get(0), "intended_ms");
        List<Double> lags = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Map<String, String> row = rows.get(i);
            double offset = (trace.get(i).get("timestamp").asLong() - origin) / 20.0;
            assertEquals(offset, ms(row, "intended_ms") - first, 0.002, () -> "its time in the schedule: " + row);
            assertEquals("none", row.get("error_class"), row::toString);
            double lag = ms(row, "schedule_lag_ms");
            assertTrue(lag >= 0 && ms(row, "start_ms") >= ms(row, "intended_ms"), () -> "never early: " + row);
            assertEquals(lag, ms(row, "response_e2e_ms") - ms(row, "e2e_ms"), 0.002,
                    () -> "response time counts from the scheduled time: " + row);
            lags.add(lag);
        }
        assertEquals(traceLengths(trace, "input_length"), rowLengths(rows, "input_tokens"), "the trace's prompt lengths");
        assertEquals(traceLengths(trace, "output_length"), rowLengths(rows, "output_tokens_requested"), "and answer lengths");
        lags.sort(null);
        double p99 = lags.get(98);
        assertTrue(p99 < LAG_P99_BOUND_MS, () -> "schedule lag p99 " + p99 + " ms, all: " + lags);
    }

    private static double ms(Map<String, String> row, String column) {
        return Double.parseDouble(row.get(column));
    }

    private static List<JsonNode> firstRecords(int n) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> records = new ArrayList<>();
        for (String line : Files.readAllLines(TRACE).subList(0, n)) {
            records.add(json.readTree(line));
        }
        return records;
    }

    private static List<Integer> traceLengths(List<JsonNode> trace, String field) {
        return trace.stream().map(r -> r.get(field).asInt()).sorted().toList();
    }

    private static List<Integer> rowLengths(List<Map<String, String>> rows, String column) {
        return rows.stream().map(r -> Integer.parseInt(r.get(column))).sorted().toList();
    }
}
