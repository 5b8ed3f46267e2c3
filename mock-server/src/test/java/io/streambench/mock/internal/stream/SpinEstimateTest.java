package io.streambench.mock.internal.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SpinEstimateTest {

    private static final long LONG_SLEEP = 200_000_000L;
    private static final long SHORT_SLEEP = 5_000_000L;

    @Test
    void aBusySpellOfShortSleepsLeavesWhatLongSleepsTaughtInPlace() {
        SpinEstimate spin = new SpinEstimate();
        for (int i = 0; i < 4; i++) {
            spin.learn(LONG_SLEEP, 400_000);
        }
        long afterLongSleeps = spin.spinNanos(LONG_SLEEP);
        // 256 streams: hundreds of exact wake-ups after short sleeps, each on time.
        for (int i = 0; i < 500; i++) {
            spin.learn(SHORT_SLEEP, 5_000);
        }

        assertTrue(afterLongSleeps >= 550_000, "1.5 x about 400 µs + 20 µs: " + afterLongSleeps);
        assertEquals(afterLongSleeps, spin.spinNanos(LONG_SLEEP), "the next first token 200 ms after a request");
        assertTrue(spin.spinNanos(SHORT_SLEEP) < 40_000, "a busy loop spins little: " + spin.spinNanos(SHORT_SLEEP));
    }

    @Test
    void risesHalfwayAtOnceAndFallsByAnEighth() {
        SpinEstimate spin = new SpinEstimate(); // 60 µs learnt to start with: a 110 µs spin

        spin.learn(LONG_SLEEP, 460_000);
        assertEquals(260_000 * 3 / 2 + 20_000, spin.spinNanos(LONG_SLEEP));
        spin.learn(LONG_SLEEP, 0);
        assertEquals((260_000 - 260_000 / 8) * 3 / 2 + 20_000, spin.spinNanos(LONG_SLEEP));
    }

    @Test
    void staysWithinItsBounds() {
        SpinEstimate spin = new SpinEstimate();
        for (int i = 0; i < 200; i++) {
            spin.learn(LONG_SLEEP, 50_000_000L); // a preempted loop
            spin.learn(SHORT_SLEEP, 0);
        }

        assertEquals(SpinEstimate.MAX_SPIN_NANOS, spin.spinNanos(LONG_SLEEP));
        assertTrue(spin.spinNanos(SHORT_SLEEP) < SpinEstimate.MIN_SPIN_NANOS + 1_000, "" + spin.spinNanos(SHORT_SLEEP));
    }
}
