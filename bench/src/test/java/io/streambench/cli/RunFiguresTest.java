package io.streambench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The figures of a run mean what they say: tokens when they arrive, rates over the measured window. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RunFiguresTest {

    /** What a command-line run printed and where it wrote. */
    record Run(int code, String console, Path dir) {
        JsonNode json() throws IOException {
            return new ObjectMapper().readTree(dir.resolve("run.json").toFile());
        }

        List<CSVRecord> csv(String file) throws IOException {
            try (Reader in = Files.newBufferedReader(dir.resolve(file), StandardCharsets.UTF_8)) {
                return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
            }
        }
    }

    static Run run(Path out, String... args) throws IOException {
        PrintStream saved = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            String[] all = Stream.concat(Stream.of("run", "--out", out.toString(), "--no-progress"), Stream.of(args))
                    .toArray(String[]::new);
            code = Main.execute(all);
        } finally {
            System.setOut(saved);
        }
        Path dir;
        try (Stream<Path> dirs = Files.list(out)) {
            dir = dirs.filter(Files::isDirectory).findFirst().orElse(null);
        }
        return new Run(code, captured.toString(StandardCharsets.UTF_8), dir);
    }

    @Test
    void shouldCountTokensInTheTimelineWhileStreamsAreStillSending(@TempDir Path out) throws IOException {
        // Two 3-second streams of 150 one-token chunks, 20 ms apart: 100 tokens/s from the first second on.
        Run r = run(out, "--mock-profile", "paced", "--ttft-ms", "0", "--itl-ms", "20", "--output-tokens", "150",
                "--concurrency", "2", "--requests", "2", "--client-warmup", "0");

        assertEquals(0, r.code(), r.console());
        List<CSVRecord> timeline = r.csv("timeline.csv");
        long tokens = 0;
        int whileSending = 0;
        for (CSVRecord row : timeline) {
            tokens += Long.parseLong(row.get("tokens"));
            boolean fullSecond = Double.parseDouble(row.get("interval_s")) > 0.9;
            if (fullSecond && Long.parseLong(row.get("done")) == 0 && Long.parseLong(row.get("in_flight")) == 2) {
                whileSending++;
                double perSecond = Double.parseDouble(row.get("tokens_per_s"));
                assertTrue(perSecond > 60 && perSecond < 140, "tokens/s while 2 streams send: " + row);
                assertTrue(Long.parseLong(row.get("chunks")) > 60, row::toString);
                assertTrue(Long.parseLong(row.get("bytes")) > 60 * 100, row::toString);
            }
        }
        assertTrue(whileSending >= 1, () -> "no full second with both streams sending: " + timeline);
        // The usage chunk's exact counts, however they were spread over the seconds.
        assertEquals(300, tokens);
        assertEquals(300, r.json().at("/results/stages/0/output_tokens").asLong());
    }

    @Test
    void shouldDivideStageRatesByTheMeasuredWindowAndReportTheDrainApart(@TempDir Path out) throws IOException {
        // One stream: 300 ms to the first token, then 50 chunks 20 ms apart, ending 1.28 s after the send. With a
        // 1 s duration the stage then waits about 0.28 s for it: chunks arriving before 1 s (about 35) count in the
        // window, the rest in the drain; no request ended within the window. Tokens are estimated per chunk as
        // they arrive and corrected to the usage chunk's 50 when it comes (in the drain).
        Run r = run(out, "--mock-profile", "paced", "--ttft-ms", "300", "--itl-ms", "20", "--output-tokens", "50",
                "--concurrency", "1", "--duration", "1s", "--client-warmup", "0");

        assertEquals(0, r.code(), r.console());
        JsonNode stage = r.json().at("/results/stages/0");
        assertEquals(1.0, stage.path("window_s").asDouble(), 0.03, stage::toString);
        double drain = stage.path("drain_s").asDouble();
        assertTrue(drain > 0.2 && drain < 1.0, stage::toString);
        assertTrue(stage.path("seconds").asDouble() >= 1.2, stage::toString);
        long chunks = stage.at("/window/chunks").asLong();
        assertTrue(chunks >= 31 && chunks <= 36, stage::toString);
        assertEquals(50, chunks + stage.at("/drain/chunks").asLong(), stage::toString);
        long window = stage.at("/window/output_tokens").asLong();
        assertTrue(window >= chunks, stage::toString);
        assertEquals(50, window + stage.at("/drain/output_tokens").asLong(), stage::toString);
        assertEquals(window / stage.path("window_s").asDouble(), stage.path("tokens_per_s").asDouble(), 0.01);
        assertEquals(0, stage.at("/window/succeeded").asLong(), stage::toString);
        assertEquals(0.0, stage.path("requests_per_s").asDouble(-1), stage::toString);
        assertEquals(1, stage.at("/drain/succeeded").asLong(), stage::toString);
        assertTrue(r.console().contains("window 1.0 s: " + Math.round(stage.path("tokens_per_s").asDouble())
                + " tokens/s"), r.console());
        assertTrue(r.console().contains("drain "), r.console());
    }

    @Test
    void shouldFlagEveryPercentileThatRestsOnTooFewValues(@TempDir Path out) throws IOException {
        Run r = run(out, "--mock-profile", "paced", "--ttft-ms", "5", "--itl-ms", "2", "--output-tokens", "30",
                "--concurrency", "2", "--requests", "19", "--client-warmup", "0");

        assertEquals(0, r.code(), r.console());
        for (CSVRecord row : r.csv("summary.csv")) {
            long count = Long.parseLong(row.get("count"));
            String expected = count >= 10_000 ? "" : count >= 1_000 ? "p999" : count >= 200 ? "p99;p999"
                    : count >= 100 ? "p95;p99;p999" : count >= 20 ? "p90;p95;p99;p999" : "p50;p90;p95;p99;p999";
            assertEquals(expected, row.get("few_samples"), row::toString);
        }
        // 19 values: even the median is flagged; 19 x 29 gaps: p99 and up only
        assertTrue(r.console().lines().anyMatch(l -> l.trim().startsWith("ttft ") && l.contains("*")), r.console());
        assertTrue(r.console().lines().anyMatch(l -> l.trim().startsWith("itl ") && l.indexOf('*')
                == l.lastIndexOf('*')), r.console());
        assertTrue(r.console().contains("rests on too few values"), r.console());
        String html = Files.readString(r.dir().resolve("report.html"));
        assertTrue(html.contains("rests on too few values"), "report.html note");
        assertTrue(html.matches("(?s).*<td class=\"n\">[0-9.,]+\\*</td>.*"), "a flagged cell in report.html");
    }
}
