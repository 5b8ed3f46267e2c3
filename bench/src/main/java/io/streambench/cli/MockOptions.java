package io.streambench.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code run}'s options for the embedded mock server (without {@code --url} only). */
final class MockOptions {
    @Option(names = "--mock-profile", paramLabel = "NAME", description = "Profile: instant, realistic, paced, echo, or one from --mock-profiles (default: ${DEFAULT-VALUE}).")
    String profile = "realistic";

    @Option(names = "--ttft-ms", paramLabel = "DIST", description = "Time to first token in ms, a distribution: 200, uniform:100:300, lognormal:300:0.4...")
    String ttftMs;

    @Option(names = "--itl-ms", paramLabel = "DIST", description = "Gap between chunks in ms, a distribution.")
    String itlMs;

    @Option(names = "--tokens-per-chunk", paramLabel = "DIST", description = "Tokens per content chunk, a distribution.")
    String tokensPerChunk;

    @Option(names = "--mock-profiles", paramLabel = "FILE", description = "YAML or JSON profiles file for the embedded mock.")
    Path profiles;

    @Option(names = "--mock-tls", description = "Serve https with a self-signed certificate made at start (the driver trusts it), to measure what TLS costs.")
    boolean tls;

    @Option(names = "--send-stamps", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Ask the embedded mock for ': t=' send stamps, to measure the driver's own overhead per event (default: ${DEFAULT-VALUE}).")
    boolean sendStamps = true;
}
