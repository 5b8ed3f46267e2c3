package io.streambench.stacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streambench.client.Api;
import io.streambench.client.sse.ParserStrategy;
import io.streambench.client.stack.ClientStack;
import io.streambench.client.stack.ClientStacks;
import io.streambench.client.stack.OpenStream;
import io.streambench.client.stack.StackSettings;
import io.streambench.client.stack.StreamRequest;
import io.streambench.mock.MockServer;
import io.streambench.mock.MockServerConfig;
import io.streambench.mock.profile.RequestOverrides;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each stack of this module against the embedded mock: what it delivers, how it fails, how it stops. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StacksTest {

    private static final byte[] BODY = ("{\"model\":\"mock\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],"
            + "\"stream\":true,\"stream_options\":{\"include_usage\":true}}").getBytes(StandardCharsets.UTF_8);

    private static MockServer server;

    @BeforeAll
    static void startMock() {
        server = MockServer.start(MockServerConfig.defaults());
    }

    @AfterAll
    static void stopMock() {
        server.close();
    }

    private static StackSettings settings(boolean stamps) {
        return new StackSettings(ParserStrategy.BYTES_SCAN, Duration.ofSeconds(5), 0, stamps);
    }

    private static StreamRequest request(String url, String... headers) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Authorization", "Bearer test");
        h.put(RequestOverrides.SEED, "7");
        for (int i = 0; i < headers.length; i += 2) {
            h.put(headers[i], headers[i + 1]);
        }
        return new StreamRequest(URI.create(url), h, BODY, Api.CHAT);
    }

    private static Recorder stream(String stack, StreamRequest request, boolean stamps) throws Exception {
        try (ClientStack s = ClientStacks.named(stack).create(settings(stamps))) {
            Recorder r = new Recorder();
            s.open(request, r);
            assertTrue(r.await(20), () -> stack + " did not end: " + r);
            return r;
        }
    }

    private static String chat() {
        return server.baseUrl() + "/v1/chat/completions";
    }

    @Test
    void shouldFindEveryStackOfTheModuleThroughServiceLoader() {
        assertTrue(ClientStacks.names().containsAll(List.of("netty", "jdk", "okhttp", "openai", "spring")),
                ClientStacks.names()::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdk", "okhttp", "openai", "spring"})
    void shouldDeliverTheSameAnswerAsOurNettyClientWithASendStampPerEvent(String stack) throws Exception {
        StreamRequest request = request(chat(), RequestOverrides.PROFILE, "paced", RequestOverrides.TTFT_MS, "5",
                RequestOverrides.ITL_MS, "1", RequestOverrides.OUTPUT_TOKENS, "20", RequestOverrides.TIMESTAMPS, "true");
        Recorder netty = stream("netty", request, true);
        Recorder r = stream(stack, request, true);

        assertTrue(r.failures.isEmpty(), r::toString);
        assertEquals(1, r.completes, r::toString);
        assertEquals(200, r.status);
        assertTrue(r.contentType.startsWith("text/event-stream"), r.contentType);
        assertEquals(netty.text.toString(), r.text.toString(), "the same seed, the same answer");
        assertTrue(r.contentEvents > 0 && r.done, r::toString);
        assertEquals(20, r.outputTokens, r::toString);
        // every event of the answer came with the mock's stamp of when it was written
        assertTrue(r.stamps >= r.contentEvents, r::toString);
        assertTrue(r.firstStampOverhead >= 0 && r.firstStampOverhead < TimeUnit.SECONDS.toNanos(5), r::toString);
        assertFalse(r.overlapped, "one stream's calls never overlap");
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdk", "okhttp", "openai", "spring"})
    void shouldReportAnErrorStatusWithItsBodyAsAResponseNotAFailure(String stack) throws Exception {
        Recorder r = stream(stack, request(chat(), RequestOverrides.PROFILE, "instant", RequestOverrides.FAULT,
                "http:status=400@every=1"), false);

        assertEquals(400, r.status, r::toString);
        assertEquals(1, r.completes, r::toString);
        assertTrue(r.failures.isEmpty(), r::toString);
        assertTrue(r.errorBody.length() > 0, r::toString);
        assertEquals(0, r.contentEvents);
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdk", "okhttp", "openai", "spring"})
    void shouldFailAsARefusedConnectionWhenNothingListens(String stack) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Recorder r = stream(stack, request("http://127.0.0.1:" + port + "/v1/chat/completions"), false);

        assertEquals(1, r.failures.size(), r::toString);
        assertTrue(r.failures.get(0).startsWith("REFUSED") || r.failures.get(0).startsWith("CONNECT"), r::toString);
        assertEquals(0, r.completes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdk", "okhttp", "openai", "spring"})
    void shouldDeliverNothingMoreOnceCancelled(String stack) throws Exception {
        StreamRequest slow = request(chat(), RequestOverrides.PROFILE, "paced", RequestOverrides.TTFT_MS, "5",
                RequestOverrides.ITL_MS, "20", RequestOverrides.OUTPUT_TOKENS, "200");
        try (ClientStack s = ClientStacks.named(stack).create(settings(false))) {
            Recorder r = new Recorder();
            OpenStream stream = s.open(slow, r);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (r.contentEvents < 3 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertTrue(r.contentEvents >= 3, r::toString);
            stream.cancel();
            long cancelled = System.nanoTime();
            // 200 tokens 20 ms apart would take 4 s: well before, nothing more comes
            Thread.sleep(300);
            assertTrue(r.lastContentNanos < cancelled + TimeUnit.MILLISECONDS.toNanos(50), r::toString);
            assertEquals(0, r.completes, r::toString);
        }
    }
}
