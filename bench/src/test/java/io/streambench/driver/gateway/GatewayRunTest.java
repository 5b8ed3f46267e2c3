package io.streambench.driver.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streambench.cli.EmbeddedMock;
import io.streambench.cli.RunSession;
import io.streambench.driver.Bounds;
import io.streambench.driver.ClientOptions;
import io.streambench.driver.Requests;
import io.streambench.driver.RetryPolicy;
import io.streambench.driver.RunConfig;
import io.streambench.driver.Target;
import io.streambench.driver.Timeouts;
import io.streambench.driver.Workload;
import io.streambench.mock.testing.LeakTracking;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A gateway run through the test proxy, a gateway whose effect on the stream is known exactly. */
@ExtendWith(LeakTracking.class)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class GatewayRunTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A paced stream: 20 ms to the first token, then a token every 10 ms, 40 tokens. */
    static final Map<String, String> PACED = Map.of("ttft-ms", "20", "itl-ms", "10", "output-tokens", "40");
    /** ... with the mock's {@code : t=} send stamps, which the test proxy reads. */
    static final Map<String, String> STAMPED = Map.of("ttft-ms", "20", "itl-ms", "10", "output-tokens", "40",
            "timestamps", "true");

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** What a run left: its folder's run.json {@code gateway} object, and the console. */
    record Ran(Path dir, JsonNode gateway, String console) {
        JsonNode stage() {
            return gateway.path("stages").path(0);
        }

        JsonNode fault(String name) {
            for (JsonNode f : gateway.path("faults")) {
                if (f.path("fault").asText().equals(name)) {
                    return f;
                }
            }
            throw new AssertionError("no fault " + name + " in " + gateway.path("faults"));
        }
    }

    static Ran run(int gatewayPort, int mockPort, Bounds bounds, int concurrency, String faults, Duration faultTimeout,
            Path out) throws IOException {
        return run(gatewayPort, mockPort, bounds, concurrency, faults, faultTimeout, out, PACED);
    }

    static Ran run(int gatewayPort, int mockPort, Bounds bounds, int concurrency, String faults, Duration faultTimeout,
            Path out, Map<String, String> mockSettings) throws IOException {
        GatewaySettings settings = new GatewaySettings(URI.create("http://127.0.0.1:" + gatewayPort
                + "/v1/chat/completions"), "127.0.0.1", mockPort, null, false, faults, faultTimeout, mockSettings);
        return run(settings, bounds, concurrency, out, new EmbeddedMock("paced", null));
    }

    /** A run with {@code settings}, against {@code embedded} (null: the settings' standalone mock). */
    static Ran run(GatewaySettings settings, Bounds bounds, int concurrency, Path out, EmbeddedMock embedded)
            throws IOException {
        Target target = new Target(settings.gatewayUrl(), Map.of(), null, Requests.ofPrompt("paced", "Hello", 0,
                true), false);
        RunConfig config = new RunConfig("gw", target, List.of(new Workload.Closed(concurrency)), bounds,
                new Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(30)),
                RetryPolicy.DEFAULTS, ClientOptions.defaults(), 3, 0);
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        RunSession.Result result = new RunSession(config, embedded, out,
                new PrintStream(console, true, StandardCharsets.UTF_8), false).gateway(settings).execute();
        JsonNode run = JSON.readTree(result.dir().resolve("run.json").toFile());
        return new Ran(result.dir(), run.path("gateway"), console.toString(StandardCharsets.UTF_8));
    }

    /** The share of the mock's writes that arrived in one delivery with another write's events. */
    static double mergedShare(JsonNode route) {
        return route.path("writes").path("merged").asDouble() / route.path("writes").path("mock").asDouble();
    }

    private static double ms(JsonNode stage, String route, String metric, String stat) {
        return stage.path(route).path("metrics").path(metric).path(stat).asDouble(Double.NaN);
    }

    @Test
    void shouldMeasureTheDelayAGatewayAddsToEachEventToAFifthOfAMillisecondAtTheMedian(@TempDir Path out) throws Exception {
        int mockPort = freePort();
        double delayMs = 5.0;
        try (SseTestProxy proxy = SseTestProxy.delaying(mockPort, delayMs)) {
            Ran ran = run(proxy.port(), mockPort, new Bounds(Duration.ofSeconds(4), 0, Duration.ofSeconds(1)), 4,
                    "none", Duration.ofSeconds(2), out, STAMPED);
            JsonNode stage = ran.stage();
            double added = stage.path("added_by_gateway").path("event_delay").path("p50_ms").asDouble(Double.NaN);
            // What the proxy really added: the time from the mock's write of an event (its send stamp) to the proxy's
            // flush of it to the client (its timer wakes a little after the 5 ms asked for, more on a busy machine,
            // and the way to it is a loopback hop), less the way from the mock to a client, which the direct baseline
            // measures in the same run. The way from the proxy to the driver is such a way too.
            double sinceMock = proxy.medianSinceMockMillis();
            double hop = ms(stage, "direct", "event_delay", "p50_ms");
            double truth = sinceMock - hop;
            String figures = "gateway p50 " + ms(stage, "gateway", "event_delay", "p50_ms") + " ms, direct p50 " + hop
                    + " ms, the mock's write to the proxy's flush " + sinceMock + " ms (median)\n" + ran.console();
            System.out.println("gateway delay test: added " + added + " ms, the proxy added " + truth + " ms; "
                    + figures.lines().findFirst().orElse(""));
            assertTrue(truth >= delayMs - 0.05 && truth < delayMs + 1, figures);
            assertTrue(Math.abs(added - truth) <= 0.2, "added " + added + " ms against " + truth + ": " + figures);
            assertTrue(stage.path("gateway").path("metrics").path("event_delay").path("count").asLong() > 500, figures);
            JsonNode events = stage.path("gateway").path("events");
            assertEquals(events.path("mock").asLong(), events.path("unchanged").asLong(), "a delay changes no event: "
                    + figures);
            assertTrue(mergedShare(stage.path("gateway")) <= mergedShare(stage.path("direct")) + 0.05,
                    "a delay merges nothing the direct path does not: " + figures);
            double firstToken = stage.path("added_by_gateway").path("first_token_delay").path("p50_ms").asDouble();
            assertTrue(Math.abs(firstToken - delayMs) <= 1.0, "first token added " + firstToken + ": " + figures);

            // the files beside the usual ones
            List<String> rows = Files.readAllLines(ran.dir().resolve("gateway.csv"));
            assertEquals(GatewayFiles.REQUESTS_COLUMNS.names(), List.of(rows.get(0).split(",")));
            assertTrue(rows.stream().anyMatch(r -> r.startsWith("gateway,")));
            assertTrue(rows.stream().anyMatch(r -> r.startsWith("direct,")));
            assertTrue(Files.readAllLines(ran.dir().resolve("gateway_summary.csv")).stream()
                    .anyMatch(r -> r.startsWith("0,concurrency=4,gateway,event_delay,")));
            for (GatewayMetric m : GatewayMetric.values()) {
                try (var in = Files.newInputStream(ran.dir().resolve(m.file()))) {
                    HistogramLogReader reader = new HistogramLogReader(in);
                    EncodableHistogram h = reader.nextIntervalHistogram();
                    assertTrue(h != null && h.getTag().equals("gateway.stage0"), m.file());
                }
            }
            assertTrue(ran.console().contains("per event delay"), ran.console());
            String html = Files.readString(ran.dir().resolve("report.html"));
            assertTrue(html.contains("<h2 id=\"gateway\">Gateway</h2>") && html.contains("per event delay spectrum"),
                    "report.html has the gateway section with its plot");
            assertTrue(ran.console().contains("stream changes (16 streams compared event by event): none"), ran.console());
        }
    }

    @Test
    void shouldFindTheEventsAGatewayMergesAndTheWaitItCosts(@TempDir Path out) throws Exception {
        int mockPort = freePort();
        try (SseTestProxy proxy = SseTestProxy.merging(mockPort, 4)) {
            Ran ran = run(proxy.port(), mockPort, new Bounds(Duration.ofSeconds(3), 0, Duration.ofSeconds(1)), 2,
                    "none", Duration.ofSeconds(2), out);
            JsonNode gw = ran.stage().path("gateway");
            JsonNode direct = ran.stage().path("direct");
            double merged = mergedShare(gw);
            double mergedDirect = mergedShare(direct);
            assertTrue(merged > 0.7, "merged share " + merged + "\n" + ran.console());
            assertTrue(mergedDirect < 0.2, "direct merged share " + mergedDirect + "\n" + ran.console());
            assertEquals(gw.path("events").path("mock").asLong(), gw.path("events").path("unchanged").asLong(),
                    "held, not changed");
            // held until the 4th event of a group: on average 1.5 gaps of 10 ms
            double added = ran.stage().path("added_by_gateway").path("event_delay").path("p50_ms").asDouble();
            assertTrue(added > 5 && added < 25, "added " + added + "\n" + ran.console());
            assertTrue(ran.console().contains("mock writes delivered together with another: "), ran.console());
        }
    }

    @Test
    void shouldPrintWhatAPassThroughGatewayDoesWithEachUpstreamFault(@TempDir Path out) throws Exception {
        int mockPort = freePort();
        try (SseTestProxy proxy = SseTestProxy.passThrough(mockPort)) {
            Ran ran = run(proxy.port(), mockPort, new Bounds(null, 2, Duration.ZERO), 1,
                    "429,500,529,error_event,reset,stall", Duration.ofSeconds(2), out);
            for (String fault : List.of("429", "500", "529", "error_event")) {
                assertEquals("passed through", ran.fault(fault).path("outcome").asText(), ran.console());
                assertEquals(1, ran.fault(fault).path("upstream_attempts").asInt());
            }
            assertEquals("HTTP 429", ran.fault("429").path("client_saw").asText());
            assertEquals("passed through (stream cut)", ran.fault("reset").path("outcome").asText(), ran.console());
            assertEquals("hung until the client's timeout (2.0 s)", ran.fault("stall").path("outcome").asText(),
                    ran.console());
            assertTrue(ran.console().contains("faults (one request each through the gateway"), ran.console());
            assertTrue(Files.readAllLines(ran.dir().resolve("gateway.csv")).stream()
                    .filter(r -> r.startsWith("fault,")).count() == 6);
            assertTrue(Files.readString(ran.dir().resolve("report.html")).contains("hung until the client&#39;s timeout"),
                    "report.html has the fault matrix");
        }
    }

    @Test
    void shouldCountTheUpstreamAttemptsOfAGatewayThatRetries(@TempDir Path out) throws Exception {
        int mockPort = freePort();
        try (SseTestProxy proxy = SseTestProxy.retrying429(mockPort)) {
            Ran ran = run(proxy.port(), mockPort, new Bounds(null, 2, Duration.ZERO), 1, "429,500",
                    Duration.ofSeconds(5), out);
            JsonNode retried = ran.fault("429");
            assertEquals(2, retried.path("upstream_attempts").asInt(), ran.console());
            assertEquals("429;200", retried.path("upstream_statuses").asText());
            assertEquals("retried 1 time, then succeeded", retried.path("outcome").asText(), ran.console());
            assertEquals("passed through", ran.fault("500").path("outcome").asText(), "it retries 429s only");
        }
    }
}
