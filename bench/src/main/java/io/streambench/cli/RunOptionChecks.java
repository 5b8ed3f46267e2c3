package io.streambench.cli;

import io.streambench.client.Api;
import io.streambench.client.accumulate.AccumulateStrategy;
import io.streambench.client.accumulate.AccumulatorFactory;
import io.streambench.mock.UsageException;
import io.streambench.mock.profile.RequestOverrides;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.ParseResult;

/**
 * Refuses {@code run} options that were given but would do nothing in this combination, with one line that
 * says what to do instead: nothing the user types is silently ignored. Only options typed on the command
 * line count (picocli's parse result), not their defaults.
 */
final class RunOptionChecks {

    /** The embedded mock's options, each with what does the same against a standalone mock. */
    private static final Map<String, String> MOCK_ONLY = new LinkedHashMap<>();

    static {
        MOCK_ONLY.put("--mock-profile", "a standalone mock takes the profile from --model");
        MOCK_ONLY.put("--ttft-ms", header(RequestOverrides.TTFT_MS, "DIST"));
        MOCK_ONLY.put("--itl-ms", header(RequestOverrides.ITL_MS, "DIST"));
        MOCK_ONLY.put("--tokens-per-chunk", header(RequestOverrides.TOKENS_PER_CHUNK, "DIST"));
        MOCK_ONLY.put("--mock-profiles", "start a standalone mock with 'mock --profiles FILE'");
        MOCK_ONLY.put("--mock-tls", "start a standalone mock with 'mock --tls-self-signed'");
        MOCK_ONLY.put("--send-stamps", header(RequestOverrides.TIMESTAMPS, "true"));
    }

    private RunOptionChecks() {
    }

    /** What to send a standalone mock instead of an embedded-mock option. */
    private static String header(String name, String value) {
        return "send --header '" + name + ": " + value + "' to a standalone mock";
    }

    /**
     * Throws UsageException with one line for the first option given that this run would ignore.
     *
     * @param embedded the run starts the embedded mock (no {@code --url})
     * @param openLoop the run has {@code --rate} stages
     * @param url      {@code --url}, or null
     */
    /** {@code --ramp-up} spreads the start of closed-loop streams: refused where no stage is a closed loop. */
    static void refuseRampUpWithoutClosedLoop(ParseResult given, boolean trace, boolean openLoopOnly) {
        if (given.hasMatchedOption("--ramp-up") && (trace || openLoopOnly)) {
            throw new UsageException("--ramp-up applies to closed-loop stages (--concurrency, --sweep, "
                    + "--find-max-concurrency) only" + (trace ? "; a trace's requests are sent at its own times"
                    : "; an open loop's requests are sent at their arrival times"));
        }
    }

    static void refuseIgnored(ParseResult given, boolean embedded, boolean openLoop, URI url) {
        if (given.hasMatchedOption("--prompt") && given.hasMatchedOption("--prompts")) {
            throw new UsageException("--prompt and --prompts exclude each other: put the prompt in the "
                    + "file as {\"prompt\": \"...\"}");
        }
        if (!embedded) {
            for (Map.Entry<String, String> option : MOCK_ONLY.entrySet()) {
                if (given.hasMatchedOption(option.getKey())) {
                    String name = option.getKey().equals("--send-stamps") ? "--[no-]send-stamps" : option.getKey();
                    throw new UsageException(name + " is for the embedded mock and does nothing with --url; "
                            + option.getValue());
                }
            }
        }
        boolean trace = given.hasMatchedOption("--trace");
        if (given.hasMatchedOption("--arrival") && !openLoop) {
            throw new UsageException("--arrival applies to the open loop (--rate) only"
                    + (trace ? "; a trace's requests are sent at its own times" : ""));
        }
        if (given.hasMatchedOption("--max-in-flight") && !openLoop && !trace) {
            throw new UsageException("--max-in-flight applies to the open loop (--rate) and --trace only");
        }
        boolean https = url != null && "https".equalsIgnoreCase(url.getScheme());
        for (String option : new String[] {"--ca-file", "--insecure"}) {
            if (given.hasMatchedOption(option) && !https) {
                throw new UsageException(option + " applies to an https --url only"
                        + (embedded ? " (--mock-tls makes the driver trust the embedded mock's own certificate)" : ""));
            }
        }
    }

    /** A sweep or a search runs one load; a gateway run runs two (through the gateway and beside it). */
    static void refuseSearchThroughGateway(boolean search, boolean gatewayMode) {
        if (search && gatewayMode) {
            throw new UsageException("--sweep and --find-max-* do not combine with --gateway (it runs one load "
                    + "through the gateway and one beside it): search the gateway as a --url target instead");
        }
    }

    /** What the run's API cannot carry: a gateway run speaks chat; ignore_eos is vLLM's, for chat and completions. */
    static void refuseForApi(Api api, boolean gatewayMode, boolean ignoreEos) {
        if (gatewayMode && api != Api.CHAT) {
            throw new UsageException("--api " + api.label() + " does nothing with --gateway: gateway runs speak chat "
                    + "completions");
        }
        if (ignoreEos && api != Api.CHAT && api != Api.COMPLETIONS) {
            throw new UsageException("--ignore-eos: --api " + api.label() + " has no ignore_eos (vLLM's field for "
                    + "chat and completions)");
        }
    }

    /** @param accumulate {@code --accumulate}, or null */
    static void refuseMaxResponseChars(ParseResult given, AccumulatorFactory accumulate) {
        if (given.hasMatchedOption("--max-response-chars") && (accumulate == null || !accumulate.limited())) {
            throw new UsageException("--max-response-chars limits the bounded accumulator only: add --accumulate "
                    + AccumulateStrategy.BOUNDED.label());
        }
    }

    /** A trace's length is its own count bound. */
    static void refuseRequestsWithTrace(long requests) {
        if (requests > 0) {
            throw new UsageException("--requests does nothing with --trace: --trace-limit takes a number of its "
                    + "requests");
        }
    }

    /** One kind of load per run: closed loop, open loop, or a trace on its own schedule. */
    static void refuseLoadMix(List<Integer> concurrency, List<Double> rate, boolean replay) {
        if (!concurrency.isEmpty() && !rate.isEmpty()) {
            throw new UsageException("--concurrency and --rate exclude each other");
        }
        if (replay && (!concurrency.isEmpty() || !rate.isEmpty())) {
            throw new UsageException((rate.isEmpty() ? "--concurrency" : "--rate") + " does nothing with "
                    + "--trace: each request is sent at its trace's time (--time-scale speeds it up)");
        }
    }
}
