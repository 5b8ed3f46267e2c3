package io.streambench.client.flush;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streambench.mock.Choice;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class FlusherTest {

    private static final long MS = 1_000_000L;

    private final long[] now = {0};
    private final NanoClock clock = () -> now[0];
    private final List<String> shown = new ArrayList<>();
    private final List<Long> shownAt = new ArrayList<>();
    private final Histogram delays = new Histogram(Duration.ofMinutes(1).toNanos(), 3);

    private Flusher flusher(FlushPolicy policy) {
        return new Flusher(policy, clock, (text, at) -> {
            shown.add(text.toString());
            shownAt.add(at);
        }, DelaySink.into(delays));
    }

    /** Text arrives now; the flusher decides at the same instant. */
    private void arrive(Flusher flusher, String text) {
        flusher.onText(new StringBuilder(text), now[0]);
    }

    static List<String> policies() {
        return Choice.labels(FlushStrategy.class);
    }

    @Test
    void shouldShowEveryChunkAtOnceWhenImmediate() {
        Flusher flusher = flusher(FlushStrategy.IMMEDIATE.policy());
        arrive(flusher, "Hel");
        now[0] = 5 * MS;
        arrive(flusher, "lo");
        assertEquals(List.of("Hel", "lo"), shown);
        assertEquals(2, flusher.stats().flushes());
        assertEquals(0, delays.getMaxValue());
        assertEquals(5, delays.getTotalCount());
    }

    @Test
    void shouldWaitForTheIntervalSinceTheLastFlush() {
        Flusher flusher = flusher(new FlushPolicy.Interval(Duration.ofMillis(50)));
        now[0] = 10 * MS;
        arrive(flusher, "a");
        now[0] = 49 * MS;
        arrive(flusher, "b");
        assertEquals(List.of(), shown);
        now[0] = 50 * MS;
        arrive(flusher, "c");
        assertEquals(List.of("abc"), shown);
        now[0] = 60 * MS;
        arrive(flusher, "d");
        now[0] = 99 * MS;
        flusher.tick();
        assertEquals(List.of("abc"), shown);
        now[0] = 100 * MS;
        flusher.tick();
        assertEquals(List.of("abc", "d"), shown);
        // a waited 40 ms, b 1 ms, c 0 ms, d 40 ms.
        assertEquals(4, delays.getTotalCount());
        assertEquals(2, delays.getCountBetweenValues(delays.lowestEquivalentValue(40 * MS),
                delays.highestEquivalentValue(40 * MS)));
    }

    @Test
    void shouldFlushWhenMoreThanMaxCharsWait() {
        Flusher flusher = flusher(new FlushPolicy.Size(100));
        arrive(flusher, "x".repeat(60));
        arrive(flusher, "x".repeat(40));
        assertEquals(0, shown.size(), "exactly 100 waits");
        arrive(flusher, "y");
        assertEquals(List.of("x".repeat(100) + "y"), shown);
    }

    @Test
    void shouldFlushOnTimeOrSizeWhicheverComesFirstWhenHybrid() {
        Flusher flusher = flusher(FlushStrategy.HYBRID.policy());
        arrive(flusher, "x".repeat(101));
        assertEquals(1, shown.size(), "size");
        now[0] = 10 * MS;
        arrive(flusher, "short");
        now[0] = 49 * MS;
        flusher.tick();
        assertEquals(1, shown.size(), "50 ms count from the last flush, at 0");
        now[0] = 50 * MS;
        flusher.tick();
        assertEquals(List.of("x".repeat(101), "short"), shown, "time, from a tick");
        assertTrue(delays.valuesAreEquivalent(40 * MS, delays.getMaxValue()), "short waited 40 ms");
    }

    @Test
    void shouldFlushOncePerNetworkReadWhenReadBatch() {
        Flusher flusher = flusher(FlushStrategy.READ_BATCH.policy());
        arrive(flusher, "one ");
        arrive(flusher, "two ");
        assertEquals(0, shown.size());
        now[0] = 2 * MS;
        flusher.onReadComplete();
        flusher.onReadComplete();
        assertEquals(List.of("one two "), shown);
        assertEquals(1, flusher.stats().flushes());
    }

    @ParameterizedTest
    @MethodSource("policies")
    void shouldShowWhatWaitsWhenTheStreamEnds(String policy) {
        for (StreamEnd how : StreamEnd.values()) {
            shown.clear();
            Flusher flusher = flusher(FlushStrategy.named(policy).policy());
            arrive(flusher, "tail");
            flusher.end(how);
            arrive(flusher, "after the end");
            flusher.end(StreamEnd.FINISH);
            assertEquals(List.of("tail"), shown, policy + " " + how);
            FlushStats stats = flusher.stats();
            assertEquals(new FlushStats(policy, 1, 4, 0, how), stats);
        }
    }

    @ParameterizedTest
    @EnumSource(StreamEnd.class)
    void shouldNotFlushEmptyTextOnEnd(StreamEnd how) {
        Flusher flusher = flusher(FlushStrategy.HYBRID.policy());
        flusher.end(how);
        assertEquals(0, shown.size());
        assertEquals(how, flusher.stats().end());
    }

    @Test
    void shouldRecordOneDelayPerCharacterFromItsOwnArrival() {
        Flusher flusher = flusher(FlushStrategy.READ_BATCH.policy());
        flusher.onText("ab", 0);
        flusher.onText("😀", 3 * MS);
        now[0] = 10 * MS;
        flusher.onReadComplete();
        assertEquals(4, delays.getTotalCount(), "UTF-16 chars");
        assertEquals(2, delays.getCountBetweenValues(9 * MS, 11 * MS));
        assertEquals(2, delays.getCountBetweenValues(6 * MS, 8 * MS));
        assertEquals(shownAt, List.of(10 * MS));
        assertNull(flusher.stats().end());
    }

    @Test
    void shouldRejectBadPolicies() {
        assertThrows(IllegalArgumentException.class, () -> FlushStrategy.named("sometimes"));
        assertThrows(IllegalArgumentException.class, () -> new FlushPolicy.Interval(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new FlushPolicy.Hybrid(Duration.ofMillis(-1), 10));
        assertThrows(IllegalArgumentException.class, () -> new FlushPolicy.Size(-1));
        for (String name : Choice.labels(FlushStrategy.class)) {
            assertEquals(name, FlushStrategy.named(name).policy().name());
        }
    }
}
