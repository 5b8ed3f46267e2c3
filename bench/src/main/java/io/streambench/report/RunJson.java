package io.streambench.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.streambench.driver.EarlyStop;
import io.streambench.driver.ErrorClass;
import io.streambench.driver.RunConfig;
import io.streambench.driver.RunOutcome;
import io.streambench.driver.StageWindow;
import io.streambench.driver.Target;
import io.streambench.driver.Workload;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** {@code run.json}: the configuration, the environment, start and end, and the totals of each stage. */
final class RunJson {

    /**
     * Header values that are credentials are written as {@code ***}: authorization and proxy-authorization,
     * api keys (x-api-key, api-key, x-goog-api-key), cookies, any name containing key, secret, auth, password,
     * credential or cookie, and names with a whole {@code token} part (x-auth-token, x-amz-security-token).
     * Everything else is a setting of the run and kept, so that {@code merge} can compare it: x-mock-output-tokens
     * is not a credential.
     */
    private static final Pattern SECRET = Pattern.compile(
            "(?i).*(auth|key|secret|password|passwd|credential|cookie).*|(.*[-_.])?token([-_.].*)?");
    /** Snake case also for records written as they are (the mock's stats), as {@code /stats} spells them. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    private RunJson() {
    }

    static void write(Path file, RunConfig config, RunOutcome outcome, Instant start, Instant end,
            List<StageSummary> stages, Map<String, Object> environment, long maxHeapUsed, long maxHeapAfterGc,
            Map<String, Object> extras) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("name", config.name());
        root.put("status", outcome.earlyStop() != null ? "failed" : outcome.interrupted() ? "interrupted"
                : outcome.failed() ? "failed" : "completed");
        root.put("early_stop", earlyStop(outcome.earlyStop()));
        root.put("start", start.toString());
        root.put("end", end.toString());
        root.put("duration_s", Duration.between(start, end).toMillis() / 1000.0);
        root.put("config", config(config));
        root.put("environment", environment);
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("stages", stages.stream().map(RunJson::stage).toList());
        results.put("max_heap_used_mb", round(maxHeapUsed / 1048576.0));
        results.put("max_heap_after_gc_mb", round(maxHeapAfterGc / 1048576.0));
        root.put("results", results);
        root.putAll(extras);
        save(file, root);
    }

    /**
     * The {@code run.json} of a merged run: the sources' shared configuration, one entry per source run
     * (folder, driver id, times, measured windows, environment) and the stages' combined totals.
     *
     * @param disjoint the sources did not all measure at the same time ({@code merge --allow-disjoint})
     */
    static void writeMerged(Path file, String name, String status, Instant start, Instant end, boolean disjoint,
            Object config,
            List<Map<String, Object>> sources, List<StageSummary> stages, double maxHeapUsedMb,
            double maxHeapAfterGcMb) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("name", name);
        root.put("status", status);
        root.put("start", start.toString());
        root.put("end", end.toString());
        root.put("duration_s", Duration.between(start, end).toMillis() / 1000.0);
        root.put("driver_ids", sources.stream().map(s -> s.get("driver_id")).toList());
        root.put("disjoint", disjoint);
        root.put("merged_from", sources);
        root.put("config", config);
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("stages", stages.stream().map(RunJson::stage).toList());
        results.put("max_heap_used_mb", maxHeapUsedMb);
        results.put("max_heap_after_gc_mb", maxHeapAfterGcMb);
        root.put("results", results);
        save(file, root);
    }

    private static Map<String, Object> earlyStop(EarlyStop stop) {
        if (stop == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("requests", stop.requests());
        m.put("error_class", stop.error().label());
        m.put("status", stop.status() == 0 ? null : stop.status());
        m.put("message", stop.answer());
        return m;
    }

    private static void save(Path file, Map<String, Object> root) {
        try {
            JSON.writeValue(file.toFile(), root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> config(RunConfig c) {
        Map<String, Object> m = new LinkedHashMap<>();
        Target t = c.target();
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("url", t.url().toString());
        Map<String, String> headers = new LinkedHashMap<>();
        t.headers().forEach((k, v) -> headers.put(k, SECRET.matcher(k).matches() ? "***" : v));
        target.put("headers", headers);
        target.put("api_key", t.apiKey() == null ? "none" : "set");
        target.put("bodies", t.bodies().size());
        target.put("bodies_source", t.bodies().source());
        target.put("mock_seeds", t.mockSeeds());
        m.put("target", target);
        m.put("stages", c.stages().stream().map(RunJson::workload).toList());
        Map<String, Object> bounds = new LinkedHashMap<>();
        bounds.put("duration_s", c.bounds().duration() == null ? null : c.bounds().duration().toMillis() / 1000.0);
        bounds.put("requests", c.bounds().requests());
        bounds.put("warmup_s", c.bounds().warmup().toMillis() / 1000.0);
        m.put("bounds", bounds);
        Map<String, Object> timeouts = new LinkedHashMap<>();
        timeouts.put("connect_ms", c.timeouts().connect().toMillis());
        timeouts.put("ttft_ms", c.timeouts().ttft().toMillis());
        timeouts.put("idle_ms", c.timeouts().idle().toMillis());
        timeouts.put("total_ms", c.timeouts().total().toMillis());
        m.put("timeouts", timeouts);
        Map<String, Object> retry = new LinkedHashMap<>();
        retry.put("max_retries", c.retry().maxRetries());
        retry.put("initial_backoff_ms", c.retry().initialBackoff().toMillis());
        retry.put("max_backoff_ms", c.retry().maxBackoff().toMillis());
        m.put("retry", retry);
        Map<String, Object> client = new LinkedHashMap<>();
        client.put("parser", c.client().parser());
        client.put("flush", c.client().flush());
        client.put("accumulate", c.client().accumulate());
        client.put("max_response_chars", c.client().maxResponseChars());
        m.put("client", client);
        m.put("seed", c.seed());
        m.put("io_threads", c.ioThreads());
        m.put("fail_fast", c.failFast());
        return m;
    }

    private static Map<String, Object> workload(Workload w) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (w instanceof Workload.Closed c) {
            m.put("type", "closed");
            m.put("concurrency", c.concurrency());
        } else if (w instanceof Workload.Open o) {
            m.put("type", "open");
            m.put("rate_per_s", o.ratePerSecond());
            m.put("arrival", o.arrival().label());
            m.put("max_in_flight", o.maxInFlight());
        }
        return m;
    }

    private static Map<String, Object> stage(StageSummary s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("index", s.index());
        m.put("workload", s.workload());
        m.put("seconds", round(s.seconds()));
        var c = s.counters();
        m.put("requests", c.completed());
        m.put("succeeded", c.succeeded());
        m.put("failed", c.failed());
        m.put("attempts", c.attempts());
        m.put("failed_attempts", c.failedAttempts());
        m.put("retries", c.retries());
        m.put("output_tokens", c.tokens());
        m.put("chunks", c.chunks());
        m.put("bytes", c.bytes());
        StageWindow.Figures w = s.window();
        if (w != null) {
            m.put("warmup_s", round(w.warmupSeconds()));
            m.put("window_s", round(w.windowSeconds()));
            m.put("drain_s", round(w.drainSeconds()));
            m.put("requests_per_s", rate(w.requestsPerSecond()));
            m.put("tokens_per_s", rate(w.tokensPerSecond()));
            m.put("warmup", counts(w.warmup()));
            m.put("window", counts(w.window()));
            m.put("drain", counts(w.drain()));
        }
        Map<String, Long> errors = new LinkedHashMap<>();
        for (ErrorClass e : ErrorClass.values()) {
            if (s.errors().containsKey(e)) {
                errors.put(e.label(), s.errors().get(e));
            }
        }
        m.put("errors_by_class", errors);
        Map<String, Object> messages = new LinkedHashMap<>();
        s.messages().forEach((e, top) -> {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("messages", top.messages().stream().map(count -> {
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("message", count.message());
                one.put("count", count.count());
                return one;
            }).toList());
            t.put("other", top.other());
            messages.put(e.label(), t);
        });
        m.put("error_messages", messages);
        return m;
    }

    /** One phase's tallies, keys as in a stage's totals. */
    private static Map<String, Object> counts(StageWindow.Counts c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("requests", c.requests());
        m.put("succeeded", c.succeeded());
        m.put("output_tokens", c.tokens());
        m.put("chunks", c.chunks());
        m.put("bytes", c.bytes());
        return m;
    }

    /** Null (JSON null) for an empty window's rate. */
    private static Double rate(double perSecond) {
        return Double.isNaN(perSecond) ? null : round(perSecond);
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

}
