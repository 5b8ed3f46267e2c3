package io.streambench.mock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.ByteBufAllocatorMetricProvider;
import io.streambench.mock.internal.stats.ServerStats;
import io.streambench.mock.testing.Await;
import io.streambench.mock.testing.LeakTracking;
import java.io.IOException;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Careless and hostile clients get their documented answer, and everybody else is still served. */
@ExtendWith(LeakTracking.class)
class HostileClientTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BODY = "{\"model\":\"instant\",\"stream\":true,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

    private static Socket connect(MockServer server) throws IOException {
        Socket s = new Socket();
        s.setSoTimeout(5000);
        s.connect(new InetSocketAddress("127.0.0.1", server.port()), 5000);
        return s;
    }

    private static void assertStillServing(MockServer server) throws IOException {
        try (RawHttpClient c = new RawHttpClient(server.port())) {
            RawHttpClient.Response r = c.postAndRead("/v1/chat/completions", BODY, "x-mock-output-tokens", "3");
            assertEquals(200, r.status());
            assertEquals("[DONE]", r.events().get(r.events().size() - 1).data());
        }
    }

    @Test
    void shouldAnswerAnOversizedBodyWith413AndAnErrorObject() throws Exception {
        try (MockServer server = MockServer.start(MockServerConfig.defaults().withMaxBodyBytes(4096));
                RawHttpClient c = new RawHttpClient(server.port())) {
            String big = "{\"model\":\"instant\",\"messages\":[{\"role\":\"user\",\"content\":\"" + "x".repeat(10_000) + "\"}]}";
            RawHttpClient.Response r = c.postAndRead("/v1/chat/completions", big);
            assertEquals(413, r.status());
            assertEquals("request_too_large", JSON.readTree(r.body()).at("/error/code").asText());
            assertStillServing(server);
        }
    }

    @Test
    void shouldAnswerOversizedHeadersWith431() throws Exception {
        try (MockServer server = MockServer.start(MockServerConfig.defaults());
                RawHttpClient c = new RawHttpClient(server.port())) {
            c.send("GET /health HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\n");
            RawHttpClient.Response r = c.read(0);
            assertEquals(431, r.status());
            assertTrue(JSON.readTree(r.body()).has("error"));
            assertStillServing(server);
        }
    }

    @Test
    void shouldAnswerGarbageWith400AndClose() throws Exception {
        try (MockServer server = MockServer.start(MockServerConfig.defaults()); Socket s = connect(server)) {
            s.getOutputStream().write("\u0000\u0001 not http at all \r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            String response = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(response.startsWith("HTTP/1.1 400"), response);
            assertStillServing(server);
        }
    }

    @Test
    void shouldCloseConnectionsThatSendNothingAfterTheIdleTimeout() throws Exception {
        try (MockServer server = MockServer.start(MockServerConfig.defaults().withIdleTimeoutMillis(200))) {
            List<Socket> idle = new ArrayList<>();
            try {
                for (int i = 0; i < 500; i++) {
                    idle.add(connect(server));
                }
                // Idle connections do not stop anyone else; a stream longer than the timeout is not cut.
                try (RawHttpClient c = new RawHttpClient(server.port())) {
                    RawHttpClient.Response r = c.postAndRead("/v1/chat/completions", BODY,
                            "x-mock-output-tokens", "30", "x-mock-itl-ms", "15");
                    assertEquals("[DONE]", r.events().get(r.events().size() - 1).data(), "450 ms stream survives");
                }
                for (Socket s : idle) {
                    assertEquals(-1, s.getInputStream().read(), "closed by the server");
                }
            } finally {
                for (Socket s : idle) {
                    s.close();
                }
            }
        }
    }

    @Test
    void shouldCountIdlenessFromTheLastAnswerNotFromTheLastRequest() throws Exception {
        try (MockServer server = MockServer.start(MockServerConfig.defaults().withIdleTimeoutMillis(300));
                RawHttpClient c = new RawHttpClient(server.port())) {
            // A 900 ms stream: the reader-idle clock fires during it; the connection must survive its end.
            c.postAndRead("/v1/chat/completions", BODY, "x-mock-output-tokens", "30", "x-mock-itl-ms", "30");
            Thread.sleep(100);
            RawHttpClient.Response again = c.postAndRead("/v1/chat/completions", BODY, "x-mock-output-tokens", "2");
            assertEquals(200, again.status(), "same connection, 100 ms after a long answer");
        }
    }

    @Test
    void shouldAnswerAnOversizedRequestPipelinedBehindAStreamInTurn() throws Exception {
        try (MockServer server = MockServer.start(MockServerConfig.defaults().withMaxBodyBytes(4096));
                RawHttpClient c = new RawHttpClient(server.port())) {
            String big = "{\"model\":\"instant\",\"messages\":[{\"role\":\"user\",\"content\":\""
                    + "x".repeat(10_000) + "\"}]}";
            c.send(RawHttpClient.post("/v1/chat/completions", BODY, "x-mock-output-tokens", "10", "x-mock-itl-ms", "20")
                    + RawHttpClient.post("/v1/chat/completions", big));
            RawHttpClient.Response stream = c.read(System.nanoTime());
            assertEquals("[DONE]", stream.events().get(stream.events().size() - 1).data(), "the stream is untouched");
            RawHttpClient.Response tooLarge = c.read(0);
            assertEquals(413, tooLarge.status());
            assertEquals("request_too_large", JSON.readTree(tooLarge.body()).at("/error/code").asText());
        }
    }

    @Test
    void shouldKeepMemoryBoundedWithAThousandReadersThatNeverRead() throws Exception {
        try (MockServer server = MockServer.start(MockServerConfig.defaults())) {
            // The server's allocator is shared with every server this JVM ran before: count from here.
            long usedBefore = usedDirectMemory(server);
            List<Socket> stalled = new ArrayList<>();
            byte[] request = RawHttpClient.post("/v1/chat/completions", BODY, "x-mock-output-tokens", "100000000",
                    "x-mock-tokens-per-chunk", "200")
                    .getBytes(StandardCharsets.UTF_8);
            try {
                for (int i = 0; i < 1000; i++) {
                    Socket s = new Socket();
                    s.setReceiveBufferSize(4096);
                    s.connect(new InetSocketAddress("127.0.0.1", server.port()), 5000);
                    s.getOutputStream().write(request);
                    stalled.add(s);
                }
                ServerStats stats = server.serverStats();
                // Until the kernel's socket buffers are full (about 1.7 MB per connection on loopback) the
                // server writes at full speed, so allow time for 1000 streams to fill them.
                Await.until(() -> stats.snapshot(false).streamsStarted() >= 1000, "1000 streams started", 60_000);
                Await.untilSteady(() -> stats.snapshot(false).bytesSent(), 300, "every stream stalls on its reader",
                        60_000);
                // A stalled stream holds more than the 64 KiB high-water mark (else it would still be writable)
                // and at most that plus one write; the rest of what was "sent" sits in the kernel's socket
                // buffers (megabytes on loopback). The lower bound shows the buffers are really counted.
                long held = usedDirectMemory(server) - usedBefore;
                assertTrue(held >= 1000L * 64 * 1024, "server-side buffers in use " + held + " (not counted?)");
                assertTrue(held < 1000L * 160 * 1024, "server-side buffers in use " + held);
                assertStillServing(server);
                assertEquals(1000, stats.snapshot(false).streamsUnwritable(), "the stall is visible while it lasts");
            } finally {
                for (Socket s : stalled) {
                    s.close();
                }
            }
            Await.until(() -> server.serverStats().activeStreams() == 0, "all cancelled on close");
            assertTrue(server.stats().unwritableMs() > 0, "stall time is visible on /stats");
        }
    }

    /** Direct memory the server's own allocator holds (arena chunks in use, for the pooled allocator). */
    private static long usedDirectMemory(MockServer server) {
        return ((ByteBufAllocatorMetricProvider) server.allocator()).metric().usedDirectMemory();
    }


}
