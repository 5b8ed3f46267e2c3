package io.streambench.driver.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streambench.driver.Arrival;
import io.streambench.driver.StageWindow;
import io.streambench.driver.Workload;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** When a stage did not carry the load it was given. */
class SaturationTest {

    private static final Workload.Open RATE_100 = new Workload.Open(100, Arrival.POISSON, 1024);
    private static final double[] FLAT = {20e6, 22e6, 19e6, 21e6};

    @Test
    void shouldMarkAnOpenStageThatAchievedWellShortOfItsRate() {
        // 10 s at 100/s: 1,000 expected, Poisson noise about 32
        assertEquals("achieved 80.0 of 100 requests/s", StageVerdict.saturation(figures(RATE_100, 800, FLAT)));
        assertNull(StageVerdict.saturation(figures(RATE_100, 920, FLAT)), "within 10 %");
    }

    @Test
    void shouldNotTakePoissonNoiseOfAShortStageForAShortfall() {
        // 1 s at 20/s: 20 expected, 3 sigma is 13 requests; 15 is short by 25 % but well within the noise
        Workload.Open slow = new Workload.Open(20, Arrival.POISSON, 1024);
        assertNull(StageVerdict.saturation(figures(slow, 1, 15, FLAT)));
        assertTrue(StageVerdict.saturation(figures(slow, 1, 3, FLAT)).startsWith("achieved 3.0 of 20"));
    }

    @Test
    void shouldMarkQueueingThatGrowsThroughTheWindow() {
        String grows = StageVerdict.saturation(figures(RATE_100, 1000, new double[] {20e6, 45e6, 70e6, 95e6}));
        assertEquals("queueing grows: intended send to first token 20.0 ms in the window's first quarter, 95.0 ms in "
                + "its last", grows);
        assertNull(StageVerdict.saturation(figures(RATE_100, 1000, new double[] {20e6, 45e6, 40e6, 95e6})),
                "not growing every quarter: a burst, not a queue without bound");
        assertNull(StageVerdict.saturation(figures(RATE_100, 1000, new double[] {20e6, 25e6, 30e6, 35e6})),
                "growing by less than twice");
        assertNull(StageVerdict.saturation(figures(RATE_100, 1000, new double[] {20e6, 21e6, 23e6, 95e6})),
                "one stall's backlog in the last quarter, not a queue growing through the window");
        assertNull(StageVerdict.saturation(figures(RATE_100, 1000, new double[] {Double.NaN, 45e6, 70e6, 95e6})),
                "a quarter without requests");
    }

    @Test
    void shouldNeverMarkAClosedLoopWhoseLoadIsWhatTheServerTakes() {
        assertNull(StageVerdict.saturation(figures(new Workload.Closed(8), 10, new double[] {1e6, 3e6, 5e6, 9e6})));
    }

    @Test
    void shouldMissTheObjectivesWhenSaturatedWhateverTheLatencies() {
        Objectives none = Objectives.NONE;
        StageVerdict v = StageVerdict.of(new StageFigures(0, RATE_100, Map.of(), window(10, 500),
                new SloCounts(none, 0, 0, new long[0], 0, 0, FLAT)));
        assertFalse(v.meets());
        assertEquals(List.of(), v.checks());
    }

    private static StageFigures figures(Workload w, long succeeded, double[] quarters) {
        return figures(w, 10, succeeded, quarters);
    }

    private static StageFigures figures(Workload w, double seconds, long succeeded, double[] quarters) {
        return new StageFigures(0, w, Map.of(), window(seconds, succeeded),
                new SloCounts(Objectives.NONE, succeeded, succeeded, new long[0], succeeded, 0, quarters));
    }

    private static StageWindow.Figures window(double seconds, long succeeded) {
        StageWindow.Counts none = new StageWindow.Counts(0, 0, 0, 0, 0);
        return new StageWindow.Figures(1, seconds, 0.1, none,
                new StageWindow.Counts(succeeded, succeeded, 0, succeeded, 0), none);
    }
}
