package io.streambench.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.streambench.mock.MockServer;
import io.streambench.mock.MockServerConfig;
import io.streambench.mock.testing.LeakTracking;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Failures at the transport's edges, against real loopback sockets, say what went wrong in words: https to a
 * plain http port, a 200 that is not an event stream, a refused connection. Error classes are compared by
 * label so that these checks also run against a driver without the newer classes.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
@ExtendWith(LeakTracking.class)
class TransportEdgeTest {

    private static final RetryPolicy TWO_RETRIES = new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(20));

    private static MockServer plain;

    @BeforeAll
    static void startMock() {
        plain = MockServer.start(MockServerConfig.defaults());
    }

    @AfterAll
    static void stopMock() {
        plain.close();
    }

    private static List<AttemptRow> oneRequest(String baseUrl, RetryPolicy retry) {
        return Runs.run(Runs.config(Runs.target(baseUrl, "instant"), List.of(new Workload.Closed(1)),
                Runs.requests(1), Runs.SHORT, retry), ClientTls.DEFAULT).rows();
    }

    @Test
    void shouldSayInWordsThatAnHttpsUrlReachedAPlainHttpPort() {
        List<AttemptRow> rows = oneRequest(plain.baseUrl().replace("http://", "https://"), TWO_RETRIES);

        assertEquals(1, rows.size(), rows::toString);
        AttemptRow row = rows.get(0);
        assertEquals("tls", row.ending().error().label(), row::toString);
        assertEquals("tls handshake: the server answered in plain HTTP (HTTP/1.1 400 Bad Request), not TLS",
                row.ending().message());
    }

    @Test
    void shouldEndEveryAttemptWhenAPlainPortAnswersBeforeTheHandshakeIsWatched() throws Exception {
        // The answer comes at accept, so the handshake often fails (and the pipeline empties) before the
        // connect listener runs: that listener must still end the attempt, or the run never ends.
        try (ServerSocket eager = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                while (!eager.isClosed()) {
                    try (Socket s = eager.accept()) {
                        s.getOutputStream().write("HTTP/1.1 400 Bad Request\r\nconnection: close\r\n\r\n"
                                .getBytes(StandardCharsets.US_ASCII));
                    } catch (IOException closed) {
                        return;
                    }
                }
            }, "eager-plain-server");
            acceptor.start();
            // Many quick attempts (an open loop, fail-fast off) make the race likely.
            RunConfig config = new RunConfig("test", Runs.target("https://127.0.0.1:" + eager.getLocalPort(), "instant"),
                    List.of(new Workload.Open(2000, Arrival.CONSTANT, 4)), Runs.requests(3000), Runs.SHORT,
                    Runs.NO_RETRY, ClientOptions.defaults(), 7, 2, 0);
            List<AttemptRow> rows = assertTimeoutPreemptively(Duration.ofSeconds(30),
                    () -> Runs.run(config, ClientTls.DEFAULT).rows());

            assertEquals(3000, rows.size());
            assertTrue(rows.stream().allMatch(r -> r.ending().error().label().equals("tls")), rows::toString);
            eager.close();
            acceptor.join(5_000);
        }
    }

    @Test
    void shouldClassifyA200ThatIsNotAnEventStreamAsNotSseWithItsTypeAndFirstBytesAndNeverRetryIt() throws Exception {
        byte[] body = ("{\"id\":\"chatcmpl-7\",\"object\":\"chat.completion\",\"choices\":[{\"message\":{\"content\":\""
                + "x".repeat(1 << 20) + "\"}}]}").getBytes(StandardCharsets.UTF_8);
        HttpServer server = jsonServer(body);
        try {
            List<AttemptRow> rows = oneRequest("http://127.0.0.1:" + server.getAddress().getPort(), TWO_RETRIES);

            assertEquals(1, rows.size(), "never retried: " + rows);
            AttemptRow row = rows.get(0);
            assertEquals("not_sse", row.ending().error().label(), row::toString);
            assertEquals(200, row.ending().status());
            assertTrue(row.ending().message().startsWith("status=200 content-type=\"application/json; charset=utf-8\" "
                    + "{\"id\":\"chatcmpl-7\",\"object\":\"chat.completion\""), row::toString);
            assertTrue(row.ending().message().length() < 200, "bounded: " + row.ending().message().length());
            // The first bytes say enough: the megabyte behind them is not read.
            assertTrue(row.received().bytes() < body.length / 2, "read " + row.received().bytes() + " of " + body.length);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void shouldNameTheRefusedAddress() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        List<AttemptRow> rows = oneRequest("http://127.0.0.1:" + port, Runs.NO_RETRY);

        assertEquals("connect", rows.get(0).ending().error().label(), rows::toString);
        assertEquals("connection refused by 127.0.0.1:" + port, rows.get(0).ending().message());
    }

    private static HttpServer jsonServer(byte[] body) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < body.length; i += 8192) {
                    out.write(Arrays.copyOfRange(body, i, Math.min(body.length, i + 8192)));
                }
            } catch (IOException closedByTheClient) {
                // the driver stops reading after the first bytes
            }
            exchange.close();
        });
        server.start();
        return server;
    }
}
