package io.streambench.mock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streambench.mock.profile.ProfileLoader;
import io.streambench.mock.stats.StatsSnapshot;
import io.streambench.mock.testing.Await;
import io.streambench.mock.testing.LeakTracking;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every fault, seen by a raw client exactly as the README documents it. */
@ExtendWith(LeakTracking.class)
class FaultInjectionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BODY = "{\"model\":\"instant\",\"stream\":true,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    private static MockServer server;

    @BeforeAll
    static void start() {
        server = MockServer.start(MockServerConfig.defaults().withProfiles(ProfileLoader.parse("""
                profiles:
                  limited: {extends: instant, rate_limit: {requests_per_minute: 2}}
                  flaky: {extends: instant, faults: ["http:status=503@every=2"]}
                  emoji: {extends: instant, output_tokens: null, content: {type: fixed, text: "héllo 東京 🚀 ok"}}
                """)));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static RawHttpClient.Response request(String body, String... headers) throws IOException {
        try (RawHttpClient c = new RawHttpClient(server.port())) {
            return c.postAndRead("/v1/chat/completions", body, headers);
        }
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

    private static long faults(String kind) {
        return server.stats().faults().getOrDefault(kind, 0L);
    }

    @Test
    void shouldAnswerAnInjectedHttpErrorWithRetryHeadersAndAnOpenAiBody() throws Exception {
        long before = faults("http");
        RawHttpClient.Response r = request(BODY, "x-mock-fault",
                "http:status=429,retry_after=2,retry_after_ms=1500,should_retry=true");
        assertEquals(429, r.status());
        assertEquals("2", r.headers().get("retry-after"));
        assertEquals("1500", r.headers().get("retry-after-ms"));
        assertEquals("true", r.headers().get("x-should-retry"));
        JsonNode error = JSON.readTree(r.body()).get("error");
        assertEquals("rate_limit_error", error.get("type").asText());
        assertEquals("rate_limit_exceeded", error.get("code").asText());
        assertEquals(503, request(BODY, "x-mock-fault", "http:status=503").status());
        assertEquals(before + 2, faults("http"));
    }

    @Test
    void shouldFireEveryNthRequestAndByProbabilityDeterministically() throws Exception {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            statuses.add(request(BODY.replace("instant", "flaky")).status());
        }
        assertEquals(List.of(200, 503, 200, 503), statuses);

        // p=0.5 under a fixed seed: the same answer every time for that seed.
        for (long seed = 1; seed <= 5; seed++) {
            int first = request(BODY, "x-mock-seed", "" + seed, "x-mock-fault", "http:status=500@p=0.5").status();
            int again = request(BODY, "x-mock-seed", "" + seed, "x-mock-fault", "http:status=500@p=0.5").status();
            assertEquals(first, again, "seed " + seed);
        }
    }

    @Test
    void shouldRateLimitWithAnAccurateRetryAfter() throws Exception {
        String body = BODY.replace("instant", "limited");
        assertEquals(200, request(body).status());
        assertEquals(200, request(body).status());
        RawHttpClient.Response limited = request(body);
        assertEquals(429, limited.status());
        long retryMs = Long.parseLong(limited.headers().get("retry-after-ms"));
        // Two per minute: the bucket refills one request every 30 s.
        assertTrue(retryMs > 25_000 && retryMs <= 30_000, "retry-after-ms " + retryMs);
        assertEquals("30", limited.headers().get("retry-after"));
        assertEquals("2", limited.headers().get("x-ratelimit-limit-requests"));
        assertEquals("0", limited.headers().get("x-ratelimit-remaining-requests"));
        assertTrue(faults("rate_limit") >= 1);
    }

    @Test
    void shouldSendAnErrorEventMidStreamThenEndWithoutDone() throws Exception {
        RawHttpClient.Response r = request(BODY, "x-mock-fault", "error_event:code=boom@after_chunks=3");
        assertEquals(200, r.status());
        List<String> data = data(r);
        assertEquals(4, data.size(), "three chunks, then the error: " + data);
        JsonNode error = JSON.readTree(data.get(3)).get("error");
        assertEquals("server_error", error.get("type").asText());
        assertEquals("boom", error.get("code").asText());
        assertFalse(data.contains("[DONE]"));
    }

    @Test
    void shouldEndCleanlyWithoutDoneOrWithoutFinish() throws Exception {
        List<String> noDone = data(request(BODY, "x-mock-fault", "no_done"));
        assertFalse(noDone.contains("[DONE]"));
        assertTrue(noDone.get(noDone.size() - 1).contains("\"finish_reason\":\"stop\""));

        List<String> noFinish = data(request(BODY, "x-mock-fault", "no_finish"));
        assertEquals("[DONE]", noFinish.get(noFinish.size() - 1));
        assertTrue(noFinish.stream().noneMatch(d -> d.contains("\"finish_reason\":\"")), "no finish reason");
    }

    @Test
    void shouldSendTheResponseHeadEvenWhenAFaultFiresBeforeTheFirstEvent() throws Exception {
        try (Socket s = connect()) {
            s.getOutputStream().write(RawHttpClient.post("/v1/chat/completions", BODY, "x-mock-fault", "close")
                    .getBytes(StandardCharsets.UTF_8));
            String all = readToEnd(s.getInputStream());
            assertTrue(all.startsWith("HTTP/1.1 200 OK"), all);
            assertFalse(all.contains("data:"), all);
        }
    }

    @Test
    void shouldResetTheConnectionAbruptly() throws Exception {
        try (Socket s = connect()) {
            s.getOutputStream().write(RawHttpClient.post("/v1/chat/completions", BODY,
                    "x-mock-fault", "reset@after_chunks=2", "x-mock-itl-ms", "5").getBytes(StandardCharsets.UTF_8));
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

    @Test
    void shouldCloseWithoutTheChunkedTerminator() throws Exception {
        try (Socket s = connect()) {
            s.getOutputStream().write(RawHttpClient.post("/v1/chat/completions", BODY,
                    "x-mock-fault", "close@after_chunks=2").getBytes(StandardCharsets.UTF_8));
            String all = readToEnd(s.getInputStream());
            assertTrue(all.contains("\"role\":\"assistant\""));
            assertFalse(all.endsWith("0\r\n\r\n"), "no last chunk");
            assertFalse(all.contains("[DONE]"));
        }
    }

    @Test
    void shouldStallWithPingsAndThenResume() throws Exception {
        long start = System.nanoTime();
        RawHttpClient.Response r = request(BODY, "x-mock-fault", "stall:ms=300,ping_ms=100@after_chunks=2",
                "x-mock-output-tokens", "5");
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertTrue(ms >= 300, "stalled " + ms + " ms");
        long pings = r.events().stream().filter(e -> e.lines().equals(List.of(": ping"))).count();
        assertTrue(pings >= 2 && pings <= 3, "pings " + pings);
        assertEquals("[DONE]", data(r).get(data(r).size() - 1), "resumes and completes");
    }

    @Test
    void shouldStallForeverUntilTheClientLeaves() throws Exception {
        try (Socket s = connect()) {
            s.setSoTimeout(400);
            s.getOutputStream().write(RawHttpClient.post("/v1/chat/completions", BODY,
                    "x-mock-fault", "stall@after_chunks=2").getBytes(StandardCharsets.UTF_8));
            InputStream in = s.getInputStream();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            assertThrows(java.net.SocketTimeoutException.class, () -> {
                byte[] b = new byte[4096];
                for (int n; (n = in.read(b)) >= 0; ) {
                    got.write(b, 0, n);
                }
            });
            assertTrue(got.toString(StandardCharsets.UTF_8).contains("\"role\""));
        }
        Await.until(() -> server.stats().activeStreams() == 0, "cancelled on leave");
    }

    @Test
    void shouldSendMalformedEventsAndGoOn() throws Exception {
        RawHttpClient.Response truncated = request(BODY, "x-mock-fault", "malformed:kind=truncated@after_chunks=2");
        int bad = 0;
        for (String d : data(truncated)) {
            if (!d.equals("[DONE]")) {
                try {
                    JSON.readTree(d);
                } catch (IOException e) {
                    bad++;
                }
            }
        }
        assertEquals(1, bad);
        assertEquals("[DONE]", data(truncated).get(data(truncated).size() - 1));

        try (Socket s = connect()) {
            s.getOutputStream().write(RawHttpClient.post("/v1/chat/completions", BODY,
                    "x-mock-fault", "malformed:kind=utf8@after_chunks=1", "Connection", "close")
                    .getBytes(StandardCharsets.UTF_8));
            byte[] raw = s.getInputStream().readAllBytes();
            assertTrue(indexOf(raw, new byte[] {(byte) 0xC3, '(', (byte) 0xFF}) > 0, "invalid UTF-8 on the wire");
        }
    }

    @Test
    void shouldDuplicateOneStep() throws Exception {
        List<String> normal = data(request(BODY, "x-mock-seed", "9", "x-mock-output-tokens", "6"));
        List<String> dup = data(request(BODY, "x-mock-seed", "9", "x-mock-output-tokens", "6",
                "x-mock-fault", "duplicate@after_chunks=3"));
        assertEquals(normal.size() + 1, dup.size());
        assertEquals(dup.get(3), dup.get(4), "the event after three is sent twice");
    }

    @Test
    void shouldFragmentWritesDownToSingleBytesAndInsideUtf8Characters() throws Exception {
        String emoji = BODY.replace("instant", "emoji");
        for (String mode : new String[] {"bytes", "random", "utf8"}) {
            try (RawHttpClient c = new RawHttpClient(server.port())) {
                RawHttpClient.Response r = c.postAndRead("/v1/chat/completions", emoji, "x-mock-fault", "fragment:mode=" + mode);
                StringBuilder text = new StringBuilder();
                for (String d : data(r)) {
                    if (!d.equals("[DONE]")) {
                        text.append(JSON.readTree(d).at("/choices/0/delta/content").asText(""));
                    }
                }
                assertEquals("héllo 東京 🚀 ok", text.toString(), mode);
                if (mode.equals("bytes")) {
                    assertTrue(r.chunkSizes().stream().allMatch(n -> n == 1), "single bytes");
                } else if (mode.equals("random")) {
                    assertTrue(r.chunkSizes().size() > 20, "many small chunks, got " + r.chunkSizes().size());
                } else {
                    byte[] body = r.body().getBytes(StandardCharsets.UTF_8);
                    int at = 0;
                    int insideCharacter = 0;
                    for (int size : r.chunkSizes()) {
                        at += size;
                        if (at < body.length && (body[at - 1] & 0xC0) == 0xC0) {
                            insideCharacter++; // the chunk ends on a lead byte: the character is split
                        }
                    }
                    assertEquals(4, insideCharacter, "é, 東, 京 and 🚀 each split across chunks");
                }
            }
        }
    }

    @Test
    void shouldBurstManyEventsIntoOneWrite() throws Exception {
        RawHttpClient.Response r = request(BODY, "x-mock-fault", "burst:events=8", "x-mock-itl-ms", "2",
                "x-mock-output-tokens", "32");
        assertEquals(35, r.events().size());
        // Events of one burst arrive together: far fewer distinct arrival times than events.
        long distinct = r.events().stream().mapToLong(e -> e.arrivalNanos() / 1_000_000).distinct().count();
        assertTrue(distinct <= 8, "arrival instants " + distinct);
    }

    @Test
    void shouldDelayTheResponseHeadForSlowStart() throws Exception {
        long start = System.nanoTime();
        RawHttpClient.Response r = request(BODY, "x-mock-fault", "slow_headers:ms=300");
        assertTrue((System.nanoTime() - start) / 1_000_000 >= 300);
        assertEquals(200, r.status());
    }

    @Test
    void shouldRejectABadFaultSpecWithA400NamingTheHeader() throws Exception {
        for (String bad : new String[] {"explode", "http", "http:status=200", "stall:ms=-1", "reset@after_chunks=x",
            "no_done@after_chunks=2", "fragment:mode=sideways", "http:status=500@p=2"}) {
            RawHttpClient.Response r = request(BODY, "x-mock-fault", bad);
            assertEquals(400, r.status(), bad);
            assertEquals("x-mock-fault", JSON.readTree(r.body()).at("/error/param").asText(), bad);
        }
    }

    @Test
    void shouldCountEveryFiredFaultByKindOnStats() throws Exception {
        long dup = faults("duplicate");
        long noDone = faults("no_done");
        long faulted = server.stats().streamsFaulted();
        request(BODY, "x-mock-fault", "duplicate@after_chunks=1;no_done");
        request(BODY, "x-mock-fault", "error_event@after_chunks=1");
        StatsSnapshot s = server.stats();
        assertEquals(dup + 1, s.faults().get("duplicate"));
        assertEquals(noDone + 1, s.faults().get("no_done"));
        assertEquals(faulted + 1, s.streamsFaulted(), "the error event ended its stream");
        assertNull(s.faults().get("nonexistent"));
    }

    private static Socket connect() throws IOException {
        Socket s = new Socket();
        s.setSoTimeout(5000);
        s.connect(new InetSocketAddress("127.0.0.1", server.port()), 5000);
        return s;
    }

    private static String readToEnd(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
