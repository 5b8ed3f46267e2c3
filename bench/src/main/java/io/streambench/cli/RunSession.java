package io.streambench.cli;

import io.streambench.client.stack.ClientStack;
import io.streambench.client.stack.ClientStackProvider;
import io.streambench.client.stack.StackSettings;
import io.streambench.driver.ClientTls;
import io.streambench.driver.HttpTransport;
import io.streambench.driver.LoadRunner;
import io.streambench.driver.RunConfig;
import io.streambench.driver.RunOutcome;
import io.streambench.driver.gateway.GatewayRun;
import io.streambench.driver.limits.LimitPlan;
import io.streambench.driver.limits.StageVerdict;
import io.streambench.driver.gateway.GatewaySettings;
import io.streambench.mock.MockServer;
import io.streambench.mock.UsageException;
import io.streambench.mock.profile.RequestOverrides;
import io.streambench.mock.tls.TlsIdentity;
import io.streambench.report.ProgressDisplay;
import io.streambench.report.RunDirectory;
import io.streambench.report.RunReport;
import io.streambench.report.StageSummary;
import io.streambench.report.folder.RunJson;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * One run from start to report: starts the embedded mock (if any), the transport, the runner and a
 * once-a-second reporting tick ({@link ReportTicker}); stops cleanly on {@link #stop()} or Ctrl-C and always writes
 * its files ({@link RunEnding}). It stays one file of about 300 lines because its steps share the stop flag and
 * the handles {@link #stop()} reaches from another thread (warm-up, runner, gateway run): apart, each would need
 * them passed in.
 *
 * <pre>{@code
 * RunSession.Result result = new RunSession(config, mock, Path.of("reports"), System.out, true).execute();
 * }</pre>
 */
public final class RunSession {

    /** What a finished run left; {@code dir} is null when it was stopped before its {@code --start-at}. */
    public record Result(Path dir, RunOutcome outcome, List<StageSummary> stages) {
    }

    private final RunConfig config;
    private final EmbeddedMock mock;
    private final Path outParent;
    private final PrintStream console;
    private final boolean progress;
    private final ClientTls clientTls;
    private final Launch launch;
    private final CountDownLatch written = new CountDownLatch(1);
    private volatile LoadRunner runner;
    private volatile ClientWarmup warmup;
    private volatile boolean stopRequested;
    private volatile boolean stoppedByShutdown;
    private long clientWarmup;
    private RunJson.ClientWarmup warmupFigures;
    private GatewaySettings gateway;
    /** The client stack of {@code --client}, or null for the driver's own Netty client. */
    private ClientStack stack;
    private volatile GatewayRun gatewayRun;
    private Function<IntFunction<StageVerdict>, LimitPlan> limits;

    /**
     * @param mock     the embedded mock to start, or null to use the config's target as is
     * @param console  where progress and the summary go
     * @param progress print a progress line once a second
     */
    public RunSession(RunConfig config, EmbeddedMock mock, Path outParent, PrintStream console, boolean progress) {
        this(config, mock, outParent, console, progress, ClientTls.DEFAULT);
    }

    /**
     * @param clientTls how https targets are checked; an embedded mock with TLS is trusted through its own
     *                  certificate instead
     */
    public RunSession(RunConfig config, EmbeddedMock mock, Path outParent, PrintStream console, boolean progress,
            ClientTls clientTls) {
        this(config, mock, outParent, console, progress, clientTls, Launch.now());
    }

    /**
     * @param launch when to start the load (after the mock and the transport are up) and this driver's id,
     *               both written to {@code run.json}
     */
    public RunSession(RunConfig config, EmbeddedMock mock, Path outParent, PrintStream console, boolean progress,
            ClientTls clientTls, Launch launch) {
        this.config = config;
        this.launch = launch;
        this.mock = mock;
        this.outParent = outParent;
        this.console = console;
        this.progress = progress;
        this.clientTls = clientTls;
    }

    /**
     * Before the first measured request, streams {@code requests} answers from a mock of its own on loopback through
     * the same client path ({@link ClientWarmup}); zero (the default here; the CLI's is 2,000) for none.
     */
    public RunSession clientWarmup(long requests) {
        if (requests < 0) {
            throw new UsageException("--client-warmup must be >= 0 requests, got " + requests);
        }
        this.clientWarmup = requests;
        return this;
    }

    /**
     * Measures a gateway: the config's target is the gateway, which forwards to the embedded mock (or a standalone
     * one); a direct baseline runs beside the load, and the figures are joined by tag ({@link GatewayRun}).
     */
    public RunSession gateway(GatewaySettings settings) {
        this.gateway = settings;
        return this;
    }

    /**
     * Runs the stages of a sweep or a search instead of the config's list: {@code plan} makes it from each
     * finished stage's verdict; its outcome is printed and written to run.json ({@code results.limits}).
     */
    public RunSession limits(Function<IntFunction<StageVerdict>, LimitPlan> plan) {
        this.limits = plan;
        return this;
    }

    /** Asks a running session to stop; it still writes everything measured so far. Any thread. */
    public void stop() {
        stopRequested = true;
        GatewayRun g = gatewayRun;
        if (g != null) {
            g.stop();
        }
        ClientWarmup w = warmup;
        if (w != null) {
            w.stop();
        }
        LoadRunner r = runner;
        if (r != null) {
            r.stop();
        }
    }

    /** Runs with a shutdown hook that stops the run on Ctrl-C and waits (up to 20 s) for the report. */
    public Result executeWithShutdownHook() {
        Thread hook = new Thread(() -> {
            stoppedByShutdown = true;
            stop();
            try {
                written.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "streambench-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return execute();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // shutting down already: the hook is running and waits for us
            }
        }
    }

    /** True when the shutdown hook of {@link #executeWithShutdownHook()} stopped the run (Ctrl-C, SIGTERM). */
    public boolean stoppedByShutdown() {
        return stoppedByShutdown;
    }

    /** Runs; blocks until the run ended and its report is written. */
    public Result execute() {
        TlsIdentity mockTls = mock != null && mock.tls() ? TlsIdentity.selfSigned() : null;
        MockServer server = mock == null ? null : mock.start(mockTls, gateway);
        try {
            RunConfig effective = server == null || gateway != null ? config
                    : config.withTarget(config.target().withOrigin(server.baseUrl()));
            ClientTls tls = mockTls == null ? clientTls : new ClientTls(mockTls.chain(), false, "embedded mock");
            console.println("target: " + effective.target().url() + (gateway != null ? " (gateway)"
                    : server == null ? "" : " (embedded mock)"));
            console.flush();
            try (HttpTransport transport = new HttpTransport(effective.target(), effective.timeouts(),
                    effective.ioThreads(), tls); ClientStack stack = stack(effective)) {
                this.stack = stack;
                if (gateway != null) {
                    gatewayRun = new GatewayRun(gateway, effective, server, transport);
                    console.println("gateway mode: the gateway forwards to " + gatewayRun.mockLabel()
                            + "; a direct baseline runs beside the load");
                    console.flush();
                }
                warmUp(effective, transport);
                if (!awaitStart()) {
                    return new Result(null, new RunOutcome(List.of(), true, 0, 0), List.of());
                }
                Path dir = RunDirectory.create(outParent, effective.name());
                RunReport report = new RunReport(dir, effective, transport.transport().label());
                try {
                    return run(effective, transport, report, server);
                } finally {
                    report.close();
                }
            }
        } finally {
            if (server != null) {
                server.close();
            }
            written.countDown();
        }
    }

    private Result run(RunConfig effective, HttpTransport transport, RunReport report, MockServer server) {
        GatewayRun g = gatewayRun;
        LoadRunner r = g == null ? new LoadRunner(effective, transport, report, report.startNanos(), null, stack)
                : new LoadRunner(effective, transport, g.observer(report), report.startNanos(), g.tap());
        LimitPlan plan = limits == null ? null : limits.apply(i -> verdict(report, i));
        if (plan != null) {
            r.plan(plan);
        }
        runner = r;
        if (stopRequested) {
            r.stop();
        }
        if (g != null) {
            g.startBaseline(report.startNanos());
        }
        ReportTicker ticker = new ReportTicker(report, ProgressDisplay.create(console, effective.bounds(), progress),
                console);
        RunOutcome outcome;
        try {
            outcome = r.run();
        } finally {
            ticker.stop();
        }
        return RunEnding.finish(console, report, outcome, driverJson(effective, server), g, plan);
    }

    /** run.json's driver section: this driver, its launch and warm-up, the embedded mock and the client's TLS. */
    private RunJson.Driver driverJson(RunConfig effective, MockServer server) {
        RunJson.MockServer mockJson = server == null ? null : mock.json(server);
        RunJson.Tls tlsJson = !effective.target().tls() ? null : new RunJson.Tls(clientTls.insecure() && server == null,
                server != null ? "embedded mock" : clientTls.rootsSource() != null ? clientTls.rootsSource() : "jdk");
        return new RunJson.Driver(launch.driverId(), launch.driverIndex(),
                launch.startAt() == null ? null : launch.startAt().toString(), warmupFigures, mockJson, tlsJson);
    }

    /** The verdict of finished stage {@code index}. */
    private static StageVerdict verdict(RunReport report, int index) {
        for (StageSummary s : report.stages()) {
            if (s.index() == index && s.verdict() != null) {
                return s.verdict();
            }
        }
        throw new IllegalStateException("stage " + index + " has no verdict (it did not end)");
    }

    /** What the client warm-up leaves free before {@code --start-at}, for the load to start on time. */
    private static final Duration START_MARGIN = Duration.ofMillis(500);

    /** The client warm-up, part of setting up: before {@code --start-at} is awaited. */
    private void warmUp(RunConfig effective, HttpTransport transport) {
        if (clientWarmup == 0 || stopRequested) {
            return;
        }
        long deadline = System.nanoTime() + ClientWarmup.TIME_LIMIT.toNanos();
        if (launch.startAt() != null) {
            // Part of setting up: it ends early rather than make this driver miss the agreed start.
            long untilStart = Duration.between(Instant.now(), launch.startAt()).minus(START_MARGIN).toNanos();
            deadline = Math.min(deadline, System.nanoTime() + untilStart);
        }
        ClientWarmup w = new ClientWarmup(effective, mock == null ? null : mock.profiles(), clientWarmup, transport,
                deadline, stack);
        warmup = w;
        if (stopRequested) {
            w.stop();
        }
        ClientWarmup.Result result = w.run();
        warmup = null;
        warmupFigures = result.json();
        if (progress) {
            console.println(result.line());
            console.flush();
        }
    }

    /** Waits for {@code --start-at}; false when stopped first (nothing is written then). */
    private boolean awaitStart() {
        if (launch.startAt() != null && progress) {
            console.println("driver " + launch.driverId() + " waiting for --start-at " + launch.startAt() + " (in "
                    + Math.max(0, Duration.between(Instant.now(), launch.startAt()).toMillis()) + " ms)");
            console.flush();
        }
        if (launch.await(() -> stopRequested)) {
            return true;
        }
        console.println("run: stopped before --start-at " + launch.startAt() + "; nothing was measured");
        console.flush();
        return false;
    }

    /** The {@code --client} stack, made for this run (null: the driver's own Netty client). */
    private static ClientStack stack(RunConfig config) {
        ClientStackProvider provider = config.client().stack();
        if (provider == null) {
            return null;
        }
        boolean stamps = config.target().headers().entrySet().stream().anyMatch(h ->
                h.getKey().equalsIgnoreCase(RequestOverrides.TIMESTAMPS) && h.getValue().equalsIgnoreCase("true"));
        return provider.create(new StackSettings(config.client().parser(), config.timeouts().connect(),
                config.ioThreads(), stamps));
    }
}
