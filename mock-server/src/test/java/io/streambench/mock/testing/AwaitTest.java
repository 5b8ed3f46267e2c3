package io.streambench.mock.testing;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class AwaitTest {

    @Test
    void shouldFailNamingWhatWasAwaitedWhenTheConditionNeverHolds() {
        AssertionError error = assertThrows(AssertionError.class, () -> Await.until(() -> false, "the answer", 50));
        assertEquals("timed out after 50 ms waiting for: the answer", error.getMessage());
    }

    @Test
    void shouldReturnOnceTheConditionHolds() {
        AtomicLong polls = new AtomicLong();
        assertDoesNotThrow(() -> Await.until(() -> polls.incrementAndGet() == 3, "third poll", 5_000));
        assertEquals(3, polls.get());
    }

    @Test
    void shouldFailWhileTheValueKeepsMoving() {
        AtomicLong counter = new AtomicLong();
        AssertionError error = assertThrows(AssertionError.class,
                () -> Await.untilSteady(counter::incrementAndGet, 20, "the counter stops", 200));
        assertTrue(error.getMessage().startsWith("timed out after 200 ms waiting for: the counter stops (still moving"),
                error.getMessage());
    }

    @Test
    void shouldReturnOnceTheValueHoldsStillForTheQuietTime() {
        AtomicLong counter = new AtomicLong();
        // Moves on the first three reads, then holds still.
        assertDoesNotThrow(() -> Await.untilSteady(() -> Math.min(counter.incrementAndGet(), 3), 20, "stops", 5_000));
        assertEquals(4, counter.get(), "read until two reads a quiet time apart agreed");
    }
}
