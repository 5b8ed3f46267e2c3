package io.streambench.mock;

import io.streambench.mock.profile.ProfileLoader;
import io.streambench.mock.profile.Profiles;
import io.streambench.mock.tls.TlsIdentity;

/**
 * How to run a {@link MockServer}.
 *
 * @param host the address to bind (loopback by default)
 * @param port the port, 0 for any free one
 * @param profiles the profiles to serve
 * @param ioThreads event loop threads; 0 for one per available processor
 * @param maxBodyBytes largest request body accepted (larger gets 413)
 * @param transport the socket transport; null for {@link Transport#best()} (epoll when available, else NIO)
 * @param idleTimeoutMillis a connection with no request in flight and nothing received for this long is
 *     closed; 0 never
 * @param tls the key and certificates to serve https with, or null for plain http
 * @param recordLimit keep records of this many tagged requests at most ({@link io.streambench.mock.record.Recorder}),
 *     for a driver measuring a gateway; 0 records nothing
 */
public record MockServerConfig(String host, int port, Profiles profiles, int ioThreads, int maxBodyBytes,
        Transport transport, long idleTimeoutMillis, TlsIdentity tls, int recordLimit) {

    /** Default largest request body: 4 MiB, ample for long conversations with tools. */
    public static final int DEFAULT_MAX_BODY_BYTES = 4 * 1024 * 1024;
    /** Default idle timeout: one minute, like common reverse proxies. */
    public static final long DEFAULT_IDLE_TIMEOUT_MILLIS = 60_000;

    public MockServerConfig {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be in [0, 65535], got " + port);
        }
        if (profiles == null || profiles.byName().isEmpty()) {
            throw new IllegalArgumentException("at least one profile is required");
        }
        if (ioThreads < 0) {
            throw new IllegalArgumentException("ioThreads must be >= 0, got " + ioThreads);
        }
        if (maxBodyBytes < 1024) {
            throw new IllegalArgumentException("maxBodyBytes must be >= 1024, got " + maxBodyBytes);
        }
        transport = transport == null ? Transport.best() : transport;
        if (idleTimeoutMillis < 0) {
            throw new IllegalArgumentException("idleTimeoutMillis must be >= 0, got " + idleTimeoutMillis);
        }
        if (recordLimit < 0) {
            throw new IllegalArgumentException("recordLimit must be >= 0 (0 records nothing), got " + recordLimit);
        }
    }

    /** A server that records nothing. */
    public MockServerConfig(String host, int port, Profiles profiles, int ioThreads, int maxBodyBytes,
            Transport transport, long idleTimeoutMillis, TlsIdentity tls) {
        this(host, port, profiles, ioThreads, maxBodyBytes, transport, idleTimeoutMillis, tls, 0);
    }

    /** Loopback, any free port, built-in profiles, defaults for the rest. */
    public static MockServerConfig defaults() {
        return new MockServerConfig("127.0.0.1", 0, ProfileLoader.builtins(), 0, DEFAULT_MAX_BODY_BYTES, null,
                DEFAULT_IDLE_TIMEOUT_MILLIS, null);
    }

    /** This config with other profiles. */
    public MockServerConfig withProfiles(Profiles newProfiles) {
        return new MockServerConfig(host, port, newProfiles, ioThreads, maxBodyBytes, transport, idleTimeoutMillis, tls,
                recordLimit);
    }

    /** This config with another idle timeout. */
    public MockServerConfig withIdleTimeoutMillis(long millis) {
        return new MockServerConfig(host, port, profiles, ioThreads, maxBodyBytes, transport, millis, tls, recordLimit);
    }

    /** This config with another body limit. */
    public MockServerConfig withMaxBodyBytes(int bytes) {
        return new MockServerConfig(host, port, profiles, ioThreads, bytes, transport, idleTimeoutMillis, tls,
                recordLimit);
    }

    /** This config serving https with {@code identity} (null: plain http). */
    public MockServerConfig withTls(TlsIdentity identity) {
        return new MockServerConfig(host, port, profiles, ioThreads, maxBodyBytes, transport, idleTimeoutMillis, identity,
                recordLimit);
    }

    /** This config bound to {@code newHost}:{@code newPort}. */
    public MockServerConfig withAddress(String newHost, int newPort) {
        return new MockServerConfig(newHost, newPort, profiles, ioThreads, maxBodyBytes, transport, idleTimeoutMillis,
                tls, recordLimit);
    }

    /** This config recording at most {@code records} tagged requests (0: none). */
    public MockServerConfig withRecordLimit(int records) {
        return new MockServerConfig(host, port, profiles, ioThreads, maxBodyBytes, transport, idleTimeoutMillis, tls,
                records);
    }
}
