package io.streambench.mock.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streambench.mock.MockServer;
import io.streambench.mock.MockServerConfig;
import io.streambench.mock.testing.LeakTracking;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The mock's TLS identity: made at start, read from PEM files, served to a JDK https client. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
@ExtendWith(LeakTracking.class)
class TlsIdentityTest {

    @Test
    void shouldMakeASelfSignedCertificateForTheLoopbackNames() throws Exception {
        TlsIdentity id = TlsIdentity.selfSigned();

        var cert = id.chain().get(0);
        cert.checkValidity();
        cert.verify(cert.getPublicKey());
        assertEquals(cert.getSubjectX500Principal(), cert.getIssuerX500Principal());
        assertEquals(3, cert.getSubjectAlternativeNames().size(), cert.getSubjectAlternativeNames().toString());
        assertTrue(cert.getBasicConstraints() >= 0, "a CA certificate");
    }

    @Test
    void shouldServeHttpsWithPemFilesToAClientThatTrustsTheCertificate(@TempDir Path dir) throws Exception {
        TlsIdentity made = TlsIdentity.selfSigned();
        Path cert = Files.writeString(dir.resolve("cert.pem"), made.certificatesPem(), StandardCharsets.US_ASCII);
        Path key = Files.writeString(dir.resolve("key.pem"), "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(made.key().getEncoded()) + "\n-----END PRIVATE KEY-----\n");

        TlsIdentity read = TlsIdentity.fromPem(cert, key);
        assertEquals(made.chain(), read.chain());
        try (MockServer server = MockServer.start(MockServerConfig.defaults().withTls(read))) {
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            trust.setCertificateEntry("mock", read.chain().get(0));
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(null, tmf.getTrustManagers(), null);
            HttpClient client = HttpClient.newBuilder().sslContext(ssl).version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();

            HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/health"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());

            assertTrue(server.baseUrl().startsWith("https://127.0.0.1:"), server.baseUrl());
            assertEquals(200, health.statusCode());
            assertTrue(health.body().contains("ok"), health.body());
            assertEquals(1, server.tlsHandshakes());
        }
    }

    @Test
    void shouldNameTheFileWhenTheCertificateCannotBeRead(@TempDir Path dir) throws Exception {
        Path cert = Files.writeString(dir.resolve("broken.pem"), "-----BEGIN CERTIFICATE-----\nnope\n-----END CERTIFICATE-----\n");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TlsIdentity.fromPem(cert, cert));
        assertTrue(e.getMessage().contains("broken.pem"), e.getMessage());
    }

    @Test
    void shouldRefuseAKeyThatIsNotTheCertificatesOwn(@TempDir Path dir) throws Exception {
        // Served, such a pair fails every handshake (the client cannot verify the server's signature).
        Path cert = Files.writeString(dir.resolve("cert.pem"), TlsIdentity.selfSigned().certificatesPem());
        Path other = Files.writeString(dir.resolve("other-key.pem"), "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(TlsIdentity.selfSigned().key().getEncoded())
                + "\n-----END PRIVATE KEY-----\n");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TlsIdentity.fromPem(cert, other));
        assertTrue(e.getMessage().contains("other-key.pem") && e.getMessage().contains("cert.pem"), e.getMessage());
    }
}
