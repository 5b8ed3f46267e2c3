package io.streambench.mock.tls;

import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.streambench.mock.UsageException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.SSLException;

/**
 * What the mock presents over TLS: a private key and its certificate chain (leaf first).
 *
 * <pre>{@code
 * TlsIdentity id = TlsIdentity.selfSigned();                   // or fromPem(certFile, keyFile)
 * MockServer.start(MockServerConfig.defaults().withTls(id));   // serves https://127.0.0.1:port
 * }</pre>
 *
 * @param key   the private key (EC, RSA or EdDSA)
 * @param chain the certificates, leaf first
 */
public record TlsIdentity(PrivateKey key, List<X509Certificate> chain) {

    /** Names of the self-signed certificate: what a loopback client may dial. */
    public static final List<String> LOOPBACK_NAMES = List.of("localhost", "127.0.0.1", "::1");

    public TlsIdentity {
        if (key == null || chain == null || chain.isEmpty()) {
            throw new IllegalArgumentException("a TLS identity needs a key and at least one certificate");
        }
        chain = List.copyOf(chain);
    }

    /** A fresh self-signed certificate for {@link #LOOPBACK_NAMES}, valid from an hour ago for 30 days. */
    public static TlsIdentity selfSigned() {
        Instant now = Instant.now();
        return SelfSignedCertificates.create(LOOPBACK_NAMES, now.minus(Duration.ofHours(1)),
                now.plus(Duration.ofDays(30)));
    }

    /**
     * The PEM certificates of {@code file}, in file order; at least one.
     *
     * @param label how errors name the file (e.g. the option that gave it)
     * @throws UsageException naming {@code label} and the problem
     */
    public static List<X509Certificate> readCertificates(Path file, String label) {
        List<X509Certificate> certificates = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            CertificateFactory.getInstance("X.509").generateCertificates(in)
                    .forEach(c -> certificates.add((X509Certificate) c));
        } catch (IOException | GeneralSecurityException e) {
            throw new UsageException("cannot read certificates from " + label + ": " + e.getMessage());
        }
        if (certificates.isEmpty()) {
            throw new UsageException("no certificate in " + label);
        }
        return certificates;
    }

    /**
     * Reads a PEM certificate chain (leaf first) and a PEM PKCS#8 private key ({@code BEGIN PRIVATE KEY},
     * as {@code openssl genpkey} writes it; convert others with {@code openssl pkcs8 -topk8 -nocrypt}).
     *
     * @throws UsageException naming the file and the problem
     */
    public static TlsIdentity fromPem(Path certificateFile, Path keyFile) {
        List<X509Certificate> chain = readCertificates(certificateFile, certificateFile.toString());
        PrivateKey key = readPkcs8(keyFile, chain.get(0).getPublicKey().getAlgorithm());
        if (!signsFor(key, chain.get(0))) {
            throw new UsageException("the key in " + keyFile + " is not the private key of the first "
                    + "certificate in " + certificateFile + " (every TLS handshake would fail)");
        }
        return new TlsIdentity(key, chain);
    }

    /** True when a signature made with {@code key} verifies with the certificate's public key (or cannot be tried). */
    private static boolean signsFor(PrivateKey key, X509Certificate cert) {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "EdDSA", "Ed25519", "Ed448" -> key.getAlgorithm();
            default -> null;
        };
        if (algorithm == null) {
            return true;
        }
        try {
            byte[] probe = "streambench key check".getBytes(StandardCharsets.US_ASCII);
            Signature sign = Signature.getInstance(algorithm);
            sign.initSign(key);
            sign.update(probe);
            byte[] signature = sign.sign();
            Signature verify = Signature.getInstance(algorithm);
            verify.initVerify(cert.getPublicKey());
            verify.update(probe);
            return verify.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static PrivateKey readPkcs8(Path keyFile, String algorithm) {
        String pem;
        try {
            pem = Files.readString(keyFile, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UsageException("cannot read key file " + keyFile + ": " + e.getMessage());
        }
        String begin = "-----BEGIN PRIVATE KEY-----";
        int start = pem.indexOf(begin);
        int end = pem.indexOf("-----END PRIVATE KEY-----");
        if (start < 0 || end < start) {
            throw new UsageException("key file " + keyFile + " has no unencrypted PKCS#8 key (BEGIN PRIVATE KEY); "
                    + "convert it with: openssl pkcs8 -topk8 -nocrypt -in KEY -out key.pem");
        }
        try {
            byte[] der = Base64.getMimeDecoder().decode(pem.substring(start + begin.length(), end));
            return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new UsageException("cannot read the " + algorithm + " key in " + keyFile + ": " + e.getMessage());
        }
    }

    /** A server context for this identity: JDK provider, ALPN offering http/1.1 only (the mock speaks HTTP/1.1). */
    public SslContext serverContext() {
        try {
            return SslContextBuilder.forServer(key, chain.toArray(X509Certificate[]::new))
                    .sslProvider(SslProvider.JDK)
                    .applicationProtocolConfig(new ApplicationProtocolConfig(ApplicationProtocolConfig.Protocol.ALPN,
                            ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                            ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT,
                            ApplicationProtocolNames.HTTP_1_1))
                    .build();
        } catch (SSLException | IllegalArgumentException e) {
            throw new UsageException("cannot set up TLS with this key and certificate: " + e.getMessage());
        }
    }

    /** The chain as PEM text, e.g. to hand a client as its CA file. */
    public String certificatesPem() {
        StringBuilder pem = new StringBuilder();
        Base64.Encoder base64 = Base64.getMimeEncoder(64, new byte[] {'\n'});
        for (X509Certificate c : chain) {
            try {
                pem.append("-----BEGIN CERTIFICATE-----\n").append(base64.encodeToString(c.getEncoded()))
                        .append("\n-----END CERTIFICATE-----\n");
            } catch (CertificateEncodingException e) {
                throw new IllegalStateException("cannot encode certificate: " + e.getMessage(), e);
            }
        }
        return pem.toString();
    }

    @Override
    public String toString() {
        return "TlsIdentity[subject=" + chain.get(0).getSubjectX500Principal().getName() + ", chain=" + chain.size()
                + ", key=" + key.getAlgorithm() + "]";
    }
}
