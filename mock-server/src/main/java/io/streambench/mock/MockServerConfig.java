package io.streambench.mock;

import io.streambench.mock.profile.ProfileLoader;
import io.streambench.mock.profile.Profiles;
import java.util.Locale;

/**
 * How to run a {@link MockServer}.
 *
 * @param host the address to bind (loopback by default)
 * @param port the port, 0 for any free one
 * @param profiles the profiles to serve
 * @param ioThreads event loop threads; 0 for one per available processor
 * @param maxBodyBytes largest request body accepted (larger gets 413)
 * @param transport "auto" (epoll when available, else NIO), "epoll" or "nio"
 */
public record MockServerConfig(String host, int port, Profiles profiles, int ioThreads, int maxBodyBytes,
        String transport) {

    /** Default largest request body: 4 MiB, ample for long conversations with tools. */
    public static final int DEFAULT_MAX_BODY_BYTES = 4 * 1024 * 1024;

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
        transport = transport == null ? "auto" : transport.toLowerCase(Locale.ROOT);
        if (!transport.equals("auto") && !transport.equals("epoll") && !transport.equals("nio")) {
            throw new IllegalArgumentException("transport must be auto, epoll or nio, got " + transport);
        }
    }

    /** Loopback, any free port, built-in profiles, defaults for the rest. */
    public static MockServerConfig defaults() {
        return new MockServerConfig("127.0.0.1", 0, ProfileLoader.builtins(), 0, DEFAULT_MAX_BODY_BYTES, "auto");
    }

    /** This config with another port. */
    public MockServerConfig withPort(int newPort) {
        return new MockServerConfig(host, newPort, profiles, ioThreads, maxBodyBytes, transport);
    }

    /** This config with other profiles. */
    public MockServerConfig withProfiles(Profiles newProfiles) {
        return new MockServerConfig(host, port, newProfiles, ioThreads, maxBodyBytes, transport);
    }

    /** This config with another transport. */
    public MockServerConfig withTransport(String newTransport) {
        return new MockServerConfig(host, port, profiles, ioThreads, maxBodyBytes, newTransport);
    }
}
