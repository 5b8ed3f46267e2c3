package io.streambench.driver;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds small runs against a loopback URL and runs them with a collecting observer. */
final class Runs {

    static final Timeouts SHORT = new Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(5),
            Duration.ofSeconds(20));
    static final RetryPolicy NO_RETRY = new RetryPolicy(0, Duration.ofMillis(50), Duration.ofMillis(200));

    private Runs() {
    }

    static Target target(String baseUrl, String model, String... headerPairs) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 0; i < headerPairs.length; i += 2) {
            headers.put(headerPairs[i], headerPairs[i + 1]);
        }
        return new Target(URI.create(baseUrl + "/v1/chat/completions"), headers, null,
                Requests.ofPrompt(model, "Hello", 0, true), true);
    }

    static RunConfig config(Target target, List<Workload> stages, Bounds bounds, Timeouts timeouts, RetryPolicy retry) {
        return new RunConfig("test", target, stages, bounds, timeouts, retry, ClientOptions.defaults(), 7, 2);
    }

    static Bounds requests(long n) {
        return new Bounds(null, n, Duration.ZERO);
    }

    /** Runs {@code config} to the end and returns what it recorded. */
    static Recorded run(RunConfig config) {
        return run(config, ClientTls.DEFAULT);
    }

    /** Runs {@code config} to the end, checking https servers with {@code tls}. */
    static Recorded run(RunConfig config, ClientTls tls) {
        Recorded recorded = new Recorded();
        try (HttpTransport transport = new HttpTransport(config.target(), config.timeouts(), config.ioThreads(), tls)) {
            LoadRunner runner = new LoadRunner(config, transport, recorded, System.nanoTime());
            recorded.outcome = runner.run();
        }
        return recorded;
    }

    /** Keeps every row and every stage's metrics (fine for small test runs). */
    static final class Recorded implements RunObserver {
        final List<AttemptRow> rows = Collections.synchronizedList(new ArrayList<>());
        final List<StageMetrics> stages = new ArrayList<>();
        RunOutcome outcome;

        @Override
        public void stageStarted(StageMetrics stage) {
            stages.add(stage);
        }

        @Override
        public void attempt(AttemptRow row) {
            rows.add(row);
        }

        List<AttemptRow> rows() {
            synchronized (rows) {
                return new ArrayList<>(rows);
            }
        }
    }
}
