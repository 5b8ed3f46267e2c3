package io.streambench.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streambench.mock.MockServer;
import io.streambench.mock.MockServerConfig;
import io.streambench.mock.profile.RequestOverrides;
import io.streambench.mock.tls.SelfSignedCertificates;
import io.streambench.mock.tls.TlsIdentity;
import io.streambench.mock.testing.LeakTracking;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The driver over https against the mock with TLS: streams, keep-alive reuse, and rejected certificates. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
@ExtendWith(LeakTracking.class)
class HttpsTest {

    private static final RetryPolicy TWO_RETRIES = new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(20));

    private static TlsIdentity identity;
    private static MockServer server;

    @BeforeAll
    static void startMock() {
        identity = TlsIdentity.selfSigned();
        server = MockServer.start(MockServerConfig.defaults().withTls(identity));
    }

    @AfterAll
    static void stopMock() {
        server.close();
    }

    @Test
    void shouldStreamOverHttpsAndReuseTheTlsConnections(@TempDir Path dir) throws Exception {
        Path ca = dir.resolve("ca.pem");
        Files.writeString(ca, identity.certificatesPem(), StandardCharsets.US_ASCII);
        long handshakesBefore = server.tlsHandshakes();

        Runs.Recorded r = Runs.run(Runs.config(Runs.target(server.baseUrl(), "paced",
                RequestOverrides.OUTPUT_TOKENS, "10", RequestOverrides.TTFT_MS, "20", RequestOverrides.ITL_MS, "2",
                RequestOverrides.TIMESTAMPS, "true"),
                List.of(new Workload.Closed(4)), Runs.requests(40), Runs.SHORT, Runs.NO_RETRY), ClientTls.fromCaFile(ca));

        assertTrue(server.baseUrl().startsWith("https://"), server.baseUrl());
        assertEquals(40, r.rows().size());
        assertTrue(r.rows().stream().allMatch(row -> row.ending().error() == ErrorClass.NONE), () -> r.rows().toString());
        assertTrue(r.rows().stream().allMatch(row -> row.received().chunks() == 10 && "usage".equals(row.received().tokenSource().label())));
        StageMetrics stage = r.stages.get(0);
        assertEquals(40, stage.interval(Metric.TTFT, null).getTotalCount());
        assertTrue(stage.interval(Metric.ITL, null).getTotalCount() >= 40 * 9);
        assertTrue(stage.interval(Metric.STAMP_OVERHEAD, null).getTotalCount() > 0, "send stamps seen");
        // Keep-alive: 4 streams in flight need at most 4 connections, each with one handshake.
        long fresh = r.rows().stream().filter(row -> row.times().connectNanos() > 0).count();
        long handshakes = server.tlsHandshakes() - handshakesBefore;
        assertTrue(fresh >= 1 && fresh <= 4, "new connections: " + fresh);
        assertEquals(fresh, handshakes, "one TLS handshake per new connection");
        assertEquals(40 - fresh, r.rows().stream().filter(row -> row.times().connectNanos() == 0).count());
    }

    @Test
    void shouldRejectACertificateTheJdkDoesNotTrustAsTlsWithoutRetrying() {
        assertRejected(server, ClientTls.DEFAULT);
    }

    @Test
    void shouldRejectACertificateForAnotherHostName() {
        TlsIdentity otherHost = SelfSignedCertificates.create(List.of("wrong.example"),
                Instant.now().minus(Duration.ofHours(1)), Instant.now().plus(Duration.ofDays(1)));
        try (MockServer wrong = MockServer.start(MockServerConfig.defaults().withTls(otherHost))) {
            String message = assertRejected(wrong, new ClientTls(otherHost.chain(), false, "test"));
            assertTrue(message.contains("127.0.0.1"), message);
            // --insecure skips both checks.
            Runs.Recorded insecure = Runs.run(Runs.config(Runs.target(wrong.baseUrl(), "instant"),
                    List.of(new Workload.Closed(1)), Runs.requests(2), Runs.SHORT, Runs.NO_RETRY),
                    new ClientTls(null, true, null));
            assertTrue(insecure.rows().stream().allMatch(row -> row.ending().error() == ErrorClass.NONE),
                    () -> insecure.rows().toString());
        }
    }

    @Test
    void shouldRejectAnExpiredCertificate() {
        // PKIX never checks a trust anchor's dates, so the expired certificate is a leaf of a trusted CA.
        TlsIdentity ca = SelfSignedCertificates.create(List.of("test-ca"), Instant.now().minus(Duration.ofDays(10)),
                Instant.now().plus(Duration.ofDays(10)));
        TlsIdentity expired = SelfSignedCertificates.issue(ca, TlsIdentity.LOOPBACK_NAMES,
                Instant.now().minus(Duration.ofDays(10)), Instant.now().minus(Duration.ofDays(1)));
        ClientTls trustingCa = new ClientTls(List.of(ca.chain().get(0)), false, "test");
        try (MockServer old = MockServer.start(MockServerConfig.defaults().withTls(expired))) {
            String message = assertRejected(old, trustingCa);
            assertTrue(message.toLowerCase(java.util.Locale.ROOT).contains("expired")
                    || message.contains("NotAfter"), message);
        }
        // The same CA's valid leaf passes: the rejection was the date, not the chain.
        TlsIdentity valid = SelfSignedCertificates.issue(ca, TlsIdentity.LOOPBACK_NAMES,
                Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(1)));
        try (MockServer ok = MockServer.start(MockServerConfig.defaults().withTls(valid))) {
            Runs.Recorded r = Runs.run(Runs.config(Runs.target(ok.baseUrl(), "instant"), List.of(new Workload.Closed(1)),
                    Runs.requests(1), Runs.SHORT, Runs.NO_RETRY), trustingCa);
            assertEquals(ErrorClass.NONE, r.rows().get(0).ending().error(), () -> r.rows().toString());
        }
    }

    @Test
    void shouldTimeOutAHandshakeThatNeverAnswersAsAConnectError() throws Exception {
        // The kernel completes the TCP connect from the backlog; nobody ever reads or answers the ClientHello.
        try (ServerSocket silent = new ServerSocket(0, 16, InetAddress.getLoopbackAddress())) {
            Timeouts quick = new Timeouts(Duration.ofMillis(300), Duration.ofSeconds(5), Duration.ofSeconds(5),
                    Duration.ofSeconds(20));
            long start = System.nanoTime();
            Runs.Recorded r = Runs.run(Runs.config(Runs.target("https://127.0.0.1:" + silent.getLocalPort(), "instant"),
                    List.of(new Workload.Closed(1)), Runs.requests(1), quick, Runs.NO_RETRY), ClientTls.DEFAULT);
            long tookMillis = (System.nanoTime() - start) / 1_000_000;

            AttemptRow row = r.rows().get(0);
            assertEquals(ErrorClass.CONNECT, row.ending().error(), row::toString);
            assertTrue(row.ending().message().contains("tls handshake"), row::toString);
            assertTrue(tookMillis < 3_000, "took " + tookMillis);
        }
    }

    /** Two requests against {@code target}: each fails once with {@code tls}, fast, and is not retried. */
    private static String assertRejected(MockServer target, ClientTls tls) {
        long start = System.nanoTime();
        Runs.Recorded r = Runs.run(Runs.config(Runs.target(target.baseUrl(), "instant"),
                List.of(new Workload.Closed(1)), Runs.requests(2), Runs.SHORT, TWO_RETRIES), tls);
        long tookMillis = (System.nanoTime() - start) / 1_000_000;

        assertEquals(2, r.rows().size(), () -> r.rows().toString());
        for (AttemptRow row : r.rows()) {
            assertEquals(ErrorClass.TLS, row.ending().error(), row::toString);
            assertEquals(1, row.id().attempt(), row::toString);
            assertEquals(0, row.ending().status());
            assertTrue(row.times().sendSinceOrigin() < 0, "never sent: " + row);
        }
        assertEquals(0, r.outcome.succeeded());
        assertTrue(tookMillis < 5_000, "took " + tookMillis);
        return r.rows().get(0).ending().message();
    }
}
