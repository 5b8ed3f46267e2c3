package io.streambench.mock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streambench.mock.internal.model.ServerModel;
import io.streambench.mock.profile.ProfileLoader;
import io.streambench.mock.testing.Await;
import io.streambench.mock.testing.LeakTracking;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Through HTTP: a profile's batch of sequences queues the requests beyond it (their wait is in their ttft, and
 * is what the model says), its gaps grow with the sequences decoding, and {@code /stats} and {@code /metrics}
 * show it. A client in the same JVM sees times a few milliseconds late at worst on a loaded machine; the
 * server's send stamps give the gaps exactly.
 */
@ExtendWith(LeakTracking.class)
class CapacityModelTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROFILES = """
            profiles:
              two-slots:
                ttft_ms: 50
                itl_ms: 10
                output_tokens: 10
                tokens_per_chunk: 1
                capacity: {sequences: 2}
              batch:
                ttft_ms: 20
                itl_ms: 10
                output_tokens: 30
                tokens_per_chunk: 1
                timestamps: true
                capacity: {sequences: 8, itl_ms_per_sequence: 5}
            """;

    /** two-slots: an answer holds its slot 50 + 9 x 10 = 140 ms. */
    @Test
    void shouldQueueTheRequestsBeyondItsSequencesForWhatTheModelSays() throws Exception {
        try (MockServer server = start(PROFILES)) {
            ServerModel model = server.models().of("two-slots");
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                concurrently(pool, server, 1, "two-slots"); // warm-up: class loading, JIT
                List<Double> ttfts = concurrently(pool, server, 4, "two-slots");
                Collections.sort(ttfts);
                JsonNode stats = stats(server).at("/models/two-slots");
                assertEquals(5, stats.get("admitted").asInt());
                assertEquals(2, stats.get("queued").asInt(), "two of four waited");
                assertEquals(2, stats.get("max_queue_length").asInt());
                assertEquals(0, stats.get("active_sequences").asInt());
                assertEquals(0, stats.get("queue_length").asInt());
                // The two that waited got their slots when the first two answers ended, 140 ms after those
                // arrived: each waited 140 ms less how much later it arrived (a few ms, more on a busy machine).
                double maxWait = stats.at("/queue_wait_ms/max").asDouble();
                assertTrue(maxWait > 70 && maxWait <= 140 * 1.01, "model's wait (to 1 %) " + maxWait + " ms; ttfts "
                        + ttfts);
                assertTrue(ttfts.get(0) >= 50 && ttfts.get(1) < 50 + 30, "admitted at once: " + ttfts);
                assertTrue(ttfts.get(2) >= 50 + 70, "waited: " + ttfts);
                assertEquals(50 + maxWait, ttfts.get(3), 30, "the measured wait is the model's: " + ttfts);
                assertEquals(0, model.activeSequences());
            } finally {
                pool.shutdownNow();
                assertTrue(pool.awaitTermination(5, TimeUnit.SECONDS));
            }
        }
    }

    /** batch: gaps of 10 ms, plus 5 ms for each other sequence decoding. */
    @Test
    void shouldStretchTheGapsWithTheSequencesInTheBatch() throws Exception {
        try (MockServer server = start(PROFILES)) {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                // The first streams of a fresh server run cold (class loading, JIT) and catch up on deadlines
                // already past: not what is measured.
                for (int i = 0; i < 3; i++) {
                    responses(pool, server, 4, "batch");
                }
                assertEquals(10.0, median(stampGaps(pool, server, 1)), 1.0, "alone: the profile's gap");
                assertEquals(10.0 + 3 * 5, median(stampGaps(pool, server, 4)), 1.0, "with three others");
            } finally {
                pool.shutdownNow();
                assertTrue(pool.awaitTermination(5, TimeUnit.SECONDS));
            }
        }
    }

    @Test
    void shouldShowTheQueueWhileRequestsWaitAndForgetThoseWhoseClientLeft() throws Exception {
        try (MockServer server = MockServer.start(MockServerConfig.defaults().withProfiles(ProfileLoader.parse(PROFILES
                + "  one-slot: {ttft_ms: 2000, itl_ms: 10, output_tokens: 2, capacity: {sequences: 1}}\n")));
                RawHttpClient first = new RawHttpClient(server.port());
                RawHttpClient second = new RawHttpClient(server.port())) {
            ServerModel model = server.models().of("one-slot");
            first.send(RawHttpClient.post("/v1/chat/completions", body("one-slot")));
            Await.until(() -> model.activeSequences() == 1, "first admitted");
            second.send(RawHttpClient.post("/v1/chat/completions", body("one-slot")));
            Await.until(() -> model.queueLength() == 1, "second queued");
            JsonNode waiting = stats(server).at("/models/one-slot");
            assertEquals(1, waiting.get("active_sequences").asInt());
            assertEquals(1, waiting.get("queue_length").asInt());
            String metrics = get(server, "/metrics");
            assertTrue(metrics.contains("streambench_mock_model_queue_length{model=\"one-slot\"} 1.0"), metrics);
            assertTrue(metrics.contains("streambench_mock_model_active_sequences{model=\"one-slot\"} 1.0"), metrics);
            assertTrue(metrics.contains("streambench_mock_model_queued_total{model=\"one-slot\"} 1.0"), metrics);

            second.close(); // leaves the queue
            Await.until(() -> model.queueLength() == 0, "second left the queue");
            first.close(); // frees the slot
            Await.until(() -> model.activeSequences() == 0, "slot freed");
            JsonNode after = stats(server).at("/models/one-slot");
            assertEquals(1, after.get("cancelled_in_queue").asInt());
            assertEquals(1, after.get("admitted").asInt());
        }
    }

    @Test
    void shouldQueueNonStreamingRequestsToo() throws Exception {
        try (MockServer server = start(PROFILES)) {
            ExecutorService pool = Executors.newFixedThreadPool(3);
            try (RawHttpClient warmUp = new RawHttpClient(server.port())) {
                // The first non-streaming answer loads the JSON writer's classes on the loop: not what is measured.
                warmUp.postAndRead("/v1/chat/completions",
                        "{\"model\":\"instant\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
                List<Future<Double>> times = new ArrayList<>();
                CountDownLatch go = new CountDownLatch(1);
                for (int i = 0; i < 3; i++) {
                    times.add(pool.submit(() -> {
                        try (RawHttpClient c = new RawHttpClient(server.port())) {
                            go.await();
                            RawHttpClient.Response r = c.postAndRead("/v1/chat/completions",
                                    "{\"model\":\"two-slots\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
                            assertEquals(200, r.status(), r.body());
                            return (System.nanoTime() - r.sentNanos()) / 1e6;
                        }
                    }));
                }
                go.countDown();
                List<Double> ms = new ArrayList<>();
                for (Future<Double> f : times) {
                    ms.add(f.get(10, TimeUnit.SECONDS));
                }
                Collections.sort(ms);
                assertTrue(ms.get(1) >= 140 && ms.get(1) < 140 + 40, "two answered after 140 ms: " + ms);
                // The third waited for a slot (140 ms less how much later than the first it arrived), then 140 ms.
                assertTrue(ms.get(2) >= 200, "the third after waiting for a slot: " + ms);
                assertEquals(1, stats(server).at("/models/two-slots/queued").asInt());
            } finally {
                pool.shutdownNow();
                assertTrue(pool.awaitTermination(5, TimeUnit.SECONDS));
            }
        }
    }

    private static MockServer start(String profiles) {
        return MockServer.start(MockServerConfig.defaults().withProfiles(ProfileLoader.parse(profiles)));
    }

    /** Sends {@code n} streaming requests at once; their ttfts in ms. */
    private static List<Double> concurrently(ExecutorService pool, MockServer server, int n, String model)
            throws Exception {
        List<Double> ttfts = new ArrayList<>();
        for (RawHttpClient.Response r : responses(pool, server, n, model)) {
            ttfts.add((r.events().get(1).arrivalNanos() - r.sentNanos()) / 1e6);
        }
        return ttfts;
    }

    /** The gaps between the content events' send stamps of {@code n} concurrent "batch" streams, in ms. */
    private static List<Double> stampGaps(ExecutorService pool, MockServer server, int n) throws Exception {
        List<Double> gaps = new ArrayList<>();
        for (RawHttpClient.Response r : responses(pool, server, n, "batch")) {
            List<RawHttpClient.Event> events = r.events();
            assertEquals(30 + 3, events.size(), "role + first content, 29 more, finish, [DONE]");
            for (int i = 2; i <= 30; i++) {
                gaps.add((stamp(events.get(i)) - stamp(events.get(i - 1))) / 1e6);
            }
        }
        return gaps;
    }

    private static List<RawHttpClient.Response> responses(ExecutorService pool, MockServer server, int n, String model)
            throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<RawHttpClient.Response>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            futures.add(pool.submit(() -> {
                try (RawHttpClient c = new RawHttpClient(server.port())) {
                    go.await();
                    return c.postAndRead("/v1/chat/completions", body(model));
                }
            }));
        }
        go.countDown();
        List<RawHttpClient.Response> out = new ArrayList<>();
        for (Future<RawHttpClient.Response> f : futures) {
            RawHttpClient.Response r = f.get(10, TimeUnit.SECONDS);
            assertEquals(200, r.status(), r.body());
            out.add(r);
        }
        return out;
    }

    private static JsonNode stats(MockServer server) throws Exception {
        return JSON.readTree(get(server, "/stats"));
    }

    private static String get(MockServer server, String path) throws Exception {
        try (RawHttpClient c = new RawHttpClient(server.port())) {
            c.send("GET " + path + " HTTP/1.1\r\nHost: x\r\n\r\n");
            return c.read(0).body();
        }
    }

    private static String body(String model) {
        return "{\"model\":\"" + model + "\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    }

    private static long stamp(RawHttpClient.Event e) {
        return Long.parseLong(e.lines().get(0).substring(": t=".length()));
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
