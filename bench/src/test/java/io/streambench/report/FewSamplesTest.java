package io.streambench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FewSamplesTest {

    @Test
    void shouldAskTenValuesAboveEachPercentile() {
        assertEquals(20, FewSamples.needed(50));
        assertEquals(100, FewSamples.needed(90));
        assertEquals(200, FewSamples.needed(95));
        assertEquals(1_000, FewSamples.needed(99));
        assertEquals(10_000, FewSamples.needed(99.9));
    }

    @Test
    void shouldFlagAP99OfNineteenValuesButNotOfAThousand() {
        assertTrue(FewSamples.flagged(19, 99));
        assertTrue(FewSamples.flagged(999, 99));
        assertFalse(FewSamples.flagged(1_000, 99));
        assertEquals("p50;p90;p95;p99;p999", FewSamples.columns(19));
        assertEquals("p95;p99;p999", FewSamples.columns(150));
        assertEquals("", FewSamples.columns(10_000));
        assertEquals("12.5*", FewSamples.mark("12.5", 19, 90));
        assertEquals("12.5", FewSamples.mark("12.5", 100, 90));
    }
}
