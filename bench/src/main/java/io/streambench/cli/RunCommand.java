package io.streambench.cli;

import io.streambench.client.Api;
import io.streambench.client.accumulate.AccumulateStrategy;
import io.streambench.client.accumulate.AccumulatorFactory;
import io.streambench.client.flush.FlushPolicy;
import io.streambench.client.flush.FlushStrategy;
import io.streambench.client.sse.ParserFactory;
import io.streambench.client.sse.ParserStrategy;
import io.streambench.client.stack.ClientStackProvider;
import io.streambench.client.stack.ClientStacks;
import io.streambench.driver.Arrival;
import io.streambench.driver.Bounds;
import io.streambench.driver.ClientOptions;
import io.streambench.driver.ClientTls;
import io.streambench.driver.RetryPolicy;
import io.streambench.driver.RequestEncoder;
import io.streambench.driver.Requests;
import io.streambench.driver.RunConfig;
import io.streambench.driver.Target;
import io.streambench.driver.Timeouts;
import io.streambench.driver.Workload;
import io.streambench.driver.limits.LimitPlan;
import io.streambench.driver.limits.Objectives;
import io.streambench.driver.limits.StageVerdict;
import io.streambench.mock.Choice;
import io.streambench.mock.UsageException;
import io.streambench.driver.gateway.GatewaySettings;
import io.streambench.mock.profile.Distribution;
import io.streambench.mock.profile.RequestOverrides;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.IntFunction;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

