package io.streambench.driver.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streambench.driver.Metric;
import java.util.List;
import org.junit.jupiter.api.Test;

class ObjectiveParsingTest {

    @Test
    void shouldReadPerRequestAndPerStageObjectivesWithTheirUnits() {
        Objectives o = Objectives.parse(List.of("ttft<=500ms, tpot<=50ms", "itl.max<=200ms,e2e<=20s",
                "ttft.p99<=1s", "itl.p99.9<=250us", "e2e.mean<=1.5s"), 0.9);

        assertEquals(List.of("ttft", "tpot", "itl.max", "e2e"), o.perRequest().stream().map(Objective::name).toList());
        assertEquals(List.of(500_000_000L, 50_000_000L, 200_000_000L, 20_000_000_000L),
                o.perRequest().stream().map(Objective::boundNanos).toList());
        assertEquals(List.of("ttft<=500ms", "tpot<=50ms", "itl.max<=200ms", "e2e<=20s", "ttft.p99<=1s",
                "itl.p999<=250us", "e2e.mean<=1500ms"), o.texts());
        Objective.Percentile p99 = o.percentiles().get(0);
        assertEquals(Metric.TTFT, p99.metric());
        assertEquals(99.0, p99.percentile());
        assertEquals(99.9, o.percentiles().get(1).percentile());
        assertTrue(Double.isNaN(o.percentiles().get(2).percentile()));
        assertEquals(0.9, o.attainment());
        assertTrue(o.any());
        assertFalse(Objectives.NONE.any());
    }

    @Test
    void shouldTakeEveryTimeMetricByItsLabelPerStage() {
        for (Metric m : Metric.values()) {
            if (m.unit() == Metric.Unit.NANOS) {
                Objective o = Objective.parse(m.label() + ".p50<=1s");
                assertEquals(m, ((Objective.Percentile) o).metric());
            }
        }
        assertEquals("response_ttft", Objective.parse("response_ttft<=2s").name());
        assertEquals("ttfa<=1s", ((Objective.PerRequest) Objective.parse("ttfa<=1s")).text());
    }

    @Test
    void shouldRefuseBadObjectivesWithOneLineSayingWhy() {
        assertMessage("ttft<500ms", "cannot read 'ttft<500ms': expected NAME<=TIME");
        assertMessage("ttft<=500", "the bound 500 is not a time with a unit (us, ms, s)");
        assertMessage("ttft<=fast", "the bound fast is not a time");
        assertMessage("ttfx<=1s", "unknown metric ttfx; known: ttfb, ttfe, ttft");
        assertMessage("output_tokens<=100ms", "output_tokens is counted in tokens, not a time");
        assertMessage("itl<=20ms", "itl has no value per request; per request: ");
        assertMessage("ttft.p100<=1s", "p100 is not a percentile");
        assertMessage("ttft.max<=1s", "unknown statistic max");
        assertMessage("ttft<=0ms", "the bound must be between 1 ns and 1 h");
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> Objectives.parse(List.of("ttft<=1s", "ttft<=2s"), 0.99));
        assertEquals("--slo: ttft is bounded twice", twice.getMessage());
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> Objectives.parse(List.of("ttft<=1s,"), 0.99));
        assertTrue(empty.getMessage().startsWith("--slo: cannot read ''"), empty.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Objectives.parse(List.of("ttft<=1s"), 1.5));
    }

    private static void assertMessage(String text, String part) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Objectives.parse(List.of(text), 0.99));
        assertTrue(e.getMessage().contains(part), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }
}
