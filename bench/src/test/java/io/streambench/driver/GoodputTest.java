package io.streambench.driver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.streambench.driver.limits.Objectives;
import io.streambench.driver.limits.SloCounts;
import io.streambench.mock.MockServer;
import io.streambench.mock.MockServerConfig;
import io.streambench.mock.internal.fault.ArmedFaults;
import io.streambench.mock.internal.stream.Script;
import io.streambench.mock.internal.wire.ChatRequest;
import io.streambench.mock.internal.wire.StreamPlan;
import io.streambench.mock.internal.wire.WireFormat;
import io.streambench.mock.profile.ProfileLoader;
import io.streambench.mock.profile.RequestOverrides;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Goodput against the mock's seeded distributions: each request's time to first token is 5 ms or 1,500 ms and
 * each of its three gaps 1 ms or 600 ms, drawn from its {@code x-mock-seed}. Which requests meet
 * {@code ttft<=750ms} and {@code itl.max<=300ms} is then known before the run, by drawing the same plans with the
 * mock's own code. The bounds sit halfway between the draws, so only a request the busy machine delayed by
 * hundreds of milliseconds can land on the other side; every other request must get the verdict its draws give,
 * and the stage's counts must be exactly what requests.csv's {@code slo} column says.
 */
class GoodputTest {

    private static final String[] HEADERS = {RequestOverrides.TTFT_MS, "empirical:5,1500", RequestOverrides.ITL_MS,
        "empirical:1,1,1,600", RequestOverrides.OUTPUT_TOKENS, "4", RequestOverrides.TOKENS_PER_CHUNK, "1"};
    private static final long TTFT_BOUND_MS = 750;
    private static final long ITL_BOUND_MS = 300;
    private static final int REQUESTS = 300;

    private static MockServer server;

    @BeforeAll
    static void start() {
        server = MockServer.start(MockServerConfig.defaults());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void shouldCountTheRequestsWhoseSeededDrawsMeetTheObjectives() {
        Objectives slo = Objectives.parse(List.of("ttft<=" + TTFT_BOUND_MS + "ms,itl.max<=" + ITL_BOUND_MS + "ms"),
                0.99);
        // a warm-up keeps the first connections' setup out of the measured requests
        RunConfig config = new RunConfig("test", Runs.target(server.baseUrl(), "paced", HEADERS),
                List.of(new Workload.Closed(100)), new Bounds(null, REQUESTS, Duration.ofMillis(500)), Runs.SHORT,
                Runs.NO_RETRY, ClientOptions.defaults(), 7, 2, 0, slo);

        Runs.Recorded r = Runs.run(config);

        long[] drawn = new long[3]; // per the seeded draws: met ttft, met itl.max, met both
        long[] written = new long[3]; // per the slo column
        long late = 0;
        long goodAnyPhase = 0;
        List<String> unexplained = new ArrayList<>();
        for (AttemptRow row : r.rows()) {
            assertTrue(row.ending().error().ok(), row.ending().toString());
            assertFalse(row.slo().isEmpty(), "every request's last attempt has a verdict, warm-up ones too");
            goodAnyPhase += row.slo().equals("met") ? 1 : 0;
            if (!row.id().measured()) {
                continue;
            }
            List<Long> delays = delays(Stage.mix(config.seed() * 31 + row.id().requestId()));
            boolean ttft = delays.get(0) <= TTFT_BOUND_MS * 1_000_000;
            boolean itl = delays.subList(1, delays.size()).stream().allMatch(d -> d <= ITL_BOUND_MS * 1_000_000);
            count(drawn, ttft, itl);
            count(written, !row.slo().contains("ttft"), !row.slo().contains("itl.max"));
            String expected = ttft && itl ? "met" : !ttft && !itl ? "ttft;itl.max" : !ttft ? "ttft" : "itl.max";
            if (!expected.equals(row.slo())) {
                // The mock keeps absolute deadlines: a first token that came late shortens the gaps after it. On a
                // loaded machine that can move a request across a bound, but only one that was late.
                long lateness = row.times().ttft() - delays.get(0);
                if (lateness > 100_000_000L) {
                    late++;
                } else {
                    unexplained.add(row.id().requestId() + ": drawn " + delays + " wrote " + row.slo());
                }
            }
        }
        assertEquals(List.of(), unexplained);
        assertTrue(late <= REQUESTS / 10, late + " requests late by over 100 ms: the machine is too busy to tell");
        // the draws are what the distributions say (1/2, (3/4)^3), so the run is not trivially all or none
        assertTrue(Math.abs(drawn[0] / (double) REQUESTS - 0.5) < 0.15, "ttft draws met " + drawn[0]);
        assertTrue(Math.abs(drawn[1] / (double) REQUESTS - 0.42) < 0.15, "itl draws met " + drawn[1]);

        // the stage's tally is exactly what the slo column says
        SloCounts counts = r.stages.get(0).slo().counts();
        assertEquals(REQUESTS, counts.judged());
        assertArrayEquals(new long[] {written[0], written[1]}, counts.metEach());
        assertEquals(written[2], counts.met());
        assertEquals(written[2] / (double) REQUESTS, counts.share(), 1e-12);
        // goodput: the good requests that ended within the window (warm-up ones that ended after it too, as for
        // requests/s; not those of the drain), 4 tokens each
        assertTrue(counts.windowGood() > 0 && counts.windowGood() <= goodAnyPhase,
                counts.windowGood() + " of " + goodAnyPhase);
        assertEquals(4 * counts.windowGood(), counts.windowGoodTokens());
    }

    private static void count(long[] tally, boolean ttft, boolean itl) {
        tally[0] += ttft ? 1 : 0;
        tally[1] += itl ? 1 : 0;
        tally[2] += ttft && itl ? 1 : 0;
    }

    /** The delays of the answer the mock plans for {@code seed}: the time to first token, then every gap (ns). */
    private static List<Long> delays(long seed) {
        Map<String, String> headers = new HashMap<>();
        for (int i = 0; i < HEADERS.length; i += 2) {
            headers.put(HEADERS[i], HEADERS[i + 1]);
        }
        headers.put(RequestOverrides.SEED, Long.toString(seed));
        ChatRequest request = new ChatRequest("paced", true, true, 0, 1, List.of(), ChatRequest.ToolChoice.AUTO, true,
                null, "Hello", 1);
        StreamPlan plan = StreamPlan.create(ProfileLoader.builtins().named("paced"), request,
                RequestOverrides.fromHeaders(headers::get), 0);
        Script script = WireFormat.chatCompletions().script(plan, ArmedFaults.NONE);
        List<Long> out = new ArrayList<>();
        ByteBuf scratch = Unpooled.buffer();
        try {
            while (!script.finished()) {
                out.add(script.nextStepDelayNanos());
                scratch.clear();
                script.writeStep(scratch, 0);
            }
        } finally {
            scratch.release();
        }
        // the steps after the last token (usage, [DONE]) come at once
        return out.subList(0, 4);
    }
}
