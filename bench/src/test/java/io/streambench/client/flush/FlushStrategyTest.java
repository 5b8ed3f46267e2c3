package io.streambench.client.flush;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streambench.mock.Choice;
import io.streambench.mock.UsageException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** The flush policies by name carry the common recipe's settings and what a driver must do for them. */
class FlushStrategyTest {

    @Test
    void shouldCarryTheCommonRecipesSettings() {
        Duration interval = Duration.ofMillis(50);
        assertEquals(new FlushPolicy.Immediate(), FlushStrategy.IMMEDIATE.policy());
        assertEquals(new FlushPolicy.Interval(interval), FlushStrategy.INTERVAL.policy());
        assertEquals(new FlushPolicy.Size(100), FlushStrategy.SIZE.policy());
        assertEquals(new FlushPolicy.Hybrid(interval, 100), FlushStrategy.HYBRID.policy());
        assertEquals(new FlushPolicy.ReadBatch(), FlushStrategy.READ_BATCH.policy());
    }

    @Test
    void shouldNameEachPolicyAsItsStrategyAndFindItByThatName() {
        assertEquals(List.of("immediate", "interval", "size", "hybrid", "read-batch"), Choice.labels(FlushStrategy.class));
        for (FlushStrategy s : FlushStrategy.values()) {
            assertEquals(s.label(), s.policy().name());
            assertSame(s, FlushStrategy.named(s.label()));
        }
    }

    @Test
    void shouldRefuseAnUnknownNameAsBadUsageListingTheKnownOnes() {
        UsageException e = assertThrows(UsageException.class, () -> FlushStrategy.named("sometimes"));
        assertEquals("unknown flush policy=sometimes, known=[immediate, interval, size, hybrid, read-batch]",
                e.getMessage());
    }

    @Test
    void shouldGiveTheFlushersDelaysToItsSinkOnePerRunOfCharacters() {
        List<long[]> recorded = new ArrayList<>();
        long[] now = {0};
        Flusher flusher = new Flusher(FlushStrategy.READ_BATCH.policy(), () -> now[0], FlushSink.DISCARD,
                (delayNanos, count) -> recorded.add(new long[] {delayNanos, count}));
        flusher.onText("ab", 0);
        flusher.onText("c", 0);
        flusher.onText("de", 3);
        now[0] = 10;
        flusher.onReadComplete();

        assertEquals(2, recorded.size());
        assertTrue(recorded.get(0)[0] == 10 && recorded.get(0)[1] == 3, "abc arrived together at 0");
        assertTrue(recorded.get(1)[0] == 7 && recorded.get(1)[1] == 2, "de at 3");
    }

    @Test
    void shouldRecordDelaysBeyondAHistogramsRangeAsItsHighestValue() {
        Histogram histogram = new Histogram(1_000_000, 3);
        DelaySink sink = DelaySink.into(histogram);
        sink.record(5_000_000_000L, 4);

        assertEquals(4, histogram.getTotalCount());
        assertTrue(histogram.valuesAreEquivalent(histogram.getHighestTrackableValue(), histogram.getMaxValue()));
    }
}
