package io.streambench.report.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GateTest {

    @Test
    void shouldReadASignedOrPercentThresholdAsAChangeAndAnUnsignedOneAsABound() {
        Gate relative = Gate.parse("ttft.p99>+10%");
        assertEquals("ttft.p99", relative.left().metric());
        assertEquals(Gate.Mode.RELATIVE, relative.mode());
        assertEquals(10, relative.threshold());
        assertTrue(relative.greater());

        Gate down = Gate.parse(" events/s < -10% ");
        assertEquals("events/s", down.left().metric());
        assertEquals(-10, down.threshold());
        assertFalse(down.greater());

        Gate delta = Gate.parse("itl.p50>+2ms");
        assertEquals(Gate.Mode.DELTA, delta.mode());
        assertEquals(MetricUnit.MS, delta.unit());

        Gate bound = Gate.parse("errors>0");
        assertEquals(Gate.Mode.BOUND, bound.mode());
        assertNull(bound.unit());
        assertEquals("0", bound.thresholdText());

        assertEquals(Gate.Mode.RELATIVE, Gate.parse("B/op>5%").mode());
        assertEquals("B/op", Gate.parse("B/op>+5%").left().metric());
        assertEquals(1024, Gate.parse("B/op>+1KiB").unit().factor());
    }

    @Test
    void shouldReadSelectorsAndRatios() {
        Gate g = Gate.parse("B/op[SseParserBenchmark, parser=bytes-*;reads=segment]>+16B");
        assertEquals(List.of("SseParserBenchmark", "parser=bytes-*", "reads=segment"), g.left().selector());
        Scope scan = Scope.benchmark("k", "SseParserBenchmark.parseStream parser=bytes-scan;reads=segment",
                "SseParserBenchmark.parseStream", Map.of("parser", "bytes-scan", "reads", "segment"));
        Scope whole = Scope.benchmark("k2", "x", "SseParserBenchmark.parseStream",
                Map.of("parser", "bytes-scan", "reads", "whole"));
        assertTrue(g.left().matches(scan));
        assertFalse(g.left().matches(whole));
        assertTrue(Gate.parse("score[bytes-scan]<-5%").left().matches(scan), "a bare term matches a parameter value");
        assertTrue(Gate.parse("score[parseStream]<-5%").left().matches(scan), "... and the method");

        Gate ratio = Gate.parse("score[parser=bytes-scan]/score[parser=sdk-style]<-30%");
        assertEquals("score", ratio.right().metric());
        assertEquals(List.of("parser=sdk-style"), ratio.right().selector());
    }

    @Test
    void shouldRejectExpressionsItCannotRead() {
        for (String bad : List.of("ttft.p99", "ttft.p99>>1", "ttft.p99>+10parsecs", ">5%", "ttft.p99=5",
                "score[a]/score<-5%", "ttft.p99[]>1", "ttft.p99>ten")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Gate.parse(bad), bad);
            assertTrue(e.getMessage().contains(bad), e.getMessage());
        }
    }
}
