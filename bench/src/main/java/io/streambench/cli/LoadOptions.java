package io.streambench.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code run}'s load: closed or open loop, how long each stage lasts, the warm-ups and the seed. */
final class LoadOptions {

    /** Enough calls for the per-request code to be compiled (see docs/measuring.md). */
    static final long DEFAULT_CLIENT_WARMUP = 2000;

    @Option(names = "--concurrency", paramLabel = "N", split = ",", description = "Closed loop: streams kept in flight; a list runs stages one after another (default: 8).")
    List<Integer> concurrency = new ArrayList<>();

    @Option(names = "--rate", paramLabel = "R", split = ",", description = "Open loop: requests per second; a list runs stages one after another.")
    List<Double> rate = new ArrayList<>();

    @Option(names = "--arrival", paramLabel = "poisson|constant", description = "Open loop: spacing of send times (default: ${DEFAULT-VALUE}).")
    String arrival = "poisson";

    @Option(names = "--max-in-flight", paramLabel = "N", description = "Open loop: cap on streams in flight; later sends wait, their wait counted in response time (default: ${DEFAULT-VALUE}).")
    int maxInFlight = 1024;

    @Option(names = "--duration", paramLabel = "DURATION", converter = Durations.class, description = "Measured time per stage, after the warmup (default: 10s unless --requests is given).")
    Duration duration;

    @Option(names = "--requests", paramLabel = "N", description = "Measured requests per stage, at least 1 (with --duration: whichever comes first).")
    long requests = 0;

    @Option(names = "--warmup", paramLabel = "DURATION", converter = Durations.class, description = "Time at the start of each stage excluded from the results (default: 0).")
    Duration warmup = Duration.ZERO;

    @Option(names = "--ramp-up", paramLabel = "DURATION", converter = Durations.class, description = "Closed loop: "
            + "the streams start spread over this time (a --warmup at least as long keeps it out of the results); 0 starts "
            + "them all at once (default: 1 ms per stream after the first, at most 1s).")
    Duration rampUp;

    @Option(names = "--client-warmup", paramLabel = "N", description = "Before the first stage, stream N short "
            + "answers (at most 10 s) from a local mock answering at once, through the same client path (parser, "
            + "strategies, event loops, TLS for https), so that no figure measures a cold JVM; nothing is sent to "
            + "the target. 0 to skip (default: ${DEFAULT-VALUE}).")
    long clientWarmup = DEFAULT_CLIENT_WARMUP;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of arrivals, backoff jitter and mock answers; same seed, same run (default: ${DEFAULT-VALUE}).")
    long seed = 1;
}
