package io.streambench.cli;

import io.streambench.client.Api;
import io.streambench.client.stack.ClientStack;
import io.streambench.report.folder.RunJson;
import io.streambench.driver.AttemptRow;
import io.streambench.driver.Bounds;
import io.streambench.driver.ClientTls;
import io.streambench.driver.HttpTransport;
import io.streambench.driver.LoadRunner;
import io.streambench.driver.RetryPolicy;
import io.streambench.driver.RunConfig;
import io.streambench.driver.RunObserver;
import io.streambench.driver.Target;
import io.streambench.driver.Workload;
import io.streambench.mock.MockServer;
import io.streambench.mock.MockServerConfig;
import io.streambench.mock.profile.ProfileLoader;
import io.streambench.mock.profile.Profiles;
import io.streambench.mock.profile.RequestOverrides;
import io.streambench.mock.tls.TlsIdentity;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Warms the client path before the first measured request, so that no percentile measures the JIT compiler.
 * It streams {@code requests} answers (at most for {@link #TIME_LIMIT}, and never past its deadline: a
 * {@code --start-at} time stays met) with the run's own request bodies,
 * through the run's parser, flush and accumulate strategies and on the run's own event loops, from a mock server
 * of its own on loopback that answers at once (the same profiles, zero time to first token and zero gaps, short
 * answers; https when the target is https, so the TLS code warms too). The target is never contacted: a warm-up
 * costs nothing on a paid API, and the embedded mock's {@code /stats} see only the run.
 *
 * <p>Why a burst of requests rather than a longer {@code --warmup}: the code that runs once per request
 * (building and writing the request, the response head, pooling) is compiled only after some thousands of
 * calls, which a paced load at one stream takes hours to make; a burst makes them in a second or two. It is
 * bounded by a count rather than a time because compilation follows calls: on a busy machine the same seconds
 * hold a tenth of the requests.
 *
 * <pre>{@code
 * ClientWarmup warmup = new ClientWarmup(config, mockProfiles, 2000, transport);
 * ClientWarmup.Result result = warmup.run();    // blocks; stop() from another thread ends it early
 * }</pre>
 */
final class ClientWarmup {

    /** Streams kept in flight: enough to give every client event loop work on a 2-to-8-core machine. */
    static final int STREAMS = 8;
    /** The most a warm-up takes, however few of its requests a busy machine got through. */
    static final Duration TIME_LIMIT = Duration.ofSeconds(10);
    /** Output tokens per warm-up answer: short answers make more requests per second, and every event counts. */
    static final int ANSWER_TOKENS = 32;

    private final RunConfig config;
    private final java.nio.file.Path mockProfiles;
    private final long requests;
    private final HttpTransport loops;
    /** Distinct bodies the warm-up cycles through: the run's first requests, encoded once. */
    private static final int WARMUP_BODIES = 16;
    /** The model in a Gemini warm-up path (the other APIs carry the run's bodies' own). */
    private static final String WARMUP_MODEL = "instant";
    private final long deadlineNanos;
    private final ClientStack stack;
    private volatile LoadRunner runner;
    private volatile boolean stopped;

    /**
     * @param config       the run, whose bodies, headers, client strategies, timeouts and io threads are used
     * @param mockProfiles the embedded mock's profiles file, or null for the built-in profiles
     * @param requests     how many answers to stream (more than zero)
     * @param loops        the run's transport, whose event loops the warm-up runs on
     * @param deadlineNanos when it must be over, as {@code System.nanoTime()} (its mock's start included)
     * @param stack        the run's client stack, or null for the driver's own Netty client
     */
    ClientWarmup(RunConfig config, java.nio.file.Path mockProfiles, long requests, HttpTransport loops,
            long deadlineNanos, ClientStack stack) {
        this.stack = stack;
        if (requests <= 0) {
            throw new IllegalArgumentException("client warm-up requests must be > 0, got " + requests);
        }
        this.config = config;
        this.mockProfiles = mockProfiles;
        this.requests = requests;
        this.loops = loops;
        this.deadlineNanos = deadlineNanos;
    }

    /**
     * What the warm-up did.
     *
     * @param asked    the requests asked for
     * @param seconds  how long it took, starting its mock included
     * @param requests requests that ended (fewer than asked when the time limit came first)
     * @param failed   of those, the ones that failed (a warm-up never fails the run)
     */
    record Result(long asked, double seconds, long requests, long failed) {

        /** {@code run.json}'s {@code client_warmup}. */
        RunJson.ClientWarmup json() {
            return new RunJson.ClientWarmup(asked, requests, failed, Math.round(seconds * 1000) / 1000.0,
                    "a mock on loopback answering at once");
        }

        /** The console's line. */
        String line() {
            String limit = requests < asked ? String.format(java.util.Locale.ROOT, " (of %d: its time ran out first; "
                    + "the machine is busy, or --start-at is near)", asked) : "";
            return String.format(java.util.Locale.ROOT, "client warm-up: %d requests%s, %d failed, in %.1f s against "
                    + "a local mock; nothing was sent to the target (--client-warmup 0 to skip)", requests, limit, failed,
                    seconds);
        }
    }

    /** Streams the requests; returns early, with what was done, after {@link #stop()} or at the time limit. */
    Result run() {
        long start = System.nanoTime();
        Profiles profiles = mockProfiles == null ? ProfileLoader.builtins() : ProfileLoader.load(mockProfiles);
        // Another client stack checks certificates its own way (the JDK's roots): its warm-up mock serves plain http.
        TlsIdentity tls = config.target().tls() && stack == null ? TlsIdentity.selfSigned() : null;
        Counting counting = new Counting();
        try (MockServer server = MockServer.start(MockServerConfig.defaults().withProfiles(profiles).withTls(tls))) {
            // The run's API, so that its parser and its own path through the driver are the ones warmed up.
            Api api = config.target().api();
            Target target = new Target(api.onServer(server.baseUrl(), WARMUP_MODEL), headers(), "streambench-warmup",
                    config.target().requests().sample(WARMUP_BODIES), true, api);
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0) {
                return new Result(requests, (System.nanoTime() - start) / 1e9, 0, 0);
            }
            RunConfig warm = new RunConfig(config.name(), target, List.of(new Workload.Closed(STREAMS)),
                    new Bounds(Duration.ofNanos(left), requests, Duration.ZERO), config.timeouts(), new RetryPolicy(0,
                    RetryPolicy.DEFAULTS.initialBackoff(), RetryPolicy.DEFAULTS.maxBackoff()), config.client(),
                    config.seed(), config.ioThreads());
            ClientTls trust = tls == null ? ClientTls.DEFAULT : new ClientTls(tls.chain(), false, "warm-up mock");
            try (HttpTransport transport = new HttpTransport(target, config.timeouts(), trust, loops)) {
                LoadRunner r = new LoadRunner(warm, transport, counting, System.nanoTime(), null, stack);
                runner = r;
                if (stopped) {
                    r.stop();
                }
                r.run();
            }
        }
        return new Result(requests, (System.nanoTime() - start) / 1e9, counting.requests.sum(), counting.failed.sum());
    }

    /** Ends the warm-up early (Ctrl-C); any thread. */
    void stop() {
        stopped = true;
        LoadRunner r = runner;
        if (r != null) {
            r.stop();
        }
    }

    /**
     * The mock's timing knobs at zero and its faults off; send stamps when the run asks for them, so that their
     * parsing warms too. No other header of the run is sent: they may hold credentials meant for the target.
     */
    private Map<String, String> headers() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put(RequestOverrides.TTFT_MS, "0");
        h.put(RequestOverrides.ITL_MS, "0");
        h.put(RequestOverrides.OUTPUT_TOKENS, Integer.toString(ANSWER_TOKENS));
        h.put(RequestOverrides.FAULT, "");
        config.target().headers().forEach((name, value) -> {
            if (name.equalsIgnoreCase(RequestOverrides.TIMESTAMPS)) {
                h.put(name, value);
            }
        });
        return h;
    }

    /** Counts the warm-up's final attempts. */
    private static final class Counting implements RunObserver {
        final LongAdder requests = new LongAdder();
        final LongAdder failed = new LongAdder();

        @Override
        public void attempt(AttemptRow row) {
            if (!row.ending().retried()) {
                requests.increment();
                if (!row.ending().error().ok()) {
                    failed.increment();
                }
            }
        }
    }
}
