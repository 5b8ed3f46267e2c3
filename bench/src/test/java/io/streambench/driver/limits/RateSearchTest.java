package io.streambench.driver.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streambench.driver.Arrival;
import io.streambench.driver.Metric;
import io.streambench.driver.StageWindow;
import io.streambench.driver.Workload;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleFunction;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** The search's bracket, bisection and repeats, against servers made of verdicts. */
class RateSearchTest {

    private static final Objectives P99 = Objectives.parse(List.of("ttft.p99<=100ms"), 0.99);

    @Test
    void shouldBracketThenBisectToTheHighestRateThatMeetsTheObjectives() {
        // a server whose ttft p99 is 50 ms up to 37.5 requests/s and 400 ms above
        Driven d = drive(v -> RateSearch.rate(5, 0.05, 30, Arrival.POISSON, 64, v),
                rate -> rate <= 37.5 ? 50.0 : 400.0);

        LimitOutcome o = d.search.outcome();
        assertEquals(List.of(5.0, 10.0, 20.0, 40.0, 30.0, 35.0, 37.5, 38.75), d.levels);
        assertEquals(37.5, o.answer());
        assertEquals(38.75, o.high());
        assertEquals("max rate 37.5 requests/s, between 37.5 and 38.75: 37.5 met every objective, 38.75 missed "
                + "(8 stages)", o.line());
        assertEquals(List.of("bracket", "bracket", "bracket", "bracket", "bisect", "bisect", "bisect", "bisect"),
                o.stages().stream().map(LimitOutcome.Probe::role).toList());
    }

    @Test
    void shouldRepeatAStageNearTheBoundaryUntilTwoAgree() {
        // near the bound (closeness 0.8 to 1.25) a single stage does not decide: 40 req/s passes once by luck
        List<Double> figures = new ArrayList<>(List.of(95.0, 110.0, 112.0));
        Driven d = drive(v -> RateSearch.rate(40, 0.05, 30, Arrival.POISSON, 64, v),
                rate -> rate == 40 ? figures.remove(0) : rate < 40 ? 50.0 : 400.0);

        assertEquals(List.of(40.0, 40.0, 40.0, 20.0, 30.0, 35.0, 37.5, 38.75), d.levels);
        assertEquals(List.of("bracket", "repeat", "repeat", "bracket"),
                d.search.outcome().stages().subList(0, 4).stream().map(LimitOutcome.Probe::role).toList());
        assertEquals(38.75, d.search.outcome().answer());
        assertEquals(40.0, d.search.outcome().high());
    }

    @Test
    void shouldStartFromTheSynchronousStageAndSayWhenNothingMeetsTheObjectives() {
        Driven d = drive(v -> RateSearch.rate(Double.NaN, 0.05, 30, Arrival.CONSTANT, 64, v), rate -> 500.0);

        assertEquals("synchronous", d.search.outcome().stages().get(0).role());
        assertEquals(1, d.levels.size());
        assertTrue(d.search.outcome().line().endsWith("none found (1 stages); even one stream at a time misses the "
                + "objectives"), d.search.outcome().line());
        assertTrue(Double.isNaN(d.search.outcome().answer()));
    }

    @Test
    void shouldSearchConcurrencyInWholeStreamsUpToItsCap() {
        Driven d = drive(v -> RateSearch.concurrency(1, 0.05, 30, 64, v), c -> c <= 13 ? 50.0 : 400.0);

        // a closed loop is never saturated: each miss is confirmed by a second stage
        assertEquals(List.of(1.0, 2.0, 4.0, 8.0, 16.0, 16.0, 12.0, 14.0, 14.0, 13.0), d.levels);
        assertEquals(13.0, d.search.outcome().answer());
        assertEquals("max_concurrency", d.search.outcome().search());
    }

    @Test
    void shouldStopAtTheStageBudgetWithTheBracketSoFar() {
        Driven d = drive(v -> RateSearch.rate(5, 0.001, 6, Arrival.POISSON, 64, v),
                rate -> rate <= 37.5 ? 50.0 : 400.0);

        assertEquals(6, d.levels.size());
        assertTrue(d.search.outcome().line().endsWith("--max-stages 6 reached"), d.search.outcome().line());
        assertEquals(35.0, d.search.outcome().low());
        assertEquals(40.0, d.search.outcome().high());
    }

    /** The levels a search ran against a server whose ttft p99 (ms) at each level is {@code p99}. */
    private static Driven drive(Function<IntFunction<StageVerdict>, RateSearch> make, DoubleFunction<Double> p99) {
        Map<Integer, StageVerdict> verdicts = new HashMap<>();
        RateSearch search = make.apply(verdicts::get);
        List<Double> levels = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            Workload w = search.next(i);
            if (w == null) {
                return new Driven(search, levels);
            }
            double level = w instanceof Workload.Open o ? o.ratePerSecond() : ((Workload.Closed) w).concurrency();
            levels.add(level);
            verdicts.put(i, verdict(i, w, p99.apply(level)));
        }
        throw new AssertionError("the search did not end: " + levels);
    }

    /**
     * A stage with the given ttft p99 (10 s window): above 200 ms an open loop's queue grew through it (the
     * overload that a latency that high comes from), else it carried its load.
     */
    static StageVerdict verdict(int index, Workload w, double p99Ms) {
        Histogram ttft = new Histogram(3);
        ttft.recordValueWithCount(Math.round(p99Ms * 1e6), 1000);
        double rate = w instanceof Workload.Open o ? o.ratePerSecond() : 10;
        StageWindow.Counts none = new StageWindow.Counts(0, 0, 0, 0, 0);
        long n = Math.round(rate * 10);
        StageWindow.Figures window = new StageWindow.Figures(1, 10, 0.1, none, new StageWindow.Counts(n, n, 0, n, 0),
                none);
        double[] queueing = p99Ms > 200 ? new double[] {1e7, 3e7, 5e7, 9e7} : new double[] {1e7, 1e7, 1e7, 1e7};
        SloCounts slo = new SloCounts(P99, n, n, new long[0], n, 0, queueing);
        return StageVerdict.of(new StageFigures(index, w, Map.of(Metric.TTFT, ttft), window, slo));
    }

    record Driven(RateSearch search, List<Double> levels) {
    }
}
