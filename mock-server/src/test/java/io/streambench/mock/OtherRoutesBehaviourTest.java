package io.streambench.mock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streambench.mock.internal.stats.ServerStats;
import io.streambench.mock.profile.ProfileLoader;
import io.streambench.mock.stats.StatsSnapshot;
import io.streambench.mock.testing.Await;
import io.streambench.mock.testing.LeakTracking;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Pacing, send stamps, flush policies, backpressure, faults, profiles and {@code /stats} work on the Responses
 * and legacy completions routes as on chat completions: they never see which API a stream speaks. A few
 * checks of each, not a copy of every chat completions test.
 */
@ExtendWith(LeakTracking.class)
class OtherRoutesBehaviourTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RESPONSES = "{\"model\":\"instant\",\"stream\":true,\"input\":\"hi\"}";
    private static final String COMPLETIONS = "{\"model\":\"instant\",\"stream\":true,\"prompt\":\"hi\",\"max_tokens\":1000}";

    private static MockServer server;

    @BeforeAll
    static void start() {
        server = MockServer.start(MockServerConfig.defaults().withProfiles(ProfileLoader.parse("""
                profiles:
                  locked: {extends: instant, require_api_key: true}
                  limited: {extends: instant, rate_limit: {requests_per_minute: 1}}
                  emoji: {extends: instant, output_tokens: null, content: {type: fixed, text: "héllo 東京 🚀 ok"}}
                """)));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static RawHttpClient.Response post(String path, String body, String... headers) throws Exception {
        try (RawHttpClient c = new RawHttpClient(server.port())) {
            return c.postAndRead(path, body, headers);
        }
    }

    @Test
    void shouldPaceBothRoutesOnAbsoluteDeadlinesAndStampEveryEvent() throws Exception {
        for (String[] route : new String[][] {{"/v1/responses", RESPONSES, "response.output_text.delta"},
                {"/v1/completions", COMPLETIONS, "\"text\":"}}) {
            RawHttpClient.Response r = post(route[0], route[1], "x-mock-ttft-ms", "60", "x-mock-itl-ms", "10",
                    "x-mock-output-tokens", "12", "x-mock-timestamps", "true");
            List<RawHttpClient.Event> text = new ArrayList<>();
            for (RawHttpClient.Event e : r.events()) {
                assertTrue(e.lines().get(0).startsWith(": t="), "the send stamp first: " + e.lines());
                if (String.join("\n", e.lines()).contains(route[2]) && !String.join("", e.lines()).contains(".done")) {
                    text.add(e);
                }
            }
            assertEquals(12, text.size(), route[0]);
            assertTrue((text.get(0).arrivalNanos() - r.sentNanos()) / 1e6 >= 60, route[0] + ": never before ttft");
            if (route[0].equals("/v1/responses")) {
                // response.created and .in_progress go out on accepting the request, not with the first token.
                RawHttpClient.Event created = r.events().get(0);
                assertTrue(String.join("", created.lines()).contains("response.created"));
                assertEquals(stamp(created), stamp(r.events().get(1)));
                double before = (stamp(text.get(0)) - stamp(created)) / 1e6;
                assertTrue(before > 40, "response.created well before the first token: " + before + " ms");
            }
            List<Double> gaps = new ArrayList<>();
            for (int i = 1; i < text.size(); i++) {
                gaps.add((stamp(text.get(i)) - stamp(text.get(i - 1))) / 1e6);
            }
            Collections.sort(gaps);
            assertTrue(Math.abs(gaps.get(gaps.size() / 2) - 10) < 1, route[0] + ": median gap between stamps " + gaps);
        }
    }

    @Test
    void shouldHoldEventsForTheFlushPolicyOfTheRequest() throws Exception {
        RawHttpClient.Response r = post("/v1/responses", RESPONSES, "x-mock-flush", "every:8", "x-mock-itl-ms", "2",
                "x-mock-output-tokens", "32");
        assertEquals(4 + 32 + 4, r.events().size());
        // Events of one flush arrive together: far fewer distinct arrival instants than events.
        long distinct = r.events().stream().mapToLong(e -> e.arrivalNanos() / 1_000_000).distinct().count();
        assertTrue(distinct <= 8, "arrival instants " + distinct);
    }

    @Test
    void shouldStopProducingForAReaderThatDoesNotReadAndResume() throws Exception {
        try (MockServer own = MockServer.start(MockServerConfig.defaults()); Socket s = new Socket()) {
            s.setReceiveBufferSize(4096);
            s.connect(new InetSocketAddress("127.0.0.1", own.port()), 5000);
            s.getOutputStream().write(RawHttpClient.post("/v1/responses", RESPONSES, "x-mock-output-tokens", "1000000")
                    .getBytes(StandardCharsets.UTF_8));
            ServerStats stats = own.serverStats();
            Await.untilSteady(() -> stats.snapshot(false).bytesSent(), 200,
                    "production stops while the reader does not read", Await.DEFAULT_TIMEOUT_MILLIS);
            long stalledAt = stats.snapshot(false).bytesSent();
            assertTrue(stalledAt < 16 * 1024 * 1024, "bounded by socket buffers and the high water mark: " + stalledAt);
            InputStream in = s.getInputStream();
            byte[] buf = new byte[65536];
            for (long read = 0; read < stalledAt + 1_000_000; ) {
                int n = in.read(buf);
                assertTrue(n > 0);
                read += n;
            }
            assertTrue(stats.snapshot(false).bytesSent() > stalledAt, "resumed after the reader read");
        }
        LeakTracking.assertNoLeaks();
    }

    @Test
    void shouldCountEveryEventAndFaultOnStats() throws Exception {
        // Counted on a server of its own, so other tests' streams are not in the figures.
        try (MockServer own = MockServer.start(MockServerConfig.defaults())) {
            try (RawHttpClient c = new RawHttpClient(own.port())) {
                c.postAndRead("/v1/responses", RESPONSES, "x-mock-output-tokens", "5");
            }
            try (RawHttpClient c = new RawHttpClient(own.port())) {
                c.postAndRead("/v1/completions", COMPLETIONS, "x-mock-output-tokens", "5");
            }
            try (RawHttpClient c = new RawHttpClient(own.port())) {
                c.postAndRead("/v1/responses", RESPONSES, "x-mock-fault", "error_event@after_chunks=5");
            }
            try (RawHttpClient c = new RawHttpClient(own.port())) {
                RawHttpClient.Response refused = c.postAndRead("/v1/completions", COMPLETIONS, "x-mock-fault",
                        "http:status=503,retry_after=1");
                assertEquals(503, refused.status());
                assertEquals("overloaded", JSON.readTree(refused.body()).at("/error/code").asText());
                assertEquals("1", refused.headers().get("retry-after"));
            }
            Await.until(() -> own.stats().activeStreams() == 0, "streams counted");
            StatsSnapshot s = own.stats();
            // responses: created, in_progress, item added, part added, 5 deltas, 3 done events, completed = 13;
            // completions: 5 chunks and [DONE] = 6; faulted responses: 5 events, the error, response.failed = 7
            assertEquals(13 + 6 + 7, s.eventsSent());
            assertEquals(2, s.streamsCompleted());
            assertEquals(1, s.streamsFaulted());
            assertEquals(1L, s.faults().get("error_event"));
            assertEquals(1L, s.faults().get("http"));
        }
    }

    @Test
    void shouldApplyTheProfilesKeysAndRateLimitsOnBothRoutes() throws Exception {
        for (String[] route : new String[][] {{"/v1/responses", RESPONSES}, {"/v1/completions", COMPLETIONS}}) {
            String locked = route[1].replace("instant", "locked");
            RawHttpClient.Response refused = post(route[0], locked);
            assertEquals(401, refused.status(), route[0]);
            assertEquals("invalid_api_key", JSON.readTree(refused.body()).at("/error/code").asText());
            assertEquals(200, post(route[0], locked, "Authorization", "Bearer k").status());
        }
        assertEquals(200, post("/v1/responses", RESPONSES.replace("instant", "limited")).status());
        RawHttpClient.Response limited = post("/v1/completions", COMPLETIONS.replace("instant", "limited"));
        assertEquals(429, limited.status(), "one bucket per profile, whatever the route");
        assertEquals("rate_limit_exceeded", JSON.readTree(limited.body()).at("/error/code").asText());
    }

    @Test
    void shouldBendTheNewStreamsWithTheStreamFaults() throws Exception {
        List<String> noFinish = data(post("/v1/responses", RESPONSES, "x-mock-fault", "no_finish"));
        assertTrue(noFinish.stream().noneMatch(d -> d.contains("\"response.completed\"")), "no terminal event");
        List<String> noDone = data(post("/v1/completions", COMPLETIONS, "x-mock-fault", "no_done",
                "x-mock-output-tokens", "4"));
        assertFalse(noDone.contains("[DONE]"));
        assertTrue(noDone.get(noDone.size() - 1).contains("\"finish_reason\":\"stop\""));

        List<String> normal = data(post("/v1/responses", RESPONSES, "x-mock-seed", "9", "x-mock-output-tokens", "6"));
        List<String> duplicated = data(post("/v1/responses", RESPONSES, "x-mock-seed", "9", "x-mock-output-tokens", "6",
                "x-mock-fault", "duplicate@after_chunks=6"));
        assertEquals(normal.size() + 1, duplicated.size());
        assertEquals(duplicated.get(6), duplicated.get(7), "the event after six is sent twice, sequence number too");

        List<String> malformed = data(post("/v1/responses", RESPONSES, "x-mock-fault", "malformed:kind=truncated@after_chunks=5",
                "x-mock-output-tokens", "3"));
        assertEquals(4 + 3 + 4 + 1, malformed.size(), "one broken event more, then the stream goes on");
        assertTrue(malformed.get(malformed.size() - 1).contains("\"response.completed\""));

        StringBuilder text = new StringBuilder();
        RawHttpClient.Response fragmented = post("/v1/completions", COMPLETIONS.replace("instant", "emoji"),
                "x-mock-fault", "fragment:mode=utf8");
        for (String d : data(fragmented)) {
            if (!d.equals("[DONE]")) {
                text.append(JSON.readTree(d).at("/choices/0/text").asText());
            }
        }
        assertEquals("héllo 東京 🚀 ok", text.toString());
        assertTrue(fragmented.chunkSizes().size() >= 4, "split inside the multi-byte characters");
    }

    private static List<String> data(RawHttpClient.Response r) {
        List<String> out = new ArrayList<>();
        for (RawHttpClient.Event e : r.events()) {
            if (e.data() != null) {
                out.add(e.data());
            }
        }
        return out;
    }

    private static long stamp(RawHttpClient.Event e) {
        return Long.parseLong(e.lines().get(0).substring(": t=".length()));
    }
}
