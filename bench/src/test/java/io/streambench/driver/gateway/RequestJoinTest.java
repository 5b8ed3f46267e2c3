package io.streambench.driver.gateway;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.streambench.driver.AttemptRow;
import io.streambench.driver.ErrorClass;
import io.streambench.mock.record.RecordView;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestJoinTest {

    private static final long MS = 1_000_000;

    private static RouteTap.Attempt attempt(long send, long[] arrivals, int[] deliveries, int firstToken) {
        int n = arrivals.length;
        int[] sizes = new int[n];
        long[] hashes = new long[n];
        for (int i = 0; i < n; i++) {
            sizes[i] = 10;
            hashes[i] = i + 1;
        }
        AttemptRow row = Rows.row(200, ErrorClass.NONE, 0, n);
        return new RouteTap.Attempt(Route.GATEWAY, row, new ClientSide("t", null, send, arrivals, sizes, hashes,
                deliveries, List.of(), firstToken, n, false));
    }

    private static RecordView record(long arrival, long... times) {
        int n = times.length;
        int[] sizes = new int[n];
        long[] hashes = new long[n];
        for (int i = 0; i < n; i++) {
            sizes[i] = 10;
            hashes[i] = i + 1;
        }
        return new RecordView(1, "t", 1, arrival, null, 200, "complete", times[n - 1], times, sizes, hashes, List.of(),
                0);
    }

    @Test
    void shouldTimeEachEventFromTheMocksWriteToTheClientsRead() {
        // the mock: received at 1 ms, wrote 4 events at 10, 10, 30, 50 ms (the first two in one flush)
        RecordView mock = record(1 * MS, 10 * MS, 10 * MS, 30 * MS, 50 * MS);
        RouteTap.Attempt client = attempt(0, new long[] {12 * MS, 12 * MS, 33 * MS, 52 * MS}, new int[] {1, 1, 2, 3}, 1);
        JoinedRequest r = RequestJoin.join(client, List.of(mock), MockClock.sameProcess());
        assertEquals(1 * MS, r.sendToReceipt());
        assertArrayEquals(new long[] {2 * MS, 2 * MS, 3 * MS, 2 * MS}, r.eventDelays());
        assertArrayEquals(new long[] {0, 1 * MS, -1 * MS}, r.jitters(), "client gap minus mock gap");
        assertEquals(2 * MS, r.firstTokenDelay(), "the first token was in the second event");
        assertEquals(3, r.mockWrites());
        assertEquals(0, r.mergedWrites());
        assertEquals(0, r.splitWrites());
    }

    @Test
    void shouldCountWritesHeldAndDeliveredTogetherButNotOneDeliveryReadInParts() {
        RecordView mock = record(0, 10 * MS, 20 * MS, 30 * MS, 40 * MS);
        // the writes at 10 and 20 ms arrive together at 25 ms; the write at 30 ms comes in two reads 5 us apart
        // (one delivery the kernel handed over in two reads), the one at 40 ms alone
        long[] arrivals = {25 * MS, 25 * MS, 31 * MS, 41 * MS};
        int[] deliveries = {1, 1, 2, 3};
        JoinedRequest together = RequestJoin.join(attempt(0, arrivals, deliveries, 0), List.of(mock),
                MockClock.sameProcess());
        assertEquals(2, together.mergedWrites());
        assertEquals(3, together.clientDeliveries());

        RecordView oneWrite = record(0, 10 * MS, 10 * MS);
        JoinedRequest parts = RequestJoin.join(attempt(0, new long[] {11 * MS, 11 * MS + 5_000}, new int[] {1, 1}, 0),
                List.of(oneWrite), MockClock.sameProcess());
        assertEquals(0, parts.splitWrites(), "one delivery, read in two parts, is not split");
        JoinedRequest apart = RequestJoin.join(attempt(0, new long[] {11 * MS, 15 * MS}, new int[] {1, 2}, 0),
                List.of(oneWrite), MockClock.sameProcess());
        assertEquals(1, apart.splitWrites(), "two deliveries 4 ms apart are");
    }

    @Test
    void shouldJoinTheEventsOfAGatewaysRetriesInOrderAndCountItsAttempts() {
        RecordView refused = new RecordView(1, "t", 1, 1 * MS, "http:status=429", 429, "complete", 2 * MS, new long[0],
                new int[0], new long[0], List.of(), 0);
        RecordView served = new RecordView(2, "t", 2, 1000 * MS, null, 200, "complete", 1100 * MS,
                new long[] {1010 * MS, 1020 * MS}, new int[] {10, 10}, new long[] {1, 2}, List.of(), 0);
        JoinedRequest r = RequestJoin.join(attempt(0, new long[] {1011 * MS, 1021 * MS}, new int[] {1, 2}, 0),
                List.of(served, refused), MockClock.sameProcess());
        assertEquals(2, r.upstreamAttempts());
        assertEquals("429;200", r.upstreamStatuses());
        assertEquals(1 * MS, r.sendToReceipt(), "to the first upstream request");
        assertArrayEquals(new long[] {1 * MS, 1 * MS}, r.eventDelays());
    }
}
