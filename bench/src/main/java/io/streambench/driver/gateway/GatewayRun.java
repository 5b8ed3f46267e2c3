package io.streambench.driver.gateway;

import io.streambench.mock.UsageException;
import io.streambench.client.Api;
import io.streambench.driver.AttemptRow;
import io.streambench.driver.AttemptTap;
import io.streambench.driver.Bounds;
import io.streambench.driver.ClientTls;
import io.streambench.driver.HttpTransport;
import io.streambench.driver.LoadRunner;
import io.streambench.driver.RetryPolicy;
import io.streambench.driver.RunConfig;
import io.streambench.driver.RunObserver;
import io.streambench.driver.StageMetrics;
import io.streambench.driver.Target;
import io.streambench.driver.Timeouts;
import io.streambench.driver.Workload;
import io.streambench.mock.MockServer;
import io.streambench.mock.MockServerConfig;
import io.streambench.mock.record.RecordView;
import io.streambench.mock.record.RecordsJson;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * One run measuring a gateway: the load goes through the gateway to the mock; a baseline of the same stages goes
 * straight to the mock at the same time, on the same event loops, so what the loopback and the driver take is
 * measured beside it rather than assumed; every request is tagged and every event noted on both sides. After the
 * load it sends one request per fault through the gateway, then joins everything by tag and event
 * ({@link RequestJoin}) and writes the figures ({@link GatewayFiles}, {@link GatewayConsole}, run.json).
 *
 * <pre>{@code
 * GatewayRun g = new GatewayRun(settings, config, server, transport);   // checks the clocks; may refuse
 * LoadRunner r = new LoadRunner(config, transport, g.observer(report), start, g.tap());
 * g.startBaseline(start);
 * r.run();
 * GatewayRun.Finished f = g.finish(dir, console, stopped, startMillis);   // run.json's f.json(), f.print(console)
 * }</pre>
 *
 * <p>A little over 300 lines and left whole: it is the run's sequence (check, load and baseline, faults, join,
 * write), each step already a call into its own class.
 */
public final class GatewayRun {

    /** Records the embedded mock keeps at most (its events are bounded too: {@code Recorder.DEFAULT_MAX_EVENTS}). */
    public static final int EMBEDDED_RECORD_LIMIT = 1_000_000;
    /** Requests numbered below this keep their events' data on both sides, for the stream diff. */
    static final int KEEP_FIRST = 16;
    /** Events the driver keeps in all, both routes (about 20 bytes each). */
    static final long CLIENT_EVENT_BUDGET = 4_000_000;
    /** How long to wait after the load for the mock's records to close (a gateway may cancel upstream late). */
    private static final Duration RECORD_GRACE = Duration.ofSeconds(2);

    private final GatewaySettings settings;
    private final RunConfig config;
    private final HttpTransport transport;
    private final HttpTransport baselineTransport;
    private final RunConfig baselineConfig;
    private final MockRecords records;
    private final MockClock clock;
    private final String mockLabel;
    private final String runId;
    private final TagPlacement placement;
    private final AtomicLong budget = new AtomicLong(CLIENT_EVENT_BUDGET);
    private final RouteTap gatewayTap;
    private final RouteTap directTap;
    private volatile LoadRunner baseline;
    private volatile LoadRunner faultRunner;
    private volatile boolean stopped;
    private Thread baselineThread;

    /** The embedded mock's config for a gateway run: bound where the gateway forwards, recording. */
    public static MockServerConfig mockConfig(GatewaySettings settings, MockServerConfig base) {
        return base.withAddress(settings.mockHost(), settings.mockPort()).withRecordLimit(EMBEDDED_RECORD_LIMIT);
    }

