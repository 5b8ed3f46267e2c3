package io.streambench.cli;

import io.streambench.client.Api;
import io.streambench.driver.Arrival;
import io.streambench.driver.Bounds;
import io.streambench.driver.ClientOptions;
import io.streambench.driver.ClientTls;
import io.streambench.driver.RequestEncoder;
import io.streambench.driver.Requests;
import io.streambench.driver.RetryPolicy;
import io.streambench.driver.RunConfig;
import io.streambench.driver.Target;
import io.streambench.driver.Timeouts;
import io.streambench.driver.Workload;
import io.streambench.driver.gateway.GatewaySettings;
import io.streambench.driver.limits.LimitPlan;
import io.streambench.driver.limits.Objectives;
import io.streambench.driver.limits.StageVerdict;
import io.streambench.mock.UsageException;
import io.streambench.mock.profile.Distribution;
import io.streambench.mock.profile.RequestOverrides;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntFunction;
import picocli.CommandLine.ParseResult;

/**
 * Reads {@code run}'s option groups into what a run is made of: the {@link RunConfig} (target, stages, bounds,
 * timeouts, client), the sweep's or search's plan, the gateway settings and the client's TLS. It checks single
 * values; combinations that would do nothing are refused by {@link RunOptionChecks}, {@link GatewayChecks} and
 * {@link StackChecks}, called here in the order the options are read.
 *
 * @param given the options typed on the command line (their defaults do not count as given)
 * @param name  {@code --name}, the run folder's suffix
 */
record RunConfigReader(ParseResult given, TargetOptions target, MockOptions mock, GatewayOptions gateway,
        WorkloadOptions workload, LoadOptions load, ObjectiveOptions objectives, ClientStrategyOptions client,
        TimeoutOptions limits, String name) {

    /**
     * What the options make.
     *
     * @param limitPlan the sweep's or search's plan; null for the stages as given
     */
    record Read(RunConfig config, Function<IntFunction<StageVerdict>, LimitPlan> limitPlan) {
    }

    /**
     * The options as a run configuration; throws {@link UsageException} with one line on bad input. Every value
     * here is the user's, so a record or parser that refuses one (an IllegalArgumentException) is bad usage too.
     */
    Read read() {
        return UsageException.whenInvalid(this::interpretOptions);
    }

    private Read interpretOptions() {
        boolean gatewayMode = gateway.url != null;
        GatewayChecks.refuseIgnored(given, gatewayMode, target.url, gateway.mockUrl, client.parser);
        // Without --url the mock's options apply: to the embedded mock, or through each request's tag to the mock
        // behind a gateway (embedded, or standalone with --mock-url).
        boolean mockOptions = target.url == null;
        boolean embedded = mockOptions && gateway.mockUrl == null;
        RunOptionChecks.refuseIgnored(given, mockOptions, !load.rate.isEmpty() || objectives.openLoop(),
                gatewayMode ? gateway.url : target.url);
        Objectives slo = objectives.objectives();
        Function<IntFunction<StageVerdict>, LimitPlan> limitPlan = objectives.plan(given, slo, load.rate,
                load.concurrency, Arrival.parse(load.arrival), load.maxInFlight);
        RunOptionChecks.refuseSearchThroughGateway(limitPlan != null, gatewayMode);
        String model = target.model != null ? target.model : mockOptions ? mock.profile : null;
        if (model == null) {
            throw new UsageException("--model is required with --url");
        }
        if (target.maxTokens < 0) {
            throw new UsageException("--max-tokens must be >= 0 (0 leaves max_tokens out), got "
                    + target.maxTokens);
        }
        // Through a gateway the mock draws each answer's length (--output-tokens travels in the tags, the same on
        // both routes), and each body is made at start, to carry its tag; else the driver plans each length.
        Api api = ApiChoice.api(target.api, gatewayMode ? gateway.url : target.url);
        RunOptionChecks.refuseForApi(api, gatewayMode, workload.ignoreEos);
        RequestEncoder encoder = ApiChoice.encoder(api, model, target.maxTokens, target.includeUsage,
                given.hasMatchedOption("--include-usage"), target.tools, target.reasoningEffort,
                target.reasoningBudget);
        Requests requests = workload.requests(given, new WorkloadOptions.Body(target.prompt, target.prompts,
                target.maxTokens, encoder), embedded && !gatewayMode, gatewayMode, load.seed);
        Map<String, String> headers = headers(embedded && !gatewayMode);
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
        RunOptionChecks.refuseMaxResponseChars(given, client.accumulate);
        StackChecks.refuseIgnored(given, client.stack, gatewayMode, mock.tls, api);
        ClientOptions clientOptions = new ClientOptions(client.parser, client.flush, client.accumulate,
                client.maxResponseChars, client.stack);
        List<Workload> stages = stages();
        if (limitPlan != null) {
            // run.json's config lists the first stage; the sweep or search decides the others as it goes
            stages = List.of(limitPlan.apply(i -> null).next(0));
        }
        checkDescriptors(stages, gatewayMode, embedded);
        if (limits.failFast < 0) {
            throw new UsageException("--fail-fast must be >= 0 (0 turns it off), got " + limits.failFast);
        }
        return new Read(new RunConfig(name, t, stages, bounds, timeouts, retry, clientOptions, load.seed,
                client.ioThreads, limits.failFast, slo), limitPlan);
    }

    /** The embedded mock's shortcuts as its override headers (when {@code mockHeaders}), then each --header. */
    private Map<String, String> headers(boolean mockHeaders) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (mockHeaders) {
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
        return headers;
    }

    /** The most streams the run holds at once must fit the process's file descriptors. */
    private void checkDescriptors(List<Workload> stages, boolean gatewayMode, boolean embedded) {
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
        RunOptionChecks.refuseRampUpWithoutClosedLoop(given, workload.replay(),
                !load.rate.isEmpty() || objectives.findMaxRate);
        if (workload.replay()) {
            RunOptionChecks.refuseRequestsWithTrace(load.requests);
            return new Bounds(load.duration, requests.size().getAsLong(), load.warmup, Duration.ZERO);
        }
        Duration duration = load.duration != null ? load.duration : load.requests > 0 ? null : Duration.ofSeconds(10);
        return new Bounds(duration, load.requests, load.warmup, load.rampUp);
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
        RunOptionChecks.refuseLoadMix(load.concurrency, load.rate, workload.replay());
        List<Workload> stages = new ArrayList<>();
        if (workload.replay()) {
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
