package io.streambench.driver.gateway;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AlignmentTest {

    private static long[] hashes(long... h) {
        return h;
    }

    private static int[] sizes(int... s) {
        return s;
    }

    @Test
    void shouldPairEveryEventOfAPassThroughStream() {
        Alignment a = Alignment.of(sizes(5, 6, 7), hashes(1, 2, 3), sizes(5, 6, 7), hashes(1, 2, 3));
        assertArrayEquals(new int[] {0, 1, 2}, a.mockOf);
        assertEquals(3, a.unchanged);
        assertEquals(0, a.dropped + a.added + a.rewritten + a.merged + a.split);
    }

    @Test
    void shouldFindADroppedUsageChunkAndAnAddedEventByTheirNeighbours() {
        // the mock: role, c1, c2, finish, usage, [DONE]; the client: role, c1, extra, c2, finish, [DONE]
        Alignment a = Alignment.of(sizes(9, 5, 5, 9, 90, 6), hashes(1, 2, 3, 4, 5, 6),
                sizes(9, 5, 30, 5, 9, 6), hashes(1, 2, 77, 3, 4, 6));
        assertArrayEquals(new int[] {0, 1, -1, 2, 3, 5}, a.mockOf);
        assertEquals(5, a.unchanged);
        assertEquals(1, a.dropped);
        assertEquals(1, a.added);
    }

    @Test
    void shouldPairRewrittenEventsByPositionWhenEveryOneChanged() {
        Alignment a = Alignment.of(sizes(10, 10, 10), hashes(1, 2, 3), sizes(12, 12, 12), hashes(7, 8, 9));
        assertArrayEquals(new int[] {0, 1, 2}, a.mockOf);
        assertEquals(3, a.rewritten);
    }

    @Test
    void shouldPairFromTheTailWhenTheSizesSayTheFirstEventWasDropped() {
        // every event re-encoded, and the first (a small role chunk) dropped
        Alignment a = Alignment.of(sizes(3, 40, 41, 42), hashes(1, 2, 3, 4), sizes(44, 45, 46), hashes(7, 8, 9));
        assertArrayEquals(new int[] {1, 2, 3}, a.mockOf);
        assertEquals(1, a.dropped);
        assertEquals(3, a.rewritten);
    }

    @Test
    void shouldPairAMergedEventWithTheLastMockEventItHolds() {
        // four events of 10 bytes became two of 20
        Alignment a = Alignment.of(sizes(10, 10, 10, 10), hashes(1, 2, 3, 4), sizes(20, 20), hashes(8, 9));
        assertArrayEquals(new int[] {1, 3}, a.mockOf);
        assertArrayEquals(new int[] {0, 0, 1, 1}, a.clientOf);
        assertEquals(2, a.merged);
        assertEquals(0, a.dropped);
    }

    @Test
    void shouldPairSplitEventsWithTheMockEventTheyCameFrom() {
        Alignment a = Alignment.of(sizes(20, 20), hashes(1, 2), sizes(10, 10, 10, 10), hashes(5, 6, 7, 8));
        assertArrayEquals(new int[] {0, 0, 1, 1}, a.mockOf);
        assertEquals(2, a.split);
    }
}