    /**
     * @param config the run, its target the gateway
     * @param server the embedded mock (recording), or null with a standalone mock
     * @param transport the run's transport to the gateway, whose event loops the baseline shares
     * @throws IllegalArgumentException when the mock's clock cannot be joined, or a body has no prompt for a tag
     */
    public GatewayRun(GatewaySettings settings, RunConfig config, MockServer server, HttpTransport transport) {
        this.settings = settings;
        this.config = config;
        this.transport = transport;
        this.placement = TagPlacement.of(config.target().requests());
        URI direct;
        if (server != null) {
            this.records = MockRecords.of(server.recorder());
            this.clock = MockClock.sameProcess();
            String host = settings.mockHost().equals("0.0.0.0") ? "127.0.0.1"
                    : settings.mockHost().equals("::") ? "::1" : settings.mockHost();
            direct = URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + server.port()
                    + "/v1/chat/completions");
            this.mockLabel = "the embedded mock on " + settings.mockHost() + ":" + server.port() + " (recording)";
        } else {
            URI admin = URI.create(settings.mockUrl().getScheme() + "://" + settings.mockUrl().getRawAuthority());
            this.records = MockRecords.over(admin);
            this.clock = ClockCheck.check(admin, settings.wallClock());
            try {
                records.fetch(); // a mock without --record answers 404 here: say so before the load, not after
            } catch (IllegalStateException | IllegalArgumentException e) {
                throw new UsageException("--mock-url " + settings.mockUrl() + ": "
                        + (e.getMessage().contains("records nothing") ? "the mock records nothing: start it with "
                        + "'mock --record N' (N: the requests it keeps)" : "cannot read its records: " + e.getMessage()));
            }
            direct = Api.CHAT.resolve(settings.mockUrl(), null);
            this.mockLabel = "the standalone mock " + admin;
        }
        Target directTarget = config.target().withUrl(direct);
        this.baselineConfig = new RunConfig(config.name(), directTarget, config.stages(), config.bounds(),
                config.timeouts(), config.retry(), config.client(), config.seed(), config.ioThreads(), 0);
        this.baselineTransport = new HttpTransport(directTarget, config.timeouts(), ClientTls.DEFAULT, transport);
        byte[] id = new byte[3];
        new SecureRandom().nextBytes(id);
        this.runId = String.format("%02x%02x%02x", id[0], id[1], id[2]);
        this.gatewayTap = new RouteTap(Route.GATEWAY, runId, placement, settings.mockSettings(), config.seed(),
                KEEP_FIRST, n -> null, budget);
        this.directTap = new RouteTap(Route.DIRECT, runId, placement, settings.mockSettings(), config.seed(),
                KEEP_FIRST, n -> null, budget);
    }

    /** Where the mock is, for the console's first lines. */
    public String mockLabel() {
        return mockLabel;
    }

    /** The main run's observer: {@code main}, and this run's record of each attempt. */
    public RunObserver observer(RunObserver main) {
        return new RunObserver() {
            @Override
            public void stageStarted(StageMetrics stage) {
                main.stageStarted(stage);
            }

            @Override
            public void attempt(AttemptRow row) {
                gatewayTap.attempt(row);
                main.attempt(row);
            }

            @Override
            public void stageEnded(StageMetrics stage) {
                main.stageEnded(stage);
            }
        };
    }

    /** The main run's tap: tags each request through the gateway and notes its events. */
    public AttemptTap tap() {
        return gatewayTap;
    }

    /** Starts the direct baseline, the same stages beside the main run's. */
    public void startBaseline(long runStartNanos) {
        LoadRunner runner = new LoadRunner(baselineConfig, baselineTransport, directTap, runStartNanos, directTap);
        baseline = runner;
        if (stopped) {
            runner.stop();
        }
        baselineThread = new Thread(runner::run, "streambench-gateway-baseline");
        baselineThread.setDaemon(true);
        baselineThread.start();
    }

    /** Stops the baseline and the fault probes; any thread. */
    public void stop() {
        stopped = true;
        LoadRunner b = baseline;
        if (b != null) {
            b.stop();
        }
        LoadRunner f = faultRunner;
        if (f != null) {
            f.stop();
        }
    }

    /** What a gateway run found: run.json's {@code gateway} object and the console section. */
    public static final class Finished {
        private final GatewayResult result;
        private final double faultTimeoutSeconds;
        private final Map<String, Object> json;

        private Finished(GatewayResult result, double faultTimeoutSeconds, Map<String, Object> json) {
            this.result = result;
            this.faultTimeoutSeconds = faultTimeoutSeconds;
            this.json = json;
        }

        /** run.json's {@code gateway} object. */
        public Map<String, Object> json() {
            return json;
        }

        /** The console section: the figures beside the baseline's, the stream changes, the fault matrix. */
        public void print(PrintStream console) {
            GatewayConsole.print(console, result, faultTimeoutSeconds);
            console.flush();
        }
    }

    /**
     * After the main run: waits for the baseline, sends the fault probes (unless stopped; a line on
     * {@code console} says so), joins, and writes the gateway files into {@code dir}.
     */
    public Finished finish(Path dir, PrintStream console, boolean mainStopped, long startMillis) {
        if (mainStopped) {
            stop();
        }
        awaitBaseline();
        baselineTransport.close();
        List<FaultProbe> probes = settings.probes();
        RouteTap faultTap = new RouteTap(Route.FAULT, runId, placement, settings.mockSettings(), config.seed(),
                Integer.MAX_VALUE, n -> n < probes.size() ? probes.get((int) n).spec() : null, budget);
        if (!stopped && !probes.isEmpty()) {
            console.println("gateway: " + probes.size() + " fault probes through the gateway (at most "
                    + settings.faultTimeout().multipliedBy(3).toSeconds() + " s)");
            console.flush();
            runFaults(probes, faultTap);
        }
        RecordsJson.Page page = fetchWhenClosed();
        Map<String, List<RecordView>> byTag = new HashMap<>();
        for (RecordView r : page.records()) {
            byTag.computeIfAbsent(r.tag(), t -> new ArrayList<>()).add(r);
        }
        List<JoinedRequest> joined = new ArrayList<>();
        List<FaultOutcome> faults = new ArrayList<>();
        for (RouteTap tap : new RouteTap[] {gatewayTap, directTap, faultTap}) {
            for (RouteTap.Attempt a : tap.attempts()) {
                JoinedRequest j = RequestJoin.join(a, byTag.getOrDefault(a.client().tag(), List.of()), clock);
                joined.add(j);
                if (a.route() == Route.FAULT && a.row().id().requestId() < probes.size()) {
                    faults.add(FaultOutcome.of(probes.get((int) a.row().id().requestId()), j, settings.faultTimeout()));
                }
            }
        }
        Map<Integer, String> stageNames = new TreeMap<>();
        for (int i = 0; i < config.stages().size(); i++) {
            stageNames.put(i, config.stages().get(i).label());
        }
        GatewayResult result = new GatewayResult(config.target().url().toString(), mockLabel, clock, runId, joined,
                stageNames, faults, page.droppedRecords(), page.droppedEvents(),
                gatewayTap.untracked() + directTap.untracked());
        GatewayFiles.write(dir, result, startMillis, System.currentTimeMillis());
        Map<String, Object> json = result.json();
        json.put("fault_timeout_s", settings.faultTimeout().toMillis() / 1e3);
        json.put("mock_settings", settings.mockSettings());
        return new Finished(result, settings.faultTimeout().toMillis() / 1e3, json);
    }

    private void awaitBaseline() {
        Thread t = baselineThread;
        if (t == null) {
            return;
        }
        long limit = config.timeouts().total().toMillis() + config.retry().maxBackoff().toMillis() + 30_000;
        try {
            t.join(limit);
            if (t.isAlive()) {
                baseline.stop();
                t.join(10_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop();
        }
    }

    /** One request per fault, all at once, through the gateway; the client neither retries nor waits long. */
    private void runFaults(List<FaultProbe> probes, RouteTap faultTap) {
        Duration t = settings.faultTimeout();
        Timeouts timeouts = new Timeouts(config.timeouts().connect(), t, t, t.multipliedBy(3));
        RunConfig faultConfig = new RunConfig(config.name(), config.target(), List.of(new Workload.Closed(probes.size())),
                new Bounds(null, probes.size(), Duration.ZERO), timeouts, new RetryPolicy(0, Duration.ofMillis(500),
                Duration.ofSeconds(1)), config.client(), config.seed(), config.ioThreads(), 0);
        LoadRunner runner = new LoadRunner(faultConfig, transport, faultTap, System.nanoTime(), faultTap);
        faultRunner = runner;
        if (stopped) {
            runner.stop();
        }
        runner.run();
    }

    /** The records, once none of this run's is still open (or after a short grace: those are reported open). */
    private RecordsJson.Page fetchWhenClosed() {
        long deadline = System.nanoTime() + RECORD_GRACE.toNanos();
        RecordsJson.Page page = records.fetch();
        while (!stopped && System.nanoTime() < deadline && page.records().stream()
                .anyMatch(r -> r.open() && r.tag().startsWith(runId + "."))) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
            page = records.fetch();
        }
        return page;
    }
}
