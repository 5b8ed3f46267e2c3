package io.streambench.report.folder;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.streambench.driver.RunConfig;
import io.streambench.driver.Workload;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The {@code config} of {@code run.json}: what was run, as given (keys in reports/README.md). */
public final class RunJsonConfig {

    /**
     * Header values that are credentials are written as {@code ***}: authorization and proxy-authorization,
     * api keys (x-api-key, api-key, x-goog-api-key), cookies, any name containing key, secret, auth, password,
     * credential or cookie, and names with a whole {@code token} part (x-auth-token, x-amz-security-token).
     * Everything else is a setting of the run and kept, so that {@code merge} can compare it: x-mock-output-tokens
     * is not a credential.
     */
    private static final Pattern SECRET = Pattern.compile(
            "(?i).*(auth|key|secret|password|passwd|credential|cookie).*|(.*[-_.])?token([-_.].*)?");

    private RunJsonConfig() {
    }

    /**
     * @param stages        the stages given; a sweep's or a search's first only (the others are in
     *                      {@code results.limits})
     * @param failFast      the {@code --fail-fast} count; null in files written before it existed
     * @param slo           the {@code --slo} objectives, null without any
     * @param sloAttainment the share of requests that must meet the per-request objectives, null without any
     */
    public record Config(Target target, List<StageConfig> stages, Bounds bounds, Timeouts timeouts, Retry retry,
            Client client, long seed, int ioThreads, @JsonInclude(JsonInclude.Include.NON_NULL) Integer failFast,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<String> slo,
            @JsonInclude(JsonInclude.Include.NON_NULL) Double sloAttainment) {

        public Config {
            stages = stages == null ? List.of() : List.copyOf(stages);
        }

        /** A configuration without objectives. */
        public Config(Target target, List<StageConfig> stages, Bounds bounds, Timeouts timeouts, Retry retry,
                Client client, long seed, int ioThreads, Integer failFast) {
            this(target, stages, bounds, timeouts, retry, client, seed, ioThreads, failFast, null, null);
        }

        /** The run's configuration, credentials masked. */
        public static Config of(RunConfig c) {
            var t = c.target();
            Map<String, String> headers = new LinkedHashMap<>();
            t.headers().forEach((k, v) -> headers.put(k, SECRET.matcher(k).matches() ? "***" : v));
            Target target = new Target(t.url().toString(), headers, t.apiKey() == null ? "none" : "set",
                    t.requests().encodedAtStart(), t.requests().label(), t.mockSeeds(), t.requests().tokenizer().name(),
                    t.requests().answerLengthHeader(), t.api().label());
            var b = c.bounds();
            Bounds bounds = new Bounds(b.duration() == null ? null : b.duration().toMillis() / 1000.0, b.requests(),
                    b.warmup().toMillis() / 1000.0, b.rampUp() == null ? null : b.rampUp().toMillis() / 1000.0);
            var to = c.timeouts();
            Timeouts timeouts = new Timeouts(to.connect().toMillis(), to.ttft().toMillis(), to.idle().toMillis(),
                    to.total().toMillis());
            var r = c.retry();
            Retry retry = new Retry(r.maxRetries(), r.initialBackoff().toMillis(), r.maxBackoff().toMillis());
            var o = c.client();
            Client client = new Client(o.stackName(), o.parser().label(), o.flush() == null ? null : o.flush().name(),
                    o.accumulate() == null ? null : o.accumulate().label(), o.maxResponseChars());
            var slo = c.objectives();
            return new Config(target, c.stages().stream().map(StageConfig::of).toList(), bounds, timeouts, retry,
                    client, c.seed(), c.ioThreads(), c.failFast(), slo.any() ? slo.texts() : null,
                    slo.perRequest().isEmpty() ? null : slo.attainment());
        }
    }

    /**
     * @param url          where requests went
     * @param headers      extra headers, credentials as {@code ***}
     * @param apiKey       {@code set} or {@code none}: the key itself is never written
     * @param bodies       request bodies encoded once at start and reused; 0 when each request has its own
     * @param bodiesSource where requests came from ({@code prompt (17 tokens)}, {@code synthetic input=...},
     *                     {@code dataset ...}, {@code trace ...}, {@code conversations ...})
     * @param mockSeeds    whether requests carried {@code x-mock-seed}
     * @param tokenizer    the tokenizer that counted prompts (and answers without usage); null in older files
     * @param answerLength whether each planned answer length was also sent as {@code x-mock-output-tokens}; null in
     *                     older files
     * @param api          the API the requests spoke ({@code chat}, {@code messages}...); null in older files (chat)
     */
    public record Target(String url, Map<String, String> headers, String apiKey, int bodies, String bodiesSource,
            boolean mockSeeds, @JsonInclude(JsonInclude.Include.NON_NULL) String tokenizer,
            @JsonInclude(JsonInclude.Include.NON_NULL) Boolean answerLength,
            @JsonInclude(JsonInclude.Include.NON_NULL) String api) {
    }

    /**
     * A stage's workload: {@code closed} with its concurrency, {@code open} with rate, arrival and cap, or
     * {@code replay} (a trace) with its cap.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StageConfig(String type, Integer concurrency, Double ratePerS, String arrival, Integer maxInFlight) {

        static StageConfig of(Workload w) {
            if (w instanceof Workload.Open o) {
                return new StageConfig("open", null, o.ratePerSecond(), o.arrival().label(), o.maxInFlight());
            }
            if (w instanceof Workload.Replay r) {
                return new StageConfig("replay", null, null, null, r.maxInFlight());
            }
            return new StageConfig("closed", ((Workload.Closed) w).concurrency(), null, null, null);
        }
    }

    /**
     * @param durationS null when bounded by requests only
     * @param rampUpS   {@code --ramp-up} in seconds; null (not written) for its default (1 ms per closed-loop stream
     *                  after the first, at most 1 s), and in files written before it existed (streams started at once)
     */
    public record Bounds(Double durationS, long requests, double warmupS,
            @JsonInclude(JsonInclude.Include.NON_NULL) Double rampUpS) {
    }

    public record Timeouts(long connectMs, long ttftMs, long idleMs, long totalMs) {
    }

    public record Retry(int maxRetries, long initialBackoffMs, long maxBackoffMs) {
    }

    /**
     * The client stack ({@code netty}: the driver's own; absent from the run.json of earlier versions, and then
     * not written back) and strategies, null where none was chosen.
     */
    public record Client(@JsonInclude(JsonInclude.Include.NON_NULL) String stack, String parser, String flush,
            String accumulate, long maxResponseChars) {
    }
}
