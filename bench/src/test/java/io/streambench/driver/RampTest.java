package io.streambench.driver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streambench.mock.MockServer;
import io.streambench.mock.MockServerConfig;
import io.streambench.mock.profile.RequestOverrides;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A closed loop's ramp-up: its streams start spread over it. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RampTest {

    private static MockServer server;

    @BeforeAll
    static void startMock() {
        server = MockServer.start(MockServerConfig.defaults());
    }

    @AfterAll
    static void stopMock() {
        server.close();
    }

    @Test
    void offsetsStartAtZeroAscendWithinTheRampAndFillIt() {
        long ramp = Duration.ofSeconds(1).toNanos();
        long[] at = Ramp.offsets(256, Duration.ofSeconds(1));

        assertEquals(0, at[0]);
        long widest = 0;
        for (int i = 1; i < at.length; i++) {
            assertTrue(at[i] >= at[i - 1] && at[i] < ramp, "offset " + i + ": " + at[i]);
            widest = Math.max(widest, at[i] - at[i - 1]);
        }
        // Evenly spread: no gap is more than three times the mean one.
        assertTrue(widest < 3 * ramp / 256, "widest gap " + widest);
        assertArrayEquals(new long[] {0}, Ramp.offsets(1, Duration.ofSeconds(1)));
    }

    @Test
    void offsetsNeverFallInLockstepWithAServerPeriod() {
        // 50 streams over 1 s evenly spaced would be 20 ms apart: all in one phase of a 20 ms server period.
        long period = Duration.ofMillis(20).toNanos();
        int[] perMillisecondOfThePeriod = new int[20];
        for (long at : Ramp.offsets(50, Duration.ofSeconds(1))) {
            perMillisecondOfThePeriod[(int) (at % period / 1_000_000)]++;
        }
        for (int n : perMillisecondOfThePeriod) {
            assertTrue(n <= 5, "50 streams over 20 phases: " + java.util.Arrays.toString(perMillisecondOfThePeriod));
        }
    }

    @Test
    void theDefaultIsAMillisecondPerStreamAtMostASecond() {
        assertEquals(Duration.ZERO, Bounds.autoRampUp(1));
        assertEquals(Duration.ofMillis(255), Bounds.autoRampUp(256));
        assertEquals(Duration.ofSeconds(1), Bounds.autoRampUp(10_000));
        assertEquals(Duration.ofMillis(255), new Bounds(null, 1, Duration.ZERO, null).rampUpFor(256));
        assertEquals(Duration.ZERO, new Bounds(null, 1, Duration.ZERO).rampUpFor(256));
    }

    @Test
    void streamsStartSpreadOverTheRamp() {
        List<AttemptRow> firsts = firstRequests(Duration.ofMillis(400));

        long spread = firsts.get(7).times().intendedSinceOrigin() - firsts.get(0).times().intendedSinceOrigin();
        // The eighth of eight streams starts at 0.854 of the ramp: 342 ms.
        assertTrue(spread >= 300_000_000L && spread < 400_000_000L, "first sends spread over " + spread / 1e6 + " ms");
        assertTrue(firsts.stream().allMatch(row -> row.id().measured()), "without --warmup the ramp is measured");
    }

    @Test
    void aZeroRampStartsEveryStreamAtOnce() {
        List<AttemptRow> firsts = firstRequests(Duration.ZERO);

        long spread = firsts.get(7).times().intendedSinceOrigin() - firsts.get(0).times().intendedSinceOrigin();
        assertTrue(spread < 50_000_000L, "first sends spread over " + spread / 1e6 + " ms");
    }

    /** The 8 requests of 8 closed-loop streams, one each, in request order; each answer outlasts the ramp. */
    private static List<AttemptRow> firstRequests(Duration ramp) {
        Runs.Recorded r = Runs.run(Runs.config(
                Runs.target(server.baseUrl(), "paced", RequestOverrides.TTFT_MS, "0", RequestOverrides.ITL_MS, "10",
                        RequestOverrides.OUTPUT_TOKENS, "50"),
                List.of(new Workload.Closed(8)), new Bounds(null, 8, Duration.ZERO, ramp), Runs.SHORT,
                Runs.NO_RETRY));
        List<AttemptRow> rows = r.rows().stream().sorted(Comparator.comparingLong(row -> row.id().requestId())).toList();
        assertEquals(8, rows.size(), "the 8 requests asked for, one per stream");
        return rows.subList(0, 8);
    }
}
