package io.streambench.cli;

import io.streambench.mock.UsageException;
import io.streambench.client.sse.ParserFactory;
import io.streambench.client.sse.ParserStrategy;
import java.net.URI;
import java.util.List;
import picocli.CommandLine.ParseResult;

/**
 * Refuses {@code run} options that do not fit together with {@code --gateway} (or that need it), with one line that
 * says why: nothing typed is silently ignored.
 */
final class GatewayChecks {

    private static final List<String> GATEWAY_ONLY = List.of("--mock-port", "--mock-host", "--mock-url",
            "--gateway-clock", "--gateway-faults", "--fault-timeout");

    private GatewayChecks() {
    }

    /**
     * @param gatewayMode {@code --gateway} was given
     * @param url {@code --url}, or null
     * @param mockUrl {@code --mock-url}, or null
     * @param parser {@code --parser}
     */
    static void refuseIgnored(ParseResult given, boolean gatewayMode, URI url, URI mockUrl, ParserFactory parser) {
        if (!gatewayMode) {
            for (String option : GATEWAY_ONLY) {
                if (given.hasMatchedOption(option)) {
                    throw new UsageException(option + " applies to --gateway only");
                }
            }
            return;
        }
        if (url != null) {
            throw new UsageException("--gateway and --url exclude each other: the load goes to the gateway, "
                    + "which forwards to the mock (--mock-port, or --mock-url for a standalone one)");
        }
        if (mockUrl != null && (given.hasMatchedOption("--mock-port") || given.hasMatchedOption("--mock-host"))) {
            throw new UsageException("--mock-url excludes --mock-port and --mock-host: they place the "
                    + "embedded mock, --mock-url names a standalone one");
        }
        if (mockUrl != null && given.hasMatchedOption("--mock-profiles")) {
            throw new UsageException("--mock-profiles is for the embedded mock; start the standalone mock "
                    + "with 'mock --profiles FILE --record N'");
        }
        if (mockUrl == null && given.hasMatchedOption("--gateway-clock")) {
            throw new UsageException("--gateway-clock applies to --mock-url only: the embedded mock shares "
                    + "the driver's clock");
        }
        if (given.hasMatchedOption("--mock-tls")) {
            throw new UsageException("--mock-tls does not apply to --gateway: the gateway forwards to the "
                    + "mock over plain http (give the gateway an https URL to measure TLS on the client side)");
        }
        if (given.hasMatchedOption("--send-stamps")) {
            throw new UsageException("--[no-]send-stamps does nothing with --gateway: the mock records when "
                    + "it wrote each event, and the driver joins that with each event's arrival");
        }
        if (parser instanceof ParserStrategy ours && ours.hasBlockingMode()) {
            throw new UsageException("--parser " + parser.label() + " reads on a thread of its own; --gateway needs a "
                    + "parser that reads on the event loop (" + ParserStrategy.BYTES_SCAN.label() + ", "
                    + ParserStrategy.SDK_STYLE.label()
                    + ", ...) to tell which event held the first token");
        }
    }
}
