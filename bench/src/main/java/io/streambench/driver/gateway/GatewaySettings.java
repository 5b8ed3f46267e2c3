package io.streambench.driver.gateway;

import io.streambench.mock.record.Tag;
import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How to measure a gateway ({@code run --gateway}): where the gateway is, which mock it forwards to, how the two
 * clocks join, which faults to send through it.
 *
 * @param gatewayUrl the gateway's chat completions URL, where the load goes
 * @param mockHost the embedded mock's address (null with {@code mockUrl})
 * @param mockPort the embedded mock's port, on which the gateway forwards to it (0 with {@code mockUrl})
 * @param mockUrl a standalone mock ({@code mock --record N}) the gateway forwards to, or null for the embedded one
 * @param wallClock join a standalone mock on another host by the two wall clocks (its error stated)
 * @param faults {@code --gateway-faults}: {@code none}, or names and specs ({@link FaultProbe#parse})
 * @param faultTimeout the fault probes' first-token and idle timeout
 * @param mockSettings {@code x-mock-*} settings every tag carries, by name without the prefix ({@code ttft-ms}...)
 */
public record GatewaySettings(URI gatewayUrl, String mockHost, int mockPort, URI mockUrl, boolean wallClock,
        String faults, Duration faultTimeout, Map<String, String> mockSettings) {

    /** The faults sent when none are named. */
    public static final String DEFAULT_FAULTS = String.join(",", FaultProbe.DEFAULTS.keySet());

    public GatewaySettings {
        if (gatewayUrl == null) {
            throw new IllegalArgumentException("--gateway needs a URL");
        }
        if (mockUrl == null && (mockPort < 1 || mockPort > 65535)) {
            throw new IllegalArgumentException("--gateway needs --mock-port P (the port the gateway forwards to, "
                    + "where the embedded mock listens) or --mock-url URL (a standalone mock started with --record N)");
        }
        if (faultTimeout == null || faultTimeout.isNegative() || faultTimeout.isZero()) {
            throw new IllegalArgumentException("--fault-timeout must be above 0, got " + faultTimeout);
        }
        FaultProbe.parse(faults);
        mockSettings = Collections.unmodifiableMap(new LinkedHashMap<>(mockSettings == null ? Map.of() : mockSettings));
        new Tag("check", false, mockSettings); // every value must fit into a tag; fails here, not per request
    }

    /** The fault probes to send. */
    List<FaultProbe> probes() {
        return FaultProbe.parse(faults);
    }

    /** Whether the mock is the embedded one. */
    public boolean embedded() {
        return mockUrl == null;
    }
}
