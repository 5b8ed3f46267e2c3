package io.streambench.cli;

import io.streambench.client.Api;
import io.streambench.client.stack.ClientStackProvider;
import io.streambench.mock.UsageException;
import picocli.CommandLine.ParseResult;

/** Refuses the options that another client stack ({@code --client}) would ignore, each with one line. */
final class StackChecks {

    private StackChecks() {
    }

    /**
     * @param stack       the {@code --client} stack, null for the driver's own Netty client (which takes every option)
     * @param gatewayMode {@code --gateway} was given
     * @param mockTls     {@code --mock-tls} was given
     * @param api         the API the requests speak
     */
    static void refuseIgnored(ParseResult given, ClientStackProvider stack, boolean gatewayMode, boolean mockTls,
            Api api) {
        if (stack == null) {
            return;
        }
        String client = "--client " + stack.name();
        if (gatewayMode) {
            throw new UsageException("--gateway measures on the driver's own client; leave out " + client);
        }
        if (given.hasMatchedOption("--parser") && !stack.usesParser()) {
            throw new UsageException("--parser does nothing with " + client + ": it parses the stream with its own "
                    + "parser (the stacks that take --parser: netty, jdk)");
        }
        if (!stack.apis().contains(api)) {
            throw new UsageException(client + " streams " + stack.apis().stream().map(Api::label).sorted().toList()
                    + " only, not --api " + api.label());
        }
        if (mockTls || given.hasMatchedOption("--ca-file") || given.hasMatchedOption("--insecure")) {
            throw new UsageException("--mock-tls, --ca-file and --insecure are for the driver's own client; " + client
                    + " checks https certificates against the JDK's trusted roots");
        }
    }
}
