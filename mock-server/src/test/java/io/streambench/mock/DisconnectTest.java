package io.streambench.mock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streambench.mock.internal.stats.ServerStats;
import io.streambench.mock.stats.StatsSnapshot;
import io.streambench.mock.testing.Await;
import io.streambench.mock.testing.LeakTracking;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Clients that go away and clients that stop reading. */
@ExtendWith(LeakTracking.class)
class DisconnectTest {

    private static final String LONG_STREAM = RawHttpClient.post("/v1/chat/completions",
            "{\"model\":\"instant\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}",
            "x-mock-ttft-ms", "0", "x-mock-itl-ms", "5", "x-mock-output-tokens", "100000");

    @Test
    void shouldCancelTheStreamWhenTheClientDisconnects() throws Exception {
        try (MockServer server = MockServer.start(MockServerConfig.defaults())) {
            try (RawHttpClient c = new RawHttpClient(server.port())) {
                c.send(LONG_STREAM);
                c.readSome(2000);
            }
            ServerStats stats = server.serverStats();
            Await.until(() -> stats.snapshot(false).streamsCancelled() == 1, "stream cancelled");
            StatsSnapshot atCancel = stats.snapshot(false);
            assertEquals(0, atCancel.activeStreams());
            Thread.sleep(100);
            assertEquals(atCancel.eventsSent(), stats.snapshot(false).eventsSent(), "no writes after the cancel");
        }
        LeakTracking.assertNoLeaks();
    }

    @Test
    void shouldStopProducingForAReaderThatDoesNotRead() throws Exception {
        try (MockServer server = MockServer.start(MockServerConfig.defaults());
                Socket s = new Socket()) {
            s.setReceiveBufferSize(4096);
            s.connect(new InetSocketAddress("127.0.0.1", server.port()), 5000);
            s.getOutputStream().write(RawHttpClient.post("/v1/chat/completions",
                    "{\"model\":\"instant\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}",
                    "x-mock-output-tokens", "1000000").getBytes(StandardCharsets.UTF_8));
            s.getOutputStream().flush();
            ServerStats stats = server.serverStats();
            // An instant stream of a million tokens would be ~300 MB; a reader that never reads must stop it early.
            Await.untilSteady(() -> stats.snapshot(false).bytesSent(), 200,
                    "production stops while the reader does not read", Await.DEFAULT_TIMEOUT_MILLIS);
            long stalledAt = stats.snapshot(false).bytesSent();
            assertTrue(stalledAt < 16 * 1024 * 1024, "bounded by socket buffers and the high water mark: " + stalledAt);
            assertEquals(1, stats.snapshot(false).activeStreams());

            // Reading again resumes the stream; the time spent unwritable is accounted for.
            InputStream in = s.getInputStream();
            byte[] buf = new byte[65536];
            long read = 0;
            while (read < stalledAt + 1_000_000) {
                int n = in.read(buf);
                assertTrue(n > 0);
                read += n;
            }
            assertTrue(stats.snapshot(false).bytesSent() > stalledAt, "resumed after the reader read");
            assertTrue(stats.snapshot(false).unwritableMs() > 0, "unwritable time recorded");
        }
        LeakTracking.assertNoLeaks();
    }
}
