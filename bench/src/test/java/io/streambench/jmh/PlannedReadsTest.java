package io.streambench.jmh;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PlannedReadsTest {

    private static final byte[] BYTES = "abcdefghij".getBytes(StandardCharsets.US_ASCII);

    @Test
    void shouldNeverReturnBytesOfTwoReadsAtOnceAndNumberThemAsPushedReadsAre() {
        PlannedReads body = new PlannedReads(BYTES, new int[] {3, 3, 8, 10});
        byte[] into = new byte[64];

        assertEquals(0, body.arrival());
        assertEquals(3, body.read(into, 0, 64));
        assertEquals(1, body.arrival());
        // The empty second read is skipped: the bytes after it are the third read's.
        assertEquals(2, body.read(into, 0, 2));
        assertEquals(3, body.arrival());
        assertEquals('f', body.read(), "a read taken in parts stays one arrival");
        assertEquals(3, body.arrival());
        assertEquals(2, body.read(into, 0, 64));
        assertEquals(3, body.arrival());
        assertEquals(2, body.read(into, 0, 64));
        assertEquals(4, body.arrival());
        assertEquals(-1, body.read(into, 0, 64));
        assertEquals(5, body.arrival(), "the end is reads + 1, as SseParser.end gets it");
    }

    @Test
    void shouldServeTheSameReadsAgainAfterRewind() {
        PlannedReads body = new PlannedReads(BYTES, new int[] {4, 10});
        byte[] first = new byte[10];
        assertEquals(4, body.read(first, 0, 10));
        assertEquals(6, body.read(first, 4, 6));
        body.rewind();
        byte[] second = new byte[10];
        assertEquals(4, body.read(second, 0, 10));
        assertEquals(1, body.arrival());
        assertEquals(6, body.read(second, 4, 6));
        assertArrayEquals(BYTES, second);
    }

    @Test
    void shouldRejectPlansThatDoNotCoverTheBytesInOrder() {
        assertThrows(IllegalArgumentException.class, () -> new PlannedReads(BYTES, new int[] {5, 4, 10}));
        assertThrows(IllegalArgumentException.class, () -> new PlannedReads(BYTES, new int[] {5}));
        assertThrows(IllegalArgumentException.class, () -> new PlannedReads(BYTES, new int[] {11}));
    }
}