/** {@code streambench run}: drives parallel streams against the embedded mock or a URL and writes a report. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false, usageHelpWidth = 110,
        description = {"Drives parallel streaming requests (chat completions, or --api completions, responses, messages, gemini) and writes reports/<timestamp>-<name>/ "
                + "(run.json, requests.csv, summary.csv, timeline.csv, *.hlog, report.html; see reports/README.md).",
            "Without --url it starts an embedded mock server (no network, no key). The URL requests go to is "
                + "printed at the start (target: ...) and kept in run.json.",
            "Exit codes: 0 ok, 1 the run failed (no request succeeded, or --fail-fast stopped it), 2 bad usage "
                + "(options, files), 130 stopped by Ctrl-C (the files still hold everything measured until then)."},
        footer = {"", "Examples:",
            "  streambench run --mock-profile paced --concurrency 64 --duration 30s",
            "  streambench run --rate 5,20,80 --arrival poisson --duration 20s --warmup 5s",
            "  streambench run --url https://api.openai.com/v1 --model gpt-4o-mini \\",
            "      --api-key-env OPENAI_API_KEY --concurrency 4 --requests 20 --max-tokens 200",
            "  streambench run --url https://api.anthropic.com --api messages --model claude-sonnet-4-5 \\",
            "      --api-key-env ANTHROPIC_API_KEY --concurrency 4 --requests 20 --max-tokens 200",
            "  streambench run --api responses --mock-profile paced --concurrency 64 --duration 30s",
            "  streambench run --gateway http://127.0.0.1:8081/v1 --mock-port 9100 --mock-profile paced --duration 10s",
            "  streambench run --input-tokens normal:1000:200 --output-tokens 200 --prefix-tokens 500 --prefix-groups 8",
            "  streambench run --trace docs/examples/traces/mooncake-synthetic-1000.jsonl --time-scale 10",
            "  streambench run --mock-profile capacity-demo --find-max-rate --slo 'ttft.p99<=100ms' --warmup 1s --duration 3s",
            "  streambench run --mock-profile capacity-demo --sweep 5 --slo 'ttft.p99<=100ms' --warmup 1s --duration 3s"})
public final class RunCommand implements Callable<Integer> {

    /** The exit status after Ctrl-C, as shells report a process ended by SIGINT (128 + 2). */
    static final int EXIT_INTERRUPTED = 130;
    /** Enough calls for the per-request code to be compiled (see docs/measuring.md). */
    static final long DEFAULT_CLIENT_WARMUP = 2000;

    static final String DEFAULT_PROMPT = "Write a short story about a lighthouse keeper who finds a message in a bottle.";

    @ArgGroup(validate = false, heading = "%nTarget (default: an embedded mock server)%n")
    TargetOptions target = new TargetOptions();

    @ArgGroup(validate = false, heading = "%nEmbedded mock server (without --url only; refused with it)%n")
    MockOptions mock = new MockOptions();

    @ArgGroup(validate = false, heading = "%nMeasuring a gateway (see the README, \"Measuring a gateway\")%n")
    GatewayOptions gateway = new GatewayOptions();

    @ArgGroup(validate = false, heading = "%nWorkload: what the requests say (default: one fixed prompt; see the "
            + "README, \"Workloads\")%n")
    WorkloadOptions workload = new WorkloadOptions();

    @ArgGroup(validate = false, heading = "%nLoad%n")
    LoadOptions load = new LoadOptions();

    @ArgGroup(validate = false, heading = "%nObjectives and limits (see the README, \"Finding the limits\")%n")
    ObjectiveOptions objectives = new ObjectiveOptions();

    @ArgGroup(validate = false, heading = "%nClient strategies%n")
    ClientGroup client = new ClientGroup();

    @ArgGroup(validate = false, heading = "%nTimeouts and retries (durations: 500ms, 10s, 2m, 1h)%n")
    LimitOptions limits = new LimitOptions();

    @ArgGroup(validate = false, heading = "%nOutput%n")
    OutputOptions output = new OutputOptions();

    @ArgGroup(validate = false, heading = "%nSeveral drivers (merge their reports with 'streambench merge')%n")
    DriverOptions driver = new DriverOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The sweep's or search's plan once {@link #config()} read the options; null for the stages as given. */
    private Function<IntFunction<StageVerdict>, LimitPlan> limitPlan;

    static final class TargetOptions {
        @Option(names = "--url", paramLabel = "URL", description = "http or https base URL as given to the API's SDK "
                + "(https://api.openai.com/v1, https://api.anthropic.com, http://127.0.0.1:8080/v1/): the --api's path "
                + "is appended (/chat/completions, /responses, /completions, /v1/messages, "
                + "/v1beta/models/MODEL:streamGenerateContent?alt=sse), the query kept; a URL already ending in an "
                + "API's endpoint is used as given, and names the API.")
        URI url;

        @Option(names = "--api", paramLabel = "NAME", description = "The API the requests speak: chat, completions, "
                + "responses, messages (Anthropic), gemini (default: the one --url's path names, else chat).")
        String api;

        @Option(names = "--model", paramLabel = "NAME", description = "Model in each request (required with --url; default: the mock profile; a --prompts line's own model wins).")
        String model;

        @Option(names = "--api-key-env", paramLabel = "VAR", description = "Environment variable holding the API key, "
                + "sent as the API takes it (Authorization: Bearer; Anthropic x-api-key; Gemini x-goog-api-key) and "
                + "never printed (default with --url: OPENAI_API_KEY, ANTHROPIC_API_KEY, or GOOGLE_API_KEY else "
                + "GEMINI_API_KEY, by API, if set).")
        String apiKeyEnv;

        @Option(names = "--header", paramLabel = "'NAME: VALUE'", description = "Extra request header, repeatable (e.g. 'x-mock-fault: http:status=429,retry_after=1').")
        List<String> headers = new ArrayList<>();

        @Option(names = "--prompt", paramLabel = "TEXT", description = "The user message of every request (default: a short story request; not with --prompts).")
        String prompt = DEFAULT_PROMPT;

        @Option(names = "--prompts", paramLabel = "FILE", description = "JSONL file, one request per line, used round robin: a chat request object, or {\"prompt\": \"...\"} "
                + "whose prompt becomes the user message and whose other keys (max_tokens, temperature, stop...) go into the body as they are.")
        Path prompts;

        @Option(names = "--max-tokens", paramLabel = "TOKENS", description = "max_tokens (the API's answer limit) of "
                + "each request that plans no answer length, 0 to leave it out (--api messages, which requires one: "
                + "4096): a cap, not a length (--output-tokens asks for one); a --prompts line with its own max_tokens "
                + "or max_completion_tokens keeps it (default: ${DEFAULT-VALUE}).")
        int maxTokens = 0;

        @Option(names = "--include-usage", negatable = true, defaultValue = "true", fallbackValue = "true",
                description = "chat, completions: ask for the usage chunk (stream_options.include_usage), the source of exact token counts (default: ${DEFAULT-VALUE}).")
        boolean includeUsage = true;

        @Option(names = "--tools", paramLabel = "FILE", description = "JSON list of function definitions (chat's "
                + "{\"type\": \"function\", \"function\": {...}} or the flat {\"name\", \"description\", \"parameters\"}), "
                + "offered with every request in the API's own shape.")
        Path tools;

        @Option(names = "--reasoning-effort", paramLabel = "LEVEL", description = "chat: reasoning_effort; responses: "
                + "reasoning.effort, with a streamed summary (none, minimal, low, medium, high...).")
        String reasoningEffort;

        @Option(names = "--reasoning-budget", paramLabel = "TOKENS", description = "messages: thinking.budget_tokens "
                + "(at least 1024, below the answer limit; -1: adaptive thinking); gemini: "
                + "thinkingConfig.thinkingBudget with includeThoughts (0 off, -1 the model decides).")
        Integer reasoningBudget;

        @Option(names = "--ca-file", paramLabel = "PEM", description = "https: trust only the CA certificates in this PEM file, instead of the JDK's roots (host names are still checked).")
        Path caFile;

        @Option(names = "--insecure", description = "https: trust any certificate and skip the host name check (testing only; prints a warning).")
        boolean insecure;
    }

    static final class MockOptions {
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

    static final class GatewayOptions {
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

    static final class LoadOptions {
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

        @Option(names = "--client-warmup", paramLabel = "N", description = "Before the first stage, stream N short "
                + "answers (at most 10 s) from a local mock answering at once, through the same client path (parser, "
                + "strategies, event loops, TLS for https), so that no figure measures a cold JVM; nothing is sent to "
                + "the target. 0 to skip (default: ${DEFAULT-VALUE}).")
        long clientWarmup = DEFAULT_CLIENT_WARMUP;

        @Option(names = "--seed", paramLabel = "N", description = "Seed of arrivals, backoff jitter and mock answers; same seed, same run (default: ${DEFAULT-VALUE}).")
        long seed = 1;
    }

    static final class ClientGroup {
        @Option(names = "--parser", paramLabel = "NAME", description = "SSE parser strategy: ${COMPLETION-CANDIDATES}, "
                + "or your own by class name or ServiceLoader name (default: ${DEFAULT-VALUE}).",
                completionCandidates = ParserNames.class, converter = ParserConverter.class, defaultValue = "bytes-scan")
        ParserFactory parser;

        @Option(names = "--flush", paramLabel = "NAME", completionCandidates = FlushNames.class,
                converter = FlushConverter.class,
                description = "Client flush policy, as a UI would show text: ${COMPLETION-CANDIDATES} (interval/hybrid: "
                        + FlushStrategy.DEFAULT_INTERVAL_MILLIS + " ms, size/hybrid: " + FlushStrategy.DEFAULT_MAX_CHARS
                        + " chars; none by default), or your own FlushPolicy by class name. Records flushes and "
                        + "arrival-to-flush delay (display_delay).")
        FlushPolicy flush;

        @Option(names = "--accumulate", paramLabel = "NAME", completionCandidates = AccumulateNames.class,
                converter = AccumulateConverter.class,
                description = "How each answer is kept while it streams: ${COMPLETION-CANDIDATES} (none by default), or "
                        + "your own Accumulator by class name. Records kept chars and truncation.")
        AccumulatorFactory accumulate;

        @Option(names = "--max-response-chars", paramLabel = "CHARS", description = "Limit of the bounded accumulator in UTF-16 chars, 0 for its default of "
                + AccumulateStrategy.DEFAULT_MAX_CHARS + " (default: ${DEFAULT-VALUE}).")
        long maxResponseChars = 0;

        @Option(names = "--io-threads", paramLabel = "N", description = "Client event loops, 0 for one per core (default: ${DEFAULT-VALUE}).")
        int ioThreads = 0;

        @Option(names = "--client", paramLabel = "NAME", converter = ClientConverter.class, description = "The client "
                + "stack that opens the streams: netty (the driver's own, default), or one on the class path: jdk, "
                + "okhttp, openai, spring with streambench-stacks.jar (java -cp streambench.jar:streambench-stacks.jar "
                + "io.streambench.cli.Main run --client okhttp), or your own ClientStackProvider by name or class name.")
        ClientStackProvider stack;
    }

    static final class LimitOptions {
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

    static final class OutputOptions {
        @Option(names = "--out", paramLabel = "DIR", description = "Parent folder of the run's report folder (default: ${DEFAULT-VALUE}).")
        Path out = Path.of("reports");

        @Option(names = "--name", paramLabel = "NAME", description = "Suffix of the report folder, [A-Za-z0-9._-] (default: ${DEFAULT-VALUE}).")
        String name = "run";

        @Option(names = {"--quiet", "--no-progress"}, description = "No live progress (the summary and report path are still printed). "
                + "On a terminal progress is a bar per stage, else one line per second.")
        boolean quiet;
    }

    static final class DriverOptions {
        @Option(names = "--start-at", paramLabel = "TIME", description = {"Set up (embedded mock, client), then wait "
                + "until TIME and start the load, so several processes start together: an ISO-8601 instant "
                + "(2026-11-24T10:00:00Z), a time of day in the local zone (10:00:00, its next occurrence) or "
                + "milliseconds since the epoch. More than 1 s in the past is an error. Ctrl-C while waiting "
                + "exits without a report."})
        String startAt;

        @Option(names = "--driver-id", paramLabel = "ID", description = "This process's name in run.json and merged "
                + "reports, [A-Za-z0-9._-] (default: index-N when JOB_COMPLETION_INDEX is set, else hostname-pid).")
        String driverId;
    }

    /** The flush policy names, for --help. */
    static final class FlushNames extends ArrayList<String> {
        private static final long serialVersionUID = 1L;

        FlushNames() {
            super(Choice.labels(FlushStrategy.class));
        }
    }

    /** The accumulator names, for --help. */
    static final class AccumulateNames extends ArrayList<String> {
        private static final long serialVersionUID = 1L;

        AccumulateNames() {
            super(Choice.labels(AccumulateStrategy.class));
        }
    }

    /** A NAME option as the type it names; an unknown name is a usage error that lists the known ones. */
    private abstract static class NamedConverter<T> implements CommandLine.ITypeConverter<T> {
        private final Function<String, T> byName;

        NamedConverter(Function<String, T> byName) {
            this.byName = byName;
        }

        @Override
        public T convert(String value) {
            try {
                return byName.apply(value);
            } catch (UsageException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /** --flush NAME. */
    static final class FlushConverter extends NamedConverter<FlushPolicy> {
        FlushConverter() {
            super(FlushStrategy::policyNamed);
        }
    }

    /** --accumulate NAME. */
    static final class AccumulateConverter extends NamedConverter<AccumulatorFactory> {
        AccumulateConverter() {
            super(AccumulatorFactory::named);
        }
    }

    /** --parser NAME. */
    static final class ParserConverter extends NamedConverter<ParserFactory> {
        ParserConverter() {
            super(ParserFactory::named);
        }
    }

    /** --client NAME: null for the driver's own Netty client, which runs on the driver's path. */
    static final class ClientConverter extends NamedConverter<ClientStackProvider> {
        ClientConverter() {
            super(name -> name.equals(ClientStacks.NETTY) ? null : ClientStacks.named(name));
        }
    }

    /** The parser names, for --help. */
    static final class ParserNames extends ArrayList<String> {
        private static final long serialVersionUID = 1L;

        ParserNames() {
            super(Choice.labels(ParserStrategy.class));
        }
    }

    @Override
    public Integer call() {
        RunConfig config = config();
        GatewaySettings gatewaySettings = gatewaySettings();
        FileReasons.requireWritableFolder("--out", output.out);
        Launch launch = new Launch(driver.startAt == null ? null
                : Launch.parseStartAt(driver.startAt, Clock.systemDefaultZone()), driver.driverId, System.getenv());
        EmbeddedMock embedded = target.url == null && gateway.mockUrl == null
                ? new EmbeddedMock(mock.profile, mock.profiles, mock.tls) : null;
        ClientTls tls = clientTls();
        if (tls.insecure()) {
            System.err.println("WARNING: --insecure: https certificates and host names are NOT checked; "
                    + "anyone on the path can read and change this traffic");
        }
        RunSession session = new RunSession(config, embedded, output.out, System.out, !output.quiet, tls, launch)
                .clientWarmup(load.clientWarmup);
        if (gatewaySettings != null) {
            session.gateway(gatewaySettings);
        }
        if (limitPlan != null) {
            session.limits(limitPlan);
        }
        RunSession.Result result = session.executeWithShutdownHook();
        if (session.stoppedByShutdown()) {
            // Ctrl-C: the JVM's signal thread exits with 130 (128 + SIGINT) once the report is written; main
            // returns the same, so the status does not hang on which thread's exit comes first.
            return EXIT_INTERRUPTED;
        }
        return result.dir() == null || result.outcome().failed() || result.outcome().earlyStop() != null ? 1 : 0;
    }

    /**
     * The options as a run configuration; throws {@link UsageException} with one line on bad input. Every value
     * here is the user's, so a record or parser that refuses one (an IllegalArgumentException) is bad usage too.
     */
    RunConfig config() {
        return UsageException.whenInvalid(this::interpretOptions);
    }

    private RunConfig interpretOptions() {
        boolean gatewayMode = gateway.url != null;
        GatewayChecks.refuseIgnored(spec.commandLine().getParseResult(), gatewayMode, target.url, gateway.mockUrl,
                client.parser);
        // Without --url the mock's options apply: to the embedded mock, or through each request's tag to the mock
        // behind a gateway (embedded, or standalone with --mock-url).
        boolean mockOptions = target.url == null;
        boolean embedded = mockOptions && gateway.mockUrl == null;
        RunOptionChecks.refuseIgnored(spec.commandLine().getParseResult(), mockOptions,
                !load.rate.isEmpty() || objectives.openLoop(), gatewayMode ? gateway.url : target.url);
        Objectives slo = objectives.objectives();
        limitPlan = objectives.plan(spec.commandLine().getParseResult(), slo, load.rate, load.concurrency,
                Arrival.parse(load.arrival), load.maxInFlight);
        if (limitPlan != null && gatewayMode) {
            throw new UsageException("--sweep and --find-max-* do not combine with --gateway (it runs one load "
                    + "through the gateway and one beside it): search the gateway as a --url target instead");
        }
        String model = target.model != null ? target.model : mockOptions ? mock.profile : null;
        if (model == null) {
            throw new UsageException("--model is required with --url");
        }
        if (target.maxTokens < 0) {
            throw new UsageException("--max-tokens must be >= 0 (0 leaves max_tokens out), got "
                    + target.maxTokens);
        }
        ParseResult given = spec.commandLine().getParseResult();
        // Through a gateway the mock draws each answer's length (--output-tokens travels in the tags, the same on
        // both routes), and each body is made at start, to carry its tag; else the driver plans each length.
        Api api = ApiChoice.api(target.api, gatewayMode ? gateway.url : target.url);
        if (gatewayMode && api != Api.CHAT) {
            throw new UsageException("--api " + api.label() + " does nothing with --gateway: gateway runs speak chat "
                    + "completions");
        }
        if (workload.ignoreEos && api != Api.CHAT && api != Api.COMPLETIONS) {
            throw new UsageException("--ignore-eos: --api " + api.label() + " has no ignore_eos (vLLM's field for "
                    + "chat and completions)");
        }
        RequestEncoder encoder = ApiChoice.encoder(api, model, target.maxTokens, target.includeUsage,
                given.hasMatchedOption("--include-usage"), target.tools, target.reasoningEffort,
                target.reasoningBudget);
        Requests requests = workload.requests(given, new WorkloadOptions.Body(target.prompt, target.prompts,
                target.maxTokens, encoder), embedded && !gatewayMode, gatewayMode, load.seed);
        Map<String, String> headers = new LinkedHashMap<>();
        if (embedded && !gatewayMode) {
            putDistribution(headers, "--ttft-ms", RequestOverrides.TTFT_MS, mock.ttftMs);
            putDistribution(headers, "--itl-ms", RequestOverrides.ITL_MS, mock.itlMs);
            putDistribution(headers, "--tokens-per-chunk", RequestOverrides.TOKENS_PER_CHUNK, mock.tokensPerChunk);
            if (mock.sendStamps) {
                headers.put(RequestOverrides.TIMESTAMPS, "true");
            }
        }
        for (String header : target.headers) {
            int colon = header.indexOf(':');
            if (colon <= 0) {
                throw new UsageException("--header must be 'NAME: VALUE', got '" + header + "'");
            }
            headers.put(header.substring(0, colon).trim(), header.substring(colon + 1).trim());
        }
        // The embedded mock's port is known once it is bound (the session then keeps this path and query).
        URI url = gatewayMode ? Api.CHAT.resolve(gateway.url, model)
                : embedded ? api.onServer("http://127.0.0.1", model)
                : api.resolve(target.url, model);
        // Through a gateway the mock's seed and settings travel in each request's tag, not in headers.
        Target t = new Target(url, headers, ApiChoice.apiKey(api, target.apiKeyEnv, embedded && !gatewayMode,
                System.getenv()), requests, embedded && !gatewayMode, api);
        if (given.hasMatchedOption("--requests") && load.requests < 1) {
            throw new UsageException("--requests must be at least 1 (leave it out for no count bound), got "
                    + load.requests);
        }
        Bounds bounds = bounds(requests);
        Timeouts timeouts = new Timeouts(limits.connect, limits.ttft, limits.idle, limits.total);
        RetryPolicy retry = new RetryPolicy(limits.retries, limits.backoff, limits.maxBackoff);
        if (spec.commandLine().getParseResult().hasMatchedOption("--max-response-chars")
                && (client.accumulate == null || !client.accumulate.limited())) {
            throw new UsageException("--max-response-chars limits the bounded accumulator only: add --accumulate "
                    + AccumulateStrategy.BOUNDED.label());
        }
        StackChecks.refuseIgnored(spec.commandLine().getParseResult(), client.stack, gatewayMode, mock.tls, api);
        ClientOptions clientOptions = new ClientOptions(client.parser, client.flush, client.accumulate,
                client.maxResponseChars, client.stack);
        List<Workload> stages = stages();
        if (limitPlan != null) {
            // run.json's config lists the first stage; the sweep or search decides the others as it goes
            stages = List.of(limitPlan.apply(i -> null).next(0));
        }
        // A gateway run holds twice the streams: the load through the gateway and the baseline beside it.
        int routes = gatewayMode ? 2 : 1;
        if (workload.replay()) {
            DescriptorBudget.check("--max-in-flight", routes * (long) load.maxInFlight, embedded);
        } else if (objectives.any()) {
            DescriptorBudget.check(objectives.openLoop() ? "--max-in-flight" : "--max-concurrency",
                    Math.max(objectives.maxConcurrency, objectives.openLoop() ? load.maxInFlight : 0), embedded);
        } else if (load.rate.isEmpty()) {
            DescriptorBudget.check("--concurrency", routes * stages.stream()
                    .mapToLong(w -> ((Workload.Closed) w).concurrency()).max().orElse(0), embedded);
        } else {
            DescriptorBudget.check("--max-in-flight", routes * (long) load.maxInFlight, embedded);
        }
        if (limits.failFast < 0) {
            throw new UsageException("--fail-fast must be >= 0 (0 turns it off), got " + limits.failFast);
        }
        return new RunConfig(output.name, t, stages, bounds, timeouts, retry, clientOptions, load.seed,
                client.ioThreads, limits.failFast, slo);
    }

    /** The gateway options as settings, or null without --gateway; throws IllegalArgumentException with one line. */
    GatewaySettings gatewaySettings() {
        return gateway.url == null ? null : UsageException.whenInvalid(this::interpretGatewayOptions);
    }

    private GatewaySettings interpretGatewayOptions() {
        if (!gateway.clock.equals("same") && !gateway.clock.equals("wall")) {
            throw new UsageException("--gateway-clock must be same or wall, got " + gateway.clock);
        }
        // The mock's settings travel in each request's tag, which every gateway forwards (it may drop headers), so
        // the mock streams the same whatever the model name the gateway sends on.
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("profile", mock.profile);
        putSetting(settings, "--ttft-ms", "ttft-ms", mock.ttftMs);
        putSetting(settings, "--itl-ms", "itl-ms", mock.itlMs);
        putSetting(settings, "--output-tokens", "output-tokens", workload.outputTokens);
        putSetting(settings, "--tokens-per-chunk", "tokens-per-chunk", mock.tokensPerChunk);
        URI gatewayUrl = Api.CHAT.resolve(gateway.url, null);
        return new GatewaySettings(gatewayUrl, gateway.mockUrl == null ? gateway.mockHost : null,
                gateway.mockPort == null ? 0 : gateway.mockPort, gateway.mockUrl, gateway.clock.equals("wall"),
                gateway.faults, gateway.faultTimeout, settings);
    }

    private static void putSetting(Map<String, String> settings, String option, String name, String value) {
        if (value == null) {
            return;
        }
        try {
            Distribution.parse(value);
            settings.put(name, value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": " + e.getMessage());
        }
    }

    /**
     * When each stage stops: --duration (10 s by default) or --requests; a trace replays to its end (or to
     * --duration), its length being its own count bound.
     */
    private Bounds bounds(Requests requests) {
        if (workload.replay()) {
            if (load.requests > 0) {
                throw new UsageException("--requests does nothing with --trace: --trace-limit takes a number of its "
                        + "requests");
            }
            return new Bounds(load.duration, requests.size().getAsLong(), load.warmup);
        }
        Duration duration = load.duration != null ? load.duration : load.requests > 0 ? null : Duration.ofSeconds(10);
        return new Bounds(duration, load.requests, load.warmup);
    }

    /** --ca-file / --insecure as client TLS settings. */
    ClientTls clientTls() {
        if (target.insecure && target.caFile != null) {
            throw new UsageException("--insecure and --ca-file exclude each other");
        }
        if (target.insecure) {
            return new ClientTls(null, true, null);
        }
        return target.caFile == null ? ClientTls.DEFAULT : ClientTls.fromCaFile(target.caFile);
    }

    private List<Workload> stages() {
        if (!load.concurrency.isEmpty() && !load.rate.isEmpty()) {
            throw new UsageException("--concurrency and --rate exclude each other");
        }
        List<Workload> stages = new ArrayList<>();
        if (workload.replay()) {
            if (!load.concurrency.isEmpty() || !load.rate.isEmpty()) {
                throw new UsageException((load.rate.isEmpty() ? "--concurrency" : "--rate") + " does nothing with "
                        + "--trace: each request is sent at its trace's time (--time-scale speeds it up)");
            }
            if (load.maxInFlight < 1) {
                throw new UsageException("--max-in-flight must be at least 1, got " + load.maxInFlight);
            }
            stages.add(new Workload.Replay(load.maxInFlight));
            return stages;
        }
        if (!load.rate.isEmpty()) {
            Arrival arrival = Arrival.parse(load.arrival);
            if (load.maxInFlight < 1) {
                throw new UsageException("--max-in-flight must be at least 1, got " + load.maxInFlight);
            }
            for (double r : load.rate) {
                if (!(r > 0) || Double.isInfinite(r)) {
                    throw new UsageException("--rate must be above 0 requests per second, got " + r);
                }
                stages.add(new Workload.Open(r, arrival, load.maxInFlight));
            }
        } else if (!load.concurrency.isEmpty()) {
            for (int c : load.concurrency) {
                if (c < 1) {
                    throw new UsageException("--concurrency must be at least 1, got " + c);
                }
                stages.add(new Workload.Closed(c));
            }
        } else {
            stages.add(new Workload.Closed(8));
        }
        return stages;
    }

    /**
     * Checks a mock shortcut with the mock's own parser (as a profiles file is checked), so a typo is one line
     * at start instead of a 400 for every request.
     */
    private static void putDistribution(Map<String, String> headers, String option, String header, String value) {
        if (value == null) {
            return;
        }
        try {
            Distribution.parse(value);
        } catch (IllegalArgumentException e) {
            throw new UsageException(option + ": " + e.getMessage());
        }
        headers.put(header, value);
    }
}
