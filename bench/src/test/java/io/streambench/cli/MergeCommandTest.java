package io.streambench.cli;

import static io.streambench.cli.Cli.execute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streambench.cli.Cli.Outcome;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streambench.driver.Metric;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.HdrHistogram.HistogramLogWriter;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Three real drivers against their embedded mocks, started together with --start-at, then merged. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MergeCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path work;
    static List<Path> runs = new ArrayList<>();


    @BeforeAll
    static void runThreeDrivers() throws Exception {
        // A cold JVM sets up three drivers (mock, client, class loading) in a few seconds on 2 cores.
        Instant at = Instant.now().plusMillis(4000).truncatedTo(ChronoUnit.MILLIS);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<Outcome>> outcomes = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                String id = "d" + i;
                outcomes.add(pool.submit(() -> execute("run", "--mock-profile", "paced", "--ttft-ms", "20", "--itl-ms",
                        "5", "--output-tokens", "10", "--concurrency", "2", "--duration", "2500ms", "--quiet",
                        "--start-at", at.toString(), "--driver-id", id, "--out", work.resolve(id).toString())));
            }
            for (Future<Outcome> o : outcomes) {
                Outcome outcome = o.get(30, TimeUnit.SECONDS);
                assertEquals(0, outcome.code(), outcome::toString);
            }
        } finally {
            pool.shutdownNow();
        }
        for (int i = 0; i < 3; i++) {
            try (Stream<Path> dirs = Files.list(work.resolve("d" + i))) {
                runs.add(dirs.findFirst().orElseThrow());
            }
        }
    }


    private static Outcome merge(Path out, List<Path> dirs, String... options) {
        List<String> args = new ArrayList<>(List.of("merge", "--quiet", "-o", out.toString()));
        args.addAll(List.of(options));
        dirs.forEach(d -> args.add(d.toString()));
        PrintStream saved = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            Outcome o = execute(args.toArray(String[]::new));
            return new Outcome(o.code(), captured.toString(StandardCharsets.UTF_8), o.err());
        } finally {
            System.setOut(saved);
        }
    }

    /** Every interval of a log, added up per tag; also counts the intervals. */
    private static Map<String, Histogram> byTag(Path hlog, int[] intervals) throws IOException {
        Map<String, Histogram> sums = new TreeMap<>();
        try (HistogramLogReader reader = new HistogramLogReader(hlog.toFile())) {
            EncodableHistogram h;
            while ((h = reader.nextIntervalHistogram()) != null) {
                sums.computeIfAbsent(h.getTag(), t -> new Histogram(3)).add((Histogram) h);
                intervals[0]++;
            }
        }
        return sums;
    }

    private static List<CSVRecord> csv(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file);
                CSVParser parser = CSVParser.parse(in, CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                        .get())) {
            return parser.getRecords();
        }
    }

    private static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.4f", nanos / 1e6);
    }

    @Test
    void shouldAddTheDriversHistogramsExactlyAndAlignTheirIntervals() throws Exception {
        Path out = work.resolve("merged");
        Outcome o = merge(out, runs);
        assertEquals(0, o.code(), o::toString);
        assertTrue(o.out().contains("merged 3 runs: "), o.out());

        Map<String, CSVRecord> summary = new TreeMap<>();
        for (CSVRecord r : csv(out.resolve("summary.csv"))) {
            summary.put(r.get("stage") + "/" + r.get("metric"), r);
        }
        int checked = 0;
        for (Metric metric : Metric.values()) {
            String file = metric.label() + ".hlog";
            Map<String, Histogram> expected = new TreeMap<>();
            long countSum = 0;
            long maxOfMaxes = 0;
            int mostSourceIntervals = 0;
            for (Path run : runs) {
                int[] intervals = {0};
                for (Map.Entry<String, Histogram> e : byTag(run.resolve(file), intervals).entrySet()) {
                    expected.computeIfAbsent(e.getKey(), t -> new Histogram(3)).add(e.getValue());
                    countSum += e.getValue().getTotalCount();
                    maxOfMaxes = Math.max(maxOfMaxes, e.getValue().getMaxValue());
                }
                mostSourceIntervals = Math.max(mostSourceIntervals, intervals[0]);
            }
            int[] mergedIntervals = {0};
            Map<String, Histogram> merged = byTag(out.resolve(file), mergedIntervals);

            assertEquals(expected, merged, file);
            assertEquals(countSum, merged.values().stream().mapToLong(Histogram::getTotalCount).sum(), file);
            // drivers started together: their intervals line up instead of following each other
            assertTrue(mergedIntervals[0] <= mostSourceIntervals + 1,
                    file + ": " + mergedIntervals[0] + " merged intervals, sources had at most " + mostSourceIntervals);
            if (countSum == 0 || metric.unit() != Metric.Unit.NANOS) {
                continue;
            }
            Histogram h = merged.get("stage0");
            assertEquals(maxOfMaxes, h.getMaxValue(), file);
            CSVRecord row = summary.get("0/" + metric.label());
            assertEquals(Long.toString(countSum), row.get("count"), file);
            assertEquals(ms(h.getValueAtPercentile(50)), row.get("p50"), file);
            assertEquals(ms(h.getValueAtPercentile(99)), row.get("p99"), file);
            assertEquals(ms(h.getMaxValue()), row.get("max"), file);
            checked++;
        }
        assertTrue(checked >= 8, "metrics with values: " + checked);
    }

    @Test
    void shouldConcatenateRequestsSumTheTimelineAndListTheSources() throws Exception {
        Path out = work.resolve("merged-files");
        assertEquals(0, merge(out, runs).code());
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("data:image/png;base64,"), "the merged run has its report.html with plots");

        long sourceRows = 0;
        long sourceDone = 0;
        long sourceTokens = 0;
        for (Path run : runs) {
            sourceRows += csv(run.resolve("requests.csv")).size();
            for (CSVRecord r : csv(run.resolve("timeline.csv"))) {
                sourceDone += Long.parseLong(r.get("done"));
                sourceTokens += Long.parseLong(r.get("tokens"));
            }
        }
        List<CSVRecord> requests = csv(out.resolve("requests.csv"));
        Set<String> drivers = new HashSet<>();
        requests.forEach(r -> drivers.add(r.get("driver")));
        List<CSVRecord> timeline = csv(out.resolve("timeline.csv"));
        JsonNode json = JSON.readTree(out.resolve("run.json").toFile());

        assertEquals(sourceRows, requests.size());
        assertEquals(Set.of("d0", "d1", "d2"), drivers);
        assertEquals(sourceDone, timeline.stream().mapToLong(r -> Long.parseLong(r.get("done"))).sum());
        assertEquals(sourceTokens, timeline.stream().mapToLong(r -> Long.parseLong(r.get("tokens"))).sum());
        assertTrue(timeline.size() <= csv(runs.get(0).resolve("timeline.csv")).size() + 1, "rows merged by second");
        assertEquals("[\"d0\",\"d1\",\"d2\"]", json.get("driver_ids").toString());
        assertEquals(3, json.get("merged_from").size());
        assertEquals("completed", json.get("status").asText());
        assertEquals(sourceRows, json.at("/results/stages/0/attempts").asLong());
        assertEquals(Long.parseLong(csv(out.resolve("summary.csv")).stream()
                .filter(r -> r.get("metric").equals("e2e")).findFirst().orElseThrow().get("count")),
                json.at("/results/stages/0/succeeded").asLong(), "one e2e per successful request");
    }

    @Test
    void shouldReproduceOneRunsSummaryFromItsIntervalLogs() throws Exception {
        Path out = work.resolve("merged-one");
        assertEquals(0, merge(out, List.of(runs.get(0))).code());

        assertEquals(Files.readString(runs.get(0).resolve("summary.csv")), Files.readString(out.resolve("summary.csv")));
    }

    /** A copy of the first run with run.json edited, under another driver id. */
    private static Path variant(String name, String pointer, String field, String value) throws IOException {
        Path copy = work.resolve("variants").resolve(name);
        Files.createDirectories(copy);
        try (Stream<Path> files = Files.list(runs.get(0))) {
            for (Path f : files.toList()) {
                Files.copy(f, copy.resolve(f.getFileName()));
            }
        }
        ObjectNode json = (ObjectNode) JSON.readTree(copy.resolve("run.json").toFile());
        json.put("driver_id", name);
        if (pointer != null) {
            ((ObjectNode) json.at(pointer)).put(field, value);
        }
        JSON.writeValue(copy.resolve("run.json").toFile(), json);
        return copy;
    }

    @Test
    void shouldRefuseRunsWithOtherSettingsNamingTheSettingAndBothValues() throws Exception {
        Path parser = variant("parser", "/config/client", "parser", "sdk-style");
        Path stages = variant("stages", "/config/stages/0", "concurrency", "64");
        Path profile = variant("profile", "/mock_server", "profile", "realistic");
        Path precision = variant("precision", null, null, null);
        HistogramLogWriter writer = new HistogramLogWriter(precision.resolve("ttft.hlog").toFile());
        Histogram coarse = new Histogram(2);
        coarse.recordValue(1_000_000);
        coarse.setTag("stage0");
        writer.outputIntervalHistogram(0, 1, coarse);
        writer.close();
        Map<Path, List<String>> cases = Map.of(parser, List.of("config.client.parser", "bytes-scan", "sdk-style"),
                stages, List.of("config.stages[0].concurrency", "2", "64"),
                profile, List.of("mock_server.profile", "paced", "realistic"),
                precision, List.of("precision of ttft.hlog", "3", "2"));
        for (Map.Entry<Path, List<String>> c : cases.entrySet()) {
            Path out = work.resolve("refused-" + c.getKey().getFileName());
            Outcome o = merge(out, List.of(runs.get(0), c.getKey()));

            assertEquals(2, o.code(), o::toString);
            assertEquals(1, o.err().strip().lines().count(), o::err);
            for (String part : c.getValue()) {
                assertTrue(o.err().contains(part), part + " in " + o.err());
            }
            assertFalse(Files.exists(out), "nothing written for a refused merge");
        }
    }

    @Test
    void shouldRefuseACorruptIntervalLogInsteadOfMergingWithoutItsData() throws Exception {
        String log = Files.readString(runs.get(0).resolve("ttft.hlog"));
        Map<String, String> corrupt = Map.of(
                "garbage", "garbage garbage\n",
                "truncated", log.substring(0, log.lastIndexOf('\n', log.length() - 2) + 30),
                "empty", "");
        for (Map.Entry<String, String> c : corrupt.entrySet()) {
            Path bad = variant("hlog-" + c.getKey(), null, null, null);
            Files.writeString(bad.resolve("ttft.hlog"), c.getValue());
            Path out = work.resolve("corrupt-" + c.getKey());
            Outcome o = merge(out, List.of(runs.get(1), bad));

            assertEquals(2, o.code(), () -> c.getKey() + " -> " + o);
            assertEquals(1, o.err().strip().lines().count(), o::err);
            assertTrue(o.err().contains("ttft.hlog"), o::err);
            assertFalse(Files.exists(out), "nothing written for a refused merge");
        }
    }

    @Test
    void shouldRefuseAMalformedCsvWithOneLineAndWriteNothing() throws Exception {
        for (String file : List.of("timeline.csv", "requests.csv")) {
            Path bad = variant("csv-" + file, null, null, null);
            Files.writeString(bad.resolve(file), "\"unterminated\n", java.nio.file.StandardOpenOption.APPEND);
            Path out = work.resolve("malformed-" + file);
            Outcome o = merge(out, List.of(runs.get(1), bad));

            assertEquals(2, o.code(), () -> file + " -> " + o);
            assertEquals(1, o.err().strip().lines().count(), o::err);
            assertTrue(o.err().contains(bad.resolve(file).toString()), o::err);
            assertFalse(Files.exists(out), "nothing left behind by a refused merge");
        }
    }

    @Test
    void shouldRefuseBadInputWithOneLine() throws Exception {
        Path full = Files.createDirectories(work.resolve("full"));
        Files.writeString(full.resolve("x"), "x");
        List<List<String>> lines = List.of(
                List.of("merge", "-o", work.resolve("m1").toString(), work.toString()),
                List.of("merge", "-o", full.toString(), runs.get(0).toString()),
                List.of("merge", "-o", work.resolve("m2").toString(), runs.get(0).toString(), runs.get(0).toString()),
                List.of("merge", "-o", work.resolve("m3").toString(), runs.get(1).toString(),
                        variant("d1", null, null, null).toString()),
                List.of("merge", work.resolve("m4").toString()),
                List.of("merge", "-o", work.resolve("m5").toString()));
        for (List<String> line : lines) {
            Outcome o = execute(line.toArray(String[]::new));

            assertEquals(2, o.code(), () -> line + " -> " + o);
            assertEquals(1, o.err().strip().lines().count(), () -> line + " -> " + o.err());
        }
    }

    @Test
    void shouldKeepTheMockSettingsInRunJsonSoRunsWithOtherOutputTokensAreRefused() throws Exception {
        // --output-tokens is the workload's answer length: it is in what the requests are, not in a header
        String requests = JSON.readTree(runs.get(0).resolve("run.json").toFile()).at("/config/target/bodies_source")
                .asText();
        Path longer = variant("tokens30", "/config/target", "bodies_source",
                requests.replace("output=constant:10", "output=constant:30"));
        Path out = work.resolve("refused-tokens");
        Outcome o = merge(out, List.of(runs.get(0), longer));

        assertTrue(requests.endsWith("output=constant:10"), requests);
        assertEquals(2, o.code(), o::toString);
        assertEquals(1, o.err().strip().lines().count(), o::err);
        assertTrue(o.err().contains("config.target.bodies_source: " + requests + " ("), o::err);
        assertTrue(o.err().contains("output=constant:30 ("), o::err);
        assertFalse(Files.exists(out), "nothing written for a refused merge");
    }

    @Test
    void shouldRefuseRunsThatDidNotMeasureAtTheSameTimeUnlessAllowed() throws Exception {
        // the same settings as the drivers above, run after they ended
        Path lateParent = work.resolve("late");
        Outcome late = execute("run", "--mock-profile", "paced", "--ttft-ms", "20", "--itl-ms", "5", "--output-tokens",
                "10", "--concurrency", "2", "--duration", "2500ms", "--quiet", "--driver-id", "late", "--out",
                lateParent.toString());
        assertEquals(0, late.code(), late::toString);
        Path lateRun;
        try (Stream<Path> dirs = Files.list(lateParent)) {
            lateRun = dirs.findFirst().orElseThrow();
        }
        Path refusedOut = work.resolve("refused-disjoint");
        Path allowedOut = work.resolve("allowed-disjoint");
        Path togetherOut = work.resolve("together");

        Outcome refused = merge(refusedOut, List.of(runs.get(0), lateRun));
        Outcome allowed = merge(allowedOut, List.of(runs.get(0), lateRun), "--allow-disjoint");
        Outcome together = merge(togetherOut, List.of(runs.get(0), runs.get(1)));

        assertEquals(2, refused.code(), refused::toString);
        assertEquals(1, refused.err().strip().lines().count(), refused::err);
        for (String part : List.of("did not measure at the same time", "d0 (" + runs.get(0), "late (" + lateRun,
                "--allow-disjoint")) {
            assertTrue(refused.err().contains(part), part + " in " + refused.err());
        }
        assertFalse(Files.exists(refusedOut), "nothing written for a refused merge");
        assertEquals(0, allowed.code(), allowed::toString);
        JsonNode allowedJson = JSON.readTree(allowedOut.resolve("run.json").toFile());
        assertTrue(allowedJson.get("disjoint").asBoolean(), allowedJson::toString);
        Instant firstEnd = Instant.parse(allowedJson.at("/merged_from/0/measured/0/end").asText());
        Instant lateStart = Instant.parse(allowedJson.at("/merged_from/1/measured/0/start").asText());
        assertTrue(!lateStart.isBefore(firstEnd), firstEnd + " then " + lateStart);
        assertEquals(0, together.code(), together::toString);
        assertFalse(JSON.readTree(togetherOut.resolve("run.json").toFile()).get("disjoint").asBoolean());
    }
}
