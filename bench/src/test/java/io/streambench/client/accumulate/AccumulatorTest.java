package io.streambench.client.accumulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streambench.mock.Choice;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AccumulatorTest {

    private static final List<String> CHUNKS = List.of("Hello", ", ", "wörld", " 😀", "!");
    private static final String ANSWER = "Hello, wörld 😀!";

    static List<String> keepers() {
        return List.of("concat", "string-builder", "chunk-list", "bounded");
    }

    private static Accumulator fed(String name, int maxChars, List<String> chunks) {
        Accumulator accumulator = AccumulateStrategy.named(name).create(maxChars);
        for (String chunk : chunks) {
            // A reused view, as parsers hand out: accumulators must copy.
            StringBuilder view = new StringBuilder(chunk);
            accumulator.append(view);
            view.setLength(0);
            view.append("overwritten");
        }
        return accumulator;
    }

    @ParameterizedTest
    @MethodSource("keepers")
    void shouldKeepTheWholeAnswerWhenUnderTheLimit(String name) {
        Accumulator accumulator = fed(name, 1000, CHUNKS);
        assertEquals(ANSWER, accumulator.result());
        assertEquals(ANSWER.length(), accumulator.characters());
        assertFalse(accumulator.truncated());
        assertEquals(name, accumulator.name());
    }

    @Test
    void shouldCountButKeepNothingWhenCountOnly() {
        Accumulator accumulator = fed("count-only", 0, CHUNKS);
        assertEquals("", accumulator.result());
        assertEquals(ANSWER.length(), accumulator.characters());
        assertEquals(0, accumulator.retainedBytes());
    }

    @Test
    void shouldStopAtTheLimitAndMarkTheAnswerTruncated() {
        Accumulator accumulator = fed("bounded", 8, CHUNKS);
        assertEquals("Hello, w", accumulator.result());
        assertTrue(accumulator.truncated());
        assertEquals(ANSWER.length(), accumulator.characters(), "counts what it dropped too");
    }

    @Test
    void shouldNotKeepHalfASurrogatePairAtTheLimit() {
        Accumulator accumulator = fed("bounded", 2, List.of("a😀"));
        assertEquals("a", accumulator.result());
        assertTrue(accumulator.truncated());
    }

    @Test
    void shouldEstimateRetainedBytesFromTheObjectLayout() {
        // 24-byte String + byte[] of 16 + 5 Latin-1 bytes, aligned to 24.
        assertEquals(48, fed("concat", 0, List.of("Hello")).retainedBytes());
        // One char above Latin-1 makes the whole array two bytes a char: 16 + 12 = 28, aligned to 32.
        assertEquals(56, fed("concat", 0, List.of("Hell€")).retainedBytes());
        // 24-byte builder + byte[16 + capacity 16].
        assertEquals(56, fed("string-builder", 0, List.of("Hello")).retainedBytes());
        // 24-byte list + Object[16 + 4 * 10] + two strings of 24 + 24.
        assertEquals(24 + 56 + 48 + 48, fed("chunk-list", 0, List.of("abc", "def")).retainedBytes());
        assertEquals(15, HeapLayout.arrayListCapacity(11));
    }

    @ParameterizedTest
    @MethodSource("keepers")
    void shouldRetainMoreAsTheAnswerGrowsAndAtLeastTheAnswerItself(String name) {
        Accumulator accumulator = AccumulateStrategy.named(name).create(1_000_000);
        long previous = accumulator.retainedBytes();
        for (int i = 0; i < 200; i++) {
            accumulator.append("token " + i + " ");
            long retained = accumulator.retainedBytes();
            assertTrue(retained >= previous, name + " shrank at chunk " + i);
            assertTrue(retained >= HeapLayout.string(accumulator.result()) - 24, name + " under its own answer");
            previous = retained;
        }
    }

    @Test
    void shouldRetainLessWhenBoundedThanWhenUnbounded() {
        String chunk = "x".repeat(1000);
        List<String> chunks = java.util.Collections.nCopies(100, chunk);
        assertTrue(fed("bounded", 10_000, chunks).retainedBytes() < fed("string-builder", 0, chunks).retainedBytes());
        assertTrue(fed("chunk-list", 0, chunks).retainedBytes() > fed("concat", 0, chunks).retainedBytes());
    }

    @Test
    void shouldRejectUnknownNamesAndNegativeLimits() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> AccumulateStrategy.named("rope"));
        assertEquals("unknown accumulator=rope, known=" + Choice.labels(AccumulateStrategy.class), error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> AccumulateStrategy.BOUNDED.create(-1));
    }
}
