package io.streambench.mock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streambench.mock.internal.stats.ServerStats;
import io.streambench.mock.profile.ProfileLoader;
import io.streambench.mock.stats.StatsSnapshot;
import io.streambench.mock.testing.Await;
import io.streambench.mock.testing.LeakTracking;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Pacing on absolute deadlines, send stamps, flush policies, backpressure, cancellation, faults and
 * {@code /stats} work on the Anthropic and Gemini routes as on chat completions: the same session carries
 * every format. A few checks per route, not a copy of every test of the chat route.
 */
@ExtendWith(LeakTracking.class)
class DialectRoutesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A route, a body for it, and which of its events carry generated text. */
    enum Dialect {
        MESSAGES("/v1/messages", "{\"model\":\"%s\",\"max_tokens\":100000,\"stream\":true,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"),
        GEMINI("/v1beta/models/%s:streamGenerateContent?alt=sse", "{\"contents\":[{\"parts\":[{\"text\":\"hi\"}]}]}");

        final String path;
        final String body;

        Dialect(String path, String body) {
            this.path = path;
            this.body = body;
        }

        String path(String model) {
            return this == GEMINI ? String.format(path, model) : path;
        }

        String body(String model) {
            return this == MESSAGES ? String.format(body, model) : body;
        }

        /** The headers a request of this API carries (Anthropic insists on its version), then {@code extra}. */
        String[] headers(String... extra) {
            return this == MESSAGES ? MessagesWireTest.versioned(extra) : extra;
        }

        boolean isText(String data) {
            return this == MESSAGES ? data.contains("\"text_delta\"") : data.contains("{\"text\": \"")
                    && !data.contains("{\"text\": \"\"}");
        }

        /** The generated text an event carries, or "". */
        String text(String data) throws IOException {
            JsonNode e = JSON.readTree(data);
            return this == MESSAGES ? e.at("/delta/text").asText("") : e.at("/candidates/0/content/parts/0/text").asText("");
        }
    }

    private static MockServer server;

    @BeforeAll
    static void start() {
        server = MockServer.start(MockServerConfig.defaults().withProfiles(ProfileLoader.parse("""
                profiles:
                  emoji: {extends: instant, output_tokens: null, content: {type: fixed, text: "héllo 東京 🚀 ok"}}
                """)));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static RawHttpClient.Response request(Dialect d, String model, String... headers) throws IOException {
        try (RawHttpClient c = new RawHttpClient(server.port())) {
            return c.postAndRead(d.path(model), d.body(model), d.headers(headers));
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void shouldPaceTextOnDeadlinesStampEveryEventAndCountItOnStats(Dialect d) throws Exception {
        // One warm-up, so class loading and the JIT are not what is measured.
        request(d, "instant", "x-mock-output-tokens", "20");
        Await.until(() -> server.stats().activeStreams() == 0, "warm-up counted");
        StatsSnapshot before = server.stats();

        RawHttpClient.Response r = request(d, "instant", "x-mock-ttft-ms", "100", "x-mock-itl-ms", "10",
                "x-mock-output-tokens", "20", "x-mock-tokens-per-chunk", "1", "x-mock-timestamps", "true");

        List<Long> stamps = new ArrayList<>();
        RawHttpClient.Event first = null;
        for (RawHttpClient.Event e : r.events()) {
            assertTrue(e.lines().get(0).startsWith(": t="), "the stamp comes first: " + e.lines());
            if (d.isText(e.data())) {
                stamps.add(Long.parseLong(e.lines().get(0).substring(4)));
                first = first == null ? e : first;
            }
        }
        assertEquals(20, stamps.size());
        assertTrue((first.arrivalNanos() - r.sentNanos()) / 1e6 >= 100, "never early");
        List<Double> gaps = new ArrayList<>();
        for (int i = 1; i < stamps.size(); i++) {
            gaps.add((stamps.get(i) - stamps.get(i - 1)) / 1e6);
        }
        Collections.sort(gaps);
        assertTrue(Math.abs(gaps.get(gaps.size() / 2) - 10) < 1, "median gap between send stamps " + gaps);
        Await.until(() -> server.stats().streamsCompleted() > before.streamsCompleted(), "counted");
        StatsSnapshot after = server.stats();
        assertEquals(r.events().size(), after.eventsSent() - before.eventsSent(), "every event counted");
        assertEquals(r.body().getBytes(StandardCharsets.UTF_8).length, after.bytesSent() - before.bytesSent(),
                "every byte counted");
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void shouldHoldEventsBackAsTheFlushPolicySays(Dialect d) throws Exception {
        RawHttpClient.Response each = request(d, "instant", "x-mock-itl-ms", "3", "x-mock-output-tokens", "24",
                "x-mock-tokens-per-chunk", "1");
        RawHttpClient.Response grouped = request(d, "instant", "x-mock-itl-ms", "3", "x-mock-output-tokens", "24",
                "x-mock-tokens-per-chunk", "1", "x-mock-flush", "every:8");
        long eachInstants = each.events().stream().mapToLong(e -> e.arrivalNanos() / 1_000_000).distinct().count();
        long groupedInstants = grouped.events().stream().mapToLong(e -> e.arrivalNanos() / 1_000_000).distinct().count();
        assertTrue(eachInstants >= 16, "one event every 3 ms arrives on its own: " + eachInstants);
        assertTrue(groupedInstants <= 8, "events arrive eight at a time: " + groupedInstants);
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void shouldStopProducingForAReaderThatDoesNotReadAndCancelWhenItLeaves(Dialect d) throws Exception {
        ServerStats stats = server.serverStats();
        long cancelled = stats.snapshot(false).streamsCancelled();
        long bytesBefore = stats.snapshot(false).bytesSent();
        try (Socket s = new Socket()) {
            s.setReceiveBufferSize(4096);
            s.connect(new InetSocketAddress("127.0.0.1", server.port()), 5000);
            s.getOutputStream().write(RawHttpClient.post(d.path("instant"), d.body("instant"),
                    d.headers("x-mock-output-tokens", "1000000")).getBytes(StandardCharsets.UTF_8));
            Await.untilSteady(() -> stats.snapshot(false).bytesSent(), 200,
                    "production stops while the reader does not read", Await.DEFAULT_TIMEOUT_MILLIS);
            long stalled = stats.snapshot(false).bytesSent() - bytesBefore;
            assertTrue(stalled < 16 * 1024 * 1024, "bounded by socket buffers and the high water mark: " + stalled);
            InputStream in = s.getInputStream();
            byte[] buf = new byte[65536];
            for (long read = 0; read < stalled + 500_000; ) {
                int n = in.read(buf);
                assertTrue(n > 0);
                read += n;
            }
            assertTrue(stats.snapshot(false).bytesSent() - bytesBefore > stalled, "resumed after the reader read");
        }
        Await.until(() -> stats.snapshot(false).streamsCancelled() == cancelled + 1, "cancelled when the client left");
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void shouldApplyTheStreamFaults(Dialect d) throws Exception {
        // fragment: the same text, in one-byte HTTP chunks, split inside every multi-byte character
        RawHttpClient.Response fragmented = request(d, "emoji", "x-mock-fault", "fragment:mode=bytes");
        StringBuilder text = new StringBuilder();
        for (RawHttpClient.Event e : fragmented.events()) {
            text.append(d.text(e.data()));
        }
        assertEquals("héllo 東京 🚀 ok", text.toString());
        assertTrue(fragmented.chunkSizes().stream().allMatch(n -> n == 1));

        // duplicate: one step twice
        RawHttpClient.Response plain = request(d, "instant", "x-mock-seed", "5", "x-mock-output-tokens", "6");
        RawHttpClient.Response dup = request(d, "instant", "x-mock-seed", "5", "x-mock-output-tokens", "6",
                "x-mock-fault", "duplicate@after_chunks=4");
        assertEquals(plain.events().size() + 1, dup.events().size());

        // malformed: one event that is not JSON, the stream goes on to its end
        RawHttpClient.Response malformed = request(d, "instant", "x-mock-output-tokens", "6",
                "x-mock-fault", "malformed@after_chunks=3");
        int bad = 0;
        for (RawHttpClient.Event e : malformed.events()) {
            try {
                JSON.readTree(e.data());
            } catch (IOException ex) {
                bad++;
            }
        }
        assertEquals(1, bad);
        assertEquals(plain.events().size() + 1, malformed.events().size());

        // stall with pings, then the rest of the stream
        RawHttpClient.Response stalled = request(d, "instant", "x-mock-output-tokens", "4",
                "x-mock-fault", "stall:ms=200,ping_ms=60@after_chunks=2");
        assertTrue(stalled.events().stream().anyMatch(e -> e.lines().equals(List.of(": ping"))));
        assertTrue(stalled.events().size() > plainCount(d, 4), "resumed to the end");

        // reset: the connection dies mid-body
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", server.port()), 5000);
            s.getOutputStream().write(RawHttpClient.post(d.path("instant"), d.body("instant"), d.headers("x-mock-itl-ms", "2",
                    "x-mock-fault", "reset@after_chunks=5")).getBytes(StandardCharsets.UTF_8));
            InputStream in = s.getInputStream();
            byte[] buf = new byte[4096];
            IOException e = assertThrows(IOException.class, () -> {
                while (in.read(buf) >= 0) {
                    // read until the reset
                }
            });
            assertTrue(e instanceof SocketException, e.toString());
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void shouldLeaveOutTheFinishOrTheEndAsTheWholeStreamFaultsSay(Dialect d) throws Exception {
        String noFinish = request(d, "instant", "x-mock-output-tokens", "4", "x-mock-fault", "no_finish").body();
        String noDone = request(d, "instant", "x-mock-output-tokens", "4", "x-mock-fault", "no_done").body();
        if (d == Dialect.MESSAGES) {
            assertFalse(noFinish.contains("message_delta"), "no stop reason and usage");
            assertTrue(noFinish.contains("event: message_stop"));
            assertTrue(noDone.contains("message_delta"));
            assertFalse(noDone.contains("message_stop"), "no end of the message");
        } else {
            assertFalse(noFinish.contains("finishReason"), "no finish");
            assertTrue(noDone.contains("\"finishReason\": \"STOP\""), "Gemini has no end marker to leave out");
        }
    }

    private static int plainCount(Dialect d, int tokens) throws IOException {
        return request(d, "instant", "x-mock-output-tokens", Integer.toString(tokens)).events().size();
    }
}
