package io.streambench.client.accumulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streambench.mock.Choice;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The accumulation strategies by name, and which of them takes a limit. */
class AccumulateStrategyTest {

    @Test
    void shouldNameEachAccumulatorAsItsStrategy() {
        assertEquals(List.of("concat", "string-builder", "chunk-list", "bounded", "count-only"),
                Choice.labels(AccumulateStrategy.class));
        for (AccumulateStrategy s : AccumulateStrategy.values()) {
            assertEquals(s.label(), s.create().name());
            assertSame(s, AccumulateStrategy.named(s.label()));
        }
    }

    @Test
    void shouldLimitOnlyTheBoundedAccumulatorAndByDefaultAt32KiChars() {
        String answer = "x".repeat(AccumulateStrategy.DEFAULT_MAX_CHARS + 10);
        for (AccumulateStrategy s : AccumulateStrategy.values()) {
            Accumulator small = s.create(5);
            small.append(answer);
            assertEquals(s.limited(), small.truncated(), s.label());
        }
        Accumulator byDefault = AccumulateStrategy.BOUNDED.create();
        byDefault.append(answer);
        assertTrue(byDefault.truncated());
        assertEquals(32 * 1024, byDefault.result().length());
        assertFalse(AccumulateStrategy.COUNT_ONLY.limited());
    }
}
