package io.streambench.cli;

import static io.streambench.cli.Cli.execute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streambench.cli.Cli.Outcome;
import io.streambench.driver.Bounds;
import io.streambench.driver.ClientOptions;
import io.streambench.driver.Requests;
import io.streambench.driver.RetryPolicy;
import io.streambench.driver.RunConfig;
import io.streambench.driver.Target;
import io.streambench.driver.Timeouts;
import io.streambench.driver.Workload;
import io.streambench.report.html.HtmlReport;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** report.html after a real (small, staged, partly failing) run against the embedded mock, and {@code report DIR}. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ReportCommandTest {

    private static final Pattern IMG = Pattern.compile("<img src=\"([^\"]*)\"");

    @TempDir
    static Path out;
    static Path runDir;

    /** Two stages of 24 short streams each; one request in five gets a 503 (no retries), so there are errors. */
    @BeforeAll
    static void run() {
        Target target = new Target(URI.create("http://127.0.0.1/v1/chat/completions"),
                Map.of("x-mock-ttft-ms", "uniform:5:30", "x-mock-itl-ms", "uniform:1:4", "x-mock-output-tokens", "12",
                        "x-mock-fault", "http:status=503@p=0.2"),
                null, Requests.ofPrompt("instant", "Hi", 0, true), true);
        RunConfig config = new RunConfig("html", target, List.of(new Workload.Closed(2), new Workload.Closed(6)),
                new Bounds(Duration.ofSeconds(20), 24, Duration.ZERO), Timeouts.DEFAULTS,
                new RetryPolicy(0, Duration.ofMillis(10), Duration.ofMillis(10)), ClientOptions.defaults(), 3, 1);
        RunSession.Result result = new RunSession(config, new EmbeddedMock("instant", null), out,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), false).execute();
        runDir = result.dir();
    }

    @Test
    void shouldWriteASelfContainedReportWithEverySectionAfterARun() throws IOException {
        String html = Files.readString(runDir.resolve(HtmlReport.FILE));

        for (String section : List.of("id=\"summary\"", "id=\"percentiles\"", "id=\"timeline\"", "id=\"stages\"",
                "id=\"errors\"", "id=\"settings\"")) {
            assertTrue(html.contains(section), section);
        }
        for (String alt : List.of("ttft percentile spectrum", "itl percentile spectrum", "e2e percentile spectrum",
                "throughput over time", "streams in flight over time", "ttft against load level",
                "itl against load level", "failed attempts by error class")) {
            assertTrue(html.contains("alt=\"" + alt + "\""), alt);
        }
        assertTrue(html.contains("<td>http_status</td>"), "errors table names the class");
        assertTrue(html.contains("<td>client.parser</td>"), "settings show the parser");
        assertTrue(html.contains("<td>java_version</td>"), "settings show the JDK");
        assertFalse(html.contains("http://") && html.matches("(?s).*(src|href)=\"https?://.*"), "no network reference");
        assertFalse(html.contains("<script"), "no script");
        List<BufferedImage> images = images(html);
        assertEquals(8, images.size());
        for (BufferedImage image : images) {
            assertEquals(900, image.getWidth());
            assertEquals(420, image.getHeight());
        }
    }

    @Test
    void shouldRenderTheSamePageAgainFromTheFolderAlone() throws IOException {
        Path copy = copyOfRunWithoutPage("copy");
        Outcome o = execute("report", copy.toString());

        assertEquals(0, o.code(), o.toString());
        assertTrue(o.out().contains("report: "), o.out());
        String html = Files.readString(copy.resolve(HtmlReport.FILE));
        assertEquals(8, images(html).size());
        assertTrue(html.contains("streambench run: html"));
    }

    @Test
    void shouldDrawJmhResultsWithErrorBars(@TempDir Path jmh) throws IOException {
        Files.writeString(jmh.resolve("results.csv"), """
                benchmark,params,score,error,unit,bytes_per_op
                SseParserBenchmark.parseStream,parser=bytes-scan;reads=segment;shape=short,1555219.000,158280.900,ops/s,6.700
                SseParserBenchmark.parseStream:bytes,parser=bytes-scan;reads=segment;shape=short,423000000.000,,ops/s,
                SseParserBenchmark.parseStream,parser=sdk-style;reads=segment;shape=short,415905.000,38263.400,ops/s,4628.900
                SseParserBenchmark.parseStream:bytes,parser=sdk-style;reads=segment;shape=short,113000000.000,,ops/s,
                FlushStrategyBenchmark.chunk,policy=immediate,38220014.000,4041007.000,ops/s,1.200
                FlushStrategyBenchmark.chunk:delayMeanMs,policy=immediate,0.000,,"#",
                FlushStrategyBenchmark.chunk,policy=size,7027820.000,883585.000,ops/s,1.600
                FlushStrategyBenchmark.chunk:delayMeanMs,policy=size,228.400,,"#",
                """);
        Outcome o = execute("report", jmh.toString());

        assertEquals(0, o.code(), o.toString());
        String html = Files.readString(jmh.resolve(HtmlReport.FILE));
        List<String> alts = new ArrayList<>();
        Matcher m = Pattern.compile("alt=\"([^\"]*)\"").matcher(html);
        while (m.find()) {
            alts.add(m.group(1));
        }
        assertEquals(List.of("SseParserBenchmark.parseStream: throughput (events/s) (reads=segment)",
                "SseParserBenchmark.parseStream: bytes allocated per event (reads=segment)",
                "SseParserBenchmark.parseStream: bytes (reads=segment)",
                "FlushStrategyBenchmark.chunk: throughput (chunks/s)",
                "FlushStrategyBenchmark.chunk: bytes allocated per chunk",
                "FlushStrategyBenchmark.chunk: delayMeanMs"), alts);
        assertEquals(6, images(html).size());
        assertTrue(html.contains("<td class=\"n\">228.4</td>"), "counter in the table");
    }

    @Test
    void shouldExitWithTwoAndOneLineForAFolderThatIsNeither(@TempDir Path empty) {
        for (String dir : List.of(empty.toString(), empty.resolve("missing").toString())) {
            Outcome o = execute("report", dir);

            assertEquals(2, o.code(), o.toString());
            assertEquals(1, o.err().strip().lines().count(), o.err());
        }
    }

    @Test
    void shouldExitWithTwoForADamagedIntervalLogRatherThanDrawPartialCurves() throws IOException {
        Path copy = copyOfRunWithoutPage("damaged-hlog");
        List<String> lines = new ArrayList<>(Files.readAllLines(copy.resolve("ttft.hlog")));
        // a damaged line before the last interval: HistogramLogReader stops there without a word
        lines.add(lines.size() - 1, "garbage, not an interval");
        Files.write(copy.resolve("ttft.hlog"), lines);

        Outcome o = execute("report", copy.toString());

        assertEquals(2, o.code(), o.toString());
        assertEquals(1, o.err().strip().lines().count(), o.err());
        assertTrue(o.err().contains("ttft.hlog"), o.err());
    }

    @Test
    void shouldExitWithTwoForAnUnreadableRunJson(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("run.json"), "{not json");
        Outcome o = execute("report", dir.toString());

        assertEquals(2, o.code(), o.toString());
        assertEquals(1, o.err().strip().lines().count(), o.err());
        assertTrue(o.err().contains("run.json"), o.err());
    }

    /**
     * The page in a real headless browser (scripts/check-report.sh): it loads, every image decodes, no error;
     * and the check does fail on a broken image and on a script error. Skipped without /usr/bin/chromium.
     */
    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void shouldLoadInHeadlessChromiumAndCatchBrokenPages(@TempDir Path broken) throws Exception {
        Path chromium = Path.of("/usr/bin/chromium");
        Path script = Path.of(System.getProperty("user.dir")).getParent().resolve("scripts/check-report.sh");
        Assumptions.assumeTrue(Files.isExecutable(chromium), "no /usr/bin/chromium");
        Assumptions.assumeTrue(Files.isExecutable(script), "no " + script);
        String html = Files.readString(runDir.resolve(HtmlReport.FILE));
        int data = html.indexOf("base64,") + "base64,".length();
        Path badImage = Files.writeString(broken.resolve("bad-image.html"),
                html.substring(0, data) + "AAAAAAAAAAAA" + html.substring(data + 400));
        Path badScript = Files.writeString(broken.resolve("bad-script.html"),
                html.replace("</body>", "<script>notAFunction();</script></body>"));

        assertEquals(0, check(script, runDir.resolve(HtmlReport.FILE)), "the report passes");
        assertEquals(1, check(script, badImage), "an image that does not decode fails");
        assertEquals(1, check(script, badScript), "a script error fails");
    }

    private static int check(Path script, Path page) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(script.toString(), page.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("check-report.sh took over 120 s on " + page);
        }
        return p.exitValue();
    }

    /** Every {@code <img>} must be a PNG data: URI that decodes. */
    static List<BufferedImage> images(String html) throws IOException {
        List<BufferedImage> images = new ArrayList<>();
        Matcher m = IMG.matcher(html);
        while (m.find()) {
            String src = m.group(1);
            assertTrue(src.startsWith("data:image/png;base64,"), src.substring(0, Math.min(40, src.length())));
            byte[] png = Base64.getDecoder().decode(src.substring("data:image/png;base64,".length()));
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            assertNotNull(image, "decodable PNG");
            images.add(image);
        }
        return images;
    }



    /** The test run's files, but not its report.html, in a new folder {@code name}. */
    private Path copyOfRunWithoutPage(String name) throws IOException {
        Path copy = Files.createDirectories(out.resolve(name));
        try (var files = Files.list(runDir)) {
            for (Path f : files.filter(p -> !p.getFileName().toString().equals(HtmlReport.FILE)).toList()) {
                Files.copy(f, copy.resolve(f.getFileName()));
            }
        }
        return copy;
    }
}
