package io.streambench.report.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComparisonTest {

    @TempDir
    Path dir;

    private Comparison runs(List<Path> baseline, List<Path> current) {
        return new Comparison(Results.load(baseline), Results.load(current));
    }

    private static Check only(List<Check> checks) {
        assertEquals(1, checks.size(), checks::toString);
        return checks.get(0);
    }

    @Test
    void shouldLineUpEveryMetricOfEveryStageWithItsChange() {
        Comparison c = runs(List.of(Fixtures.run(dir, "a", 10, 1000, 0, 10, 20, 300)),
                List.of(Fixtures.run(dir, "b", 10, 1000, 0, 10, 22, 330)));

        Comparison.Row p99 = c.rows().stream().filter(r -> r.metric().equals("ttft.p99")).findFirst().orElseThrow();
        assertEquals("stage 0 concurrency=4", p99.scope().label());
        assertEquals(30, p99.delta(), 1e-9);
        assertEquals(10, p99.percent(), 1e-9);
        assertEquals("ms", p99.unit().label());
        Comparison.Row perRequest = c.rows().stream().filter(r -> r.metric().equals("tokens_per_request"))
                .findFirst().orElseThrow();
        assertEquals(100, perRequest.current().figure().value());
        assertTrue(c.rows().stream().anyMatch(r -> r.scope().label().equals("run")
                && r.metric().equals("max_heap_used_mb")));
    }

    @Test
    void shouldTripAChangeGateNamingTheMetricTheMoveAndTheThreshold() {
        Comparison c = runs(List.of(Fixtures.run(dir, "a", 10, 1000, 0, 10, 20, 300)),
                List.of(Fixtures.run(dir, "b", 10, 1000, 0, 10, 22.5, 300)));

        Check tripped = only(c.evaluate(Gate.parse("itl.p50>+2ms")));
        assertEquals(Check.Status.FAILED, tripped.status());
        assertEquals("itl.p50 [stage 0 concurrency=4]: 20 ms -> 22.5 ms (+2.5 ms, +12.5%) past +2ms, gate itl.p50>+2ms",
                tripped.message());
        assertEquals(Check.Status.PASSED, only(c.evaluate(Gate.parse("itl.p50>+2500us"))).status());
        assertEquals(Check.Status.FAILED, only(c.evaluate(Gate.parse("itl.p50>+10%"))).status());
        assertEquals(Check.Status.PASSED, only(c.evaluate(Gate.parse("itl.p50>+15%"))).status());
        assertEquals(Check.Status.PASSED, only(c.evaluate(Gate.parse("itl.p50<-1%"))).status(), "wrong direction");
    }

    @Test
    void shouldCheckABoundOnTheCurrentFigureAlone() {
        Comparison c = runs(List.of(Fixtures.run(dir, "a", 10, 1000, 0, 10, 20, 300)),
                List.of(Fixtures.run(dir, "b", 10, 900, 1, 10, 20, 300)));

        Check errors = only(c.evaluate(Gate.parse("errors>0")));
        assertEquals(Check.Status.FAILED, errors.status());
        assertTrue(errors.message().startsWith("errors [stage 0 concurrency=4]: 1 (baseline 0), above 0"),
                errors.message());
        assertEquals(Check.Status.FAILED, only(c.evaluate(Gate.parse("errors.http_status>0"))).status());
        assertEquals(Check.Status.PASSED, only(c.evaluate(Gate.parse("errors.reset>0"))).status());
        assertEquals(Check.Status.PASSED, only(c.evaluate(Gate.parse("ttft.p99>500ms"))).status());
        assertEquals(Check.Status.FAILED, only(c.evaluate(Gate.parse("tokens_per_request<100"))).status());
        assertEquals(Check.Status.FAILED, only(c.evaluate(Gate.parse("ttft.p99>0.25s"))).status());
    }

    @Test
    void shouldCompareMediansOfRepeatedRunsAndIgnoreMovesInsideTheirSpread() {
        // tokens_per_s: baseline 90, 100, 110; current 80, 85, 120 (median -15 %, spreads overlap)
        List<Path> baseline = List.of(Fixtures.run(dir, "a1", 10, 900, 0, 10, 20, 300),
                Fixtures.run(dir, "a2", 10, 1000, 0, 10, 20, 300), Fixtures.run(dir, "a3", 10, 1100, 0, 10, 20, 300));
        List<Path> noisy = List.of(Fixtures.run(dir, "b1", 10, 800, 0, 10, 20, 300),
                Fixtures.run(dir, "b2", 10, 850, 0, 10, 20, 300), Fixtures.run(dir, "b3", 10, 1200, 0, 10, 20, 300));
        List<Path> slower = List.of(Fixtures.run(dir, "c1", 10, 700, 0, 10, 20, 300),
                Fixtures.run(dir, "c2", 10, 750, 0, 10, 20, 300), Fixtures.run(dir, "c3", 10, 800, 0, 10, 20, 300));

        Check withinNoise = only(runs(baseline, noisy).evaluate(Gate.parse("tokens/s<-10%")));
        assertEquals(Check.Status.PASSED, withinNoise.status());
        assertTrue(withinNoise.message().contains("100 (90..110) tokens/s -> 85 (80..120) tokens/s (-15 tokens/s, -15.0%)"),
                withinNoise.message());
        assertTrue(withinNoise.message().contains("within the noise"), withinNoise.message());

        Check tripped = only(runs(baseline, slower).evaluate(Gate.parse("tokens/s<-10%")));
        assertEquals(Check.Status.FAILED, tripped.status(), tripped.message());
        assertTrue(tripped.message().contains("intervals do not overlap"), tripped.message());
    }

    @Test
    void shouldFailABoundWhenAnyRepeatedRunCrossesIt() {
        List<Path> baseline = List.of(Fixtures.run(dir, "a", 10, 1000, 0, 10, 20, 300));
        List<Path> current = List.of(Fixtures.run(dir, "b1", 10, 1000, 0, 10, 20, 300),
                Fixtures.run(dir, "b2", 10, 1000, 2, 10, 20, 300), Fixtures.run(dir, "b3", 10, 1000, 0, 10, 20, 300));

        Check errors = only(runs(baseline, current).evaluate(Gate.parse("errors>0")));
        assertEquals(Check.Status.FAILED, errors.status());
        assertTrue(errors.message().contains("in 1 of 3 (worst 2)"), errors.message());
    }

    @Test
    void shouldTripAJmhScoreGateOnlyWhenTheConfidenceIntervalsDoNotOverlap() {
        Path base = Fixtures.jmh(dir, "base", "P.parse,parser=a,100.0,5.0,ops/s,10.0");
        Path clear = Fixtures.jmh(dir, "clear", "P.parse,parser=a,80.0,5.0,ops/s,10.0");
        Path wide = Fixtures.jmh(dir, "wide", "P.parse,parser=a,80.0,15.0,ops/s,10.0");
        Path exact = Fixtures.jmh(dir, "exact", "P.parse,parser=a,80.0,,ops/s,10.0");

        Check tripped = only(runs(List.of(base), List.of(clear)).evaluate(Gate.parse("score<-10%")));
        assertEquals(Check.Status.FAILED, tripped.status());
        assertEquals("score [P.parse parser=a]: 100 (95..105) ops/s -> 80 (75..85) ops/s (-20 ops/s, -20.0%) past -10%, "
                + "gate score<-10%; intervals do not overlap", tripped.message());
        Check noise = only(runs(List.of(base), List.of(wide)).evaluate(Gate.parse("events/s<-10%")));
        assertEquals(Check.Status.PASSED, noise.status(), noise.message());
        assertTrue(noise.message().contains("within the noise (intervals 95..105 and 65..95 overlap)"), noise.message());
        assertEquals(Check.Status.FAILED, only(runs(List.of(base), List.of(exact))
                .evaluate(Gate.parse("score<-10%"))).status(), "a point against an interval: outside it");
    }

    @Test
    void shouldReadBytesPerOpCountersAndParametersInAnyOrder() {
        Path base = Fixtures.jmh(dir, "base", "F.chunk,policy=size;chars=100,5.0,0.1,ops/s,1.2",
                "F.chunk:flushesPerStream,policy=size;chars=100,486.000,,\"#\",");
        Path cur = Fixtures.jmh(dir, "cur", "F.chunk,chars=100;policy=size,5.0,0.1,ops/s,40.5",
                "F.chunk:flushesPerStream,chars=100;policy=size,500.000,,\"#\",");
        Comparison c = runs(List.of(base), List.of(cur));

        Check alloc = only(c.evaluate(Gate.parse("B/op>+16B")));
        assertEquals(Check.Status.FAILED, alloc.status());
        assertTrue(alloc.message().startsWith("B/op [F.chunk policy=size;chars=100]: 1.2 B/op -> 40.5 B/op (+39.3 B/op"),
                alloc.message());
        assertEquals(Check.Status.FAILED, only(c.evaluate(Gate.parse("flushesPerStream>+1%"))).status());
        assertEquals(Check.Status.PASSED, only(c.evaluate(Gate.parse("flushesPerStream>+5%"))).status());
    }

    @Test
    void shouldGateARatioOfTwoBenchmarks() {
        Path base = Fixtures.jmh(dir, "base", "P.parse,parser=fast,1000.0,,ops/s,", "P.parse,parser=slow,100.0,,ops/s,");
        Path cur = Fixtures.jmh(dir, "cur", "P.parse,parser=fast,400.0,,ops/s,", "P.parse,parser=slow,50.0,,ops/s,");
        Comparison c = runs(List.of(base), List.of(cur));

        Check ratio = only(c.evaluate(Gate.parse("score[parser=fast]/score[parser=slow]<-10%")));
        assertEquals(Check.Status.FAILED, ratio.status());
        assertTrue(ratio.message().startsWith("score/score [P.parse parser=fast / P.parse parser=slow]: 10 -> 8 (-2, -20.0%)"),
                ratio.message());
        assertThrows(IllegalArgumentException.class,
                () -> c.evaluate(Gate.parse("score[P.parse]/score[parser=slow]<-10%")), "two figures on the left");
    }

    @Test
    void shouldFailAFigureThatVanishedAndSkipANewOne() {
        Path base = Fixtures.jmh(dir, "base", "P.parse,parser=a,100.0,,ops/s,", "P.parse,parser=b,100.0,,ops/s,");
        Path cur = Fixtures.jmh(dir, "cur", "P.parse,parser=a,100.0,,ops/s,", "P.parse,parser=c,100.0,,ops/s,");

        List<Check> checks = runs(List.of(base), List.of(cur)).evaluate(Gate.parse("score<-10%"));
        assertEquals(List.of(Check.Status.PASSED, Check.Status.FAILED, Check.Status.SKIPPED),
                checks.stream().map(Check::status).toList());
        assertTrue(checks.get(1).message().contains("missing from the current results"), checks.get(1).message());
    }

    @Test
    void shouldRejectUnknownMetricsUnfitUnitsAndGatesThatMatchNothing() {
        Comparison c = runs(List.of(Fixtures.run(dir, "a", 10, 1000, 0, 10, 20, 300)),
                List.of(Fixtures.run(dir, "b", 10, 1000, 0, 10, 20, 300)));

        assertTrue(assertThrows(IllegalArgumentException.class, () -> c.evaluate(Gate.parse("ttft.p98>+1%")))
                .getMessage().startsWith("unknown metric 'ttft.p98'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> c.evaluate(Gate.parse("errors>+2ms")))
                .getMessage().contains("unit ms does not fit"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> c.evaluate(Gate.parse("ttft.p99[stage=3]>+1%")))
                .getMessage().contains("matches no figure"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> c.evaluate(Gate.parse("B/op>+1%")))
                .getMessage().startsWith("unknown metric 'B/op' for run results"));
        Path jmh = Fixtures.jmh(dir, "j", "P.parse,,1.0,,ops/s,");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Comparison(Results.load(List.of(jmh)),
                Results.load(List.of(dir.resolve("a"))))).getMessage().startsWith("cannot compare a JMH result baseline"));
    }

    @Test
    void shouldRefuseAFigureWhoseUnitDiffersRatherThanCompareTheBareNumbers() {
        // 1000 ops/s is 1 ops/ms: compared as numbers, 1.2 ops/ms looked like -99.9 % (a regression)
        Path s = Fixtures.jmh(dir, "s", "P.parse,parser=bytes-scan,1000.0,,ops/s,0.5");
        Path ms = Fixtures.jmh(dir, "ms", "P.parse,parser=bytes-scan,1.2,,ops/ms,0.5");

        String across = assertThrows(IllegalArgumentException.class,
                () -> runs(List.of(s), List.of(ms))).getMessage();
        String within = assertThrows(IllegalArgumentException.class,
                () -> runs(List.of(s), List.of(s, ms))).getMessage();

        for (String message : List.of(across, within)) {
            assertTrue(message.contains("score") && message.contains("ops/s") && message.contains("ops/ms"), message);
        }
    }
}
