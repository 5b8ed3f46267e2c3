package io.streambench.cli;

import io.streambench.driver.gateway.GatewaySettings;
import java.net.URI;
import java.time.Duration;
import picocli.CommandLine.Option;

/** {@code run}'s options for measuring a gateway ({@code --gateway} and what applies with it only). */
final class GatewayOptions {
    @Option(names = "--gateway", paramLabel = "URL", description = "Measure the gateway at this base URL (as --url, "
            + "which it replaces): the load goes through it to the mock it forwards to, each request tagged in its "
            + "prompt; a baseline of the same load goes straight to the mock; the two sides are joined per event.")
    URI url;

    @Option(names = "--mock-port", paramLabel = "PORT", description = "With --gateway: the embedded mock listens on this "
            + "port, where the gateway is configured to forward (its base URL http://HOST:PORT/v1).")
    Integer mockPort;

    @Option(names = "--mock-host", paramLabel = "ADDRESS", description = "With --gateway: the embedded mock's address "
            + "(0.0.0.0 for a gateway in a container; default: ${DEFAULT-VALUE}).")
    String mockHost = "127.0.0.1";

    @Option(names = "--mock-url", paramLabel = "URL", description = "With --gateway: a standalone mock (started with "
            + "'mock --record N') the gateway forwards to, instead of the embedded one; its base URL as for --url.")
    URI mockUrl;

    @Option(names = "--gateway-clock", paramLabel = "same|wall", description = "With --mock-url: same (default) "
            + "refuses a mock that does not share this host's clock; wall joins on the two wall clocks across "
            + "hosts, their difference (measured and printed) being the error of every figure.")
    String clock = "same";

    @Option(names = "--gateway-faults", paramLabel = "LIST", description = "With --gateway: faults sent through the "
            + "gateway after the load, one request each: none, or names from 429,500,529,error_event,reset,stall "
            + "and x-mock-fault specs (default: all six).")
    String faults = GatewaySettings.DEFAULT_FAULTS;

    @Option(names = "--fault-timeout", paramLabel = "DURATION", converter = Durations.class, description = "With "
            + "--gateway: the fault probes' first-token and idle timeout (default: 10s).")
    Duration faultTimeout = Duration.ofSeconds(10);
}
