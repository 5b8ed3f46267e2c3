package io.streambench.cli;

import io.streambench.driver.RetryPolicy;
import io.streambench.driver.RunConfig;
import io.streambench.driver.Timeouts;
import java.time.Duration;
import picocli.CommandLine.Option;

/** {@code run}'s timeouts, retries and {@code --fail-fast}. */
final class TimeoutOptions {
    @Option(names = "--connect-timeout", paramLabel = "DURATION", converter = Durations.class, description = "TCP/TLS connect (default: 10s).")
    Duration connect = Timeouts.DEFAULTS.connect();

    @Option(names = "--ttft-timeout", paramLabel = "DURATION", converter = Durations.class, description = "Send to first token (default: 60s).")
    Duration ttft = Timeouts.DEFAULTS.ttft();

    @Option(names = "--idle-timeout", paramLabel = "DURATION", converter = Durations.class, description = "Longest gap between SSE data events once tokens flow; comments do not count (default: 30s).")
    Duration idle = Timeouts.DEFAULTS.idle();

    @Option(names = "--total-timeout", paramLabel = "DURATION", converter = Durations.class, description = "Send to end of stream (default: 10m).")
    Duration total = Timeouts.DEFAULTS.total();

    @Option(names = "--retries", paramLabel = "N", description = "Retries after a connect failure, a reset before the response, or status 408/409/429/5xx (default: ${DEFAULT-VALUE}).")
    int retries = RetryPolicy.DEFAULTS.maxRetries();

    @Option(names = "--backoff", paramLabel = "DURATION", converter = Durations.class, description = "First retry wait without retry-after-ms / retry-after, doubling, minus up to 25%% jitter (default: 500ms). A --concurrency stream whose request failed waits as long before its next (doubling per failure in a row; longer if the server asks).")
    Duration backoff = RetryPolicy.DEFAULTS.initialBackoff();

    @Option(names = "--max-backoff", paramLabel = "DURATION", converter = Durations.class, description = "Ceiling of the retry wait (default: 8s).")
    Duration maxBackoff = RetryPolicy.DEFAULTS.maxBackoff();

    @Option(names = "--fail-fast", paramLabel = "N", description = "Stop the run (exit 1, one line saying why) when its first N requests all fail alike in a way retrying does not fix: a 4xx other than 408/409/429, a TLS failure, a refused connection, a 200 that is not an event stream. 0 never stops (default: ${DEFAULT-VALUE}).")
    int failFast = RunConfig.DEFAULT_FAIL_FAST;
}
