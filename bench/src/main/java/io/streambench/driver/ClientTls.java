package io.streambench.driver;

import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import io.netty.util.NetUtil;
import io.streambench.mock.UsageException;
import io.streambench.mock.tls.TlsIdentity;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLException;

/**
 * How the driver checks https servers: the JDK's trusted roots (default), only the roots of a CA file, or
 * nothing at all ({@code --insecure}). Host names are always checked (RFC 2818 / 6125, the JDK's
 * {@code HTTPS} endpoint identification) unless insecure.
 *
 * <pre>{@code
 * ClientTls tls = ClientTls.fromCaFile(Path.of("ca.pem"));
 * SslContext context = tls.context("api.example.com");
 * }</pre>
 *
 * @param roots       trusted root certificates instead of the JDK's, or null for the JDK's (cacerts)
 * @param insecure    trust every certificate and skip host name checks (testing only)
 * @param rootsSource where {@code roots} came from, for run.json (a file name, "embedded mock"), or null
 */
public record ClientTls(List<X509Certificate> roots, boolean insecure, String rootsSource) {

    /** The JDK's trusted roots and host name verification. */
    public static final ClientTls DEFAULT = new ClientTls(null, false, null);

    public ClientTls {
        if (roots != null) {
            if (roots.isEmpty()) {
                throw new IllegalArgumentException("roots must not be empty (null for the JDK's)");
            }
            roots = List.copyOf(roots);
        }
        if (insecure && roots != null) {
            throw new IllegalArgumentException("--insecure excludes --ca-file");
        }
    }

    /** Trusts only the PEM certificates of {@code caFile} (they replace the JDK's roots). */
    public static ClientTls fromCaFile(Path caFile) {
        return new ClientTls(TlsIdentity.readCertificates(caFile, "--ca-file " + caFile), false, caFile.toString());
    }

    /**
     * A client context for {@code host}: JDK provider (netty-tcnative is not a dependency), ALPN offering
     * http/1.1 only (the driver speaks HTTP/1.1), SNI with {@code host} unless it is an IP literal.
     *
     * @throws UsageException when TLS cannot be set up for this host with these roots
     */
    public SslContext context(String host) {
        SslContextBuilder builder = SslContextBuilder.forClient()
                .sslProvider(SslProvider.JDK)
                .applicationProtocolConfig(new ApplicationProtocolConfig(ApplicationProtocolConfig.Protocol.ALPN,
                        ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                        ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT,
                        ApplicationProtocolNames.HTTP_1_1));
        try {
            if (!NetUtil.isValidIpV4Address(host) && !NetUtil.isValidIpV6Address(host)) {
                builder.serverName(new SNIHostName(host));
            }
            if (insecure) {
                builder.trustManager(InsecureTrustManagerFactory.INSTANCE).endpointIdentificationAlgorithm(null);
            } else {
                builder.endpointIdentificationAlgorithm("HTTPS");
                if (roots != null) {
                    builder.trustManager(roots);
                }
            }
            return builder.build();
        } catch (SSLException | IllegalArgumentException e) {
            // The host of the URL (SNI) and the CA file are the user's.
            throw new UsageException("cannot set up TLS for host=" + host + ": " + e.getMessage(), e);
        }
    }
}
