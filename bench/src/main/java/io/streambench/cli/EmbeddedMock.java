package io.streambench.cli;

import io.streambench.driver.gateway.GatewayRun;
import io.streambench.driver.gateway.GatewaySettings;
import io.streambench.mock.MockServer;
import io.streambench.mock.MockServerConfig;
import io.streambench.mock.UsageException;
import io.streambench.mock.profile.ProfileLoader;
import io.streambench.mock.profile.Profiles;
import io.streambench.mock.tls.TlsIdentity;
import io.streambench.report.folder.RunJson;
import java.nio.file.Path;

/**
 * The embedded mock server a run starts when it has no {@code --url}.
 *
 * @param profile  the profile to stream (sent as the request's model)
 * @param profiles an extra profiles file, or null
 * @param tls      serve https with a self-signed certificate made at start, which the driver then trusts
 */
public record EmbeddedMock(String profile, Path profiles, boolean tls) {

    public EmbeddedMock {
        if (profile == null || profile.isBlank()) {
            throw new UsageException("mock profile must not be blank");
        }
    }

    /** Plain http. */
    public EmbeddedMock(String profile, Path profiles) {
        this(profile, profiles, false);
    }

    /**
     * Starts the mock with these settings; an unknown profile is a usage error.
     *
     * @param tls     its certificate, or null for plain http
     * @param gateway the gateway run it serves (it then records what it writes), or null
     */
    MockServer start(TlsIdentity tls, GatewaySettings gateway) {
        Profiles known = profiles == null ? ProfileLoader.builtins() : ProfileLoader.load(profiles);
        if (!known.byName().containsKey(profile)) {
            throw new UsageException("unknown mock profile=" + profile + ", known="
                    + known.byName().keySet());
        }
        MockServerConfig config = MockServerConfig.defaults().withProfiles(known).withTls(tls);
        return MockServer.start(gateway == null ? config : GatewayRun.mockConfig(gateway, config));
    }

    /** run.json's section on this mock, {@code server} having served the run. */
    RunJson.MockServer json(MockServer server) {
        return new RunJson.MockServer(profile, profiles == null ? null : profiles.toString(),
                server.transport().label(), server.tls(), server.tls() ? server.tlsHandshakes() : null,
                server.stats());
    }
}
