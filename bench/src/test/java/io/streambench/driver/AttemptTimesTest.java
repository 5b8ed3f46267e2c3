package io.streambench.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class AttemptTimesTest {

    private static final long MS = 1_000_000;
    private static final long ORIGIN = 10_000 * MS;
    private static final long INTENDED = ORIGIN + 100 * MS;
    private static final long SEND = INTENDED + 3 * MS;

    /** Connect 2 ms, headers at +5 ms, first event +6, first token +7, [DONE] +900, end +950, itl max 8 ms. */
    private static AttemptTimes times(long connect, long send, long headers, long firstEvent, long firstToken,
            long done, long end, long itlMax) {
        return new AttemptTimes(ORIGIN, INTENDED, connect, send, headers, firstEvent, firstToken, done, end, itlMax);
    }

    private static AttemptTimes complete() {
        return times(2 * MS, SEND, SEND + 5 * MS, SEND + 6 * MS, SEND + 7 * MS, SEND + 900 * MS, SEND + 950 * MS, 8 * MS);
    }

    @Test
    void shouldDeriveEveryFigureFromTheInstants() {
        AttemptTimes t = complete();

        assertEquals(100 * MS, t.intendedSinceOrigin());
        assertEquals(103 * MS, t.sendSinceOrigin());
        assertEquals(5 * MS, t.ttfb());
        assertEquals(6 * MS, t.ttfe());
        assertEquals(7 * MS, t.ttft());
        assertEquals(900 * MS, t.e2e(), "to [DONE], not to the end of the attempt");
        assertEquals(903 * MS, t.responseE2e(), "from the intended send");
        assertEquals(893 * MS / 46, t.tpot(47));
        assertEquals(-1, t.tpot(1), "one token has no time per output token");
    }

    @Test
    void shouldEndTheAnswerAtTheEndWhenNoDoneCame() {
        AttemptTimes t = times(0, SEND, SEND + 5 * MS, SEND + 6 * MS, SEND + 7 * MS, -1, SEND + 950 * MS, -1);

        assertEquals(950 * MS, t.e2e());
        assertEquals(953 * MS, t.responseE2e());
    }

    @Test
    void shouldGiveNoFiguresForAnAttemptNeverSent() {
        AttemptTimes t = times(-1, -1, -1, -1, -1, -1, INTENDED + MS, -1);

        assertEquals(-1, t.sendSinceOrigin());
        assertEquals(-1, t.ttfb());
        assertEquals(-1, t.ttft());
        assertEquals(-1, t.e2e());
        assertEquals(-1, t.tpot(10));
    }

    /**
     * Each pair of instants given in each other's place (the mistake a long positional list invites) fails. Not
     * first token and [DONE]: a server may send content after [DONE], so no order between them is certain.
     */
    @Test
    void shouldRefuseInstantsOutOfOrder() {
        long h = SEND + 5 * MS;
        long e = SEND + 6 * MS;
        long t = SEND + 7 * MS;
        long d = SEND + 900 * MS;
        long end = SEND + 950 * MS;
        assertThrows(IllegalArgumentException.class, () -> times(2 * MS, h, SEND, e, t, d, end, 8 * MS), "send/headers");
        assertThrows(IllegalArgumentException.class, () -> times(2 * MS, SEND, e, h, t, d, end, 8 * MS), "headers/event");
        assertThrows(IllegalArgumentException.class, () -> times(2 * MS, SEND, h, t, e, d, end, 8 * MS), "event/token");
        assertThrows(IllegalArgumentException.class, () -> times(2 * MS, SEND, h, e, t, end, d, 8 * MS), "done/end");
        assertThrows(IllegalArgumentException.class, () -> times(SEND, 2 * MS, h, e, t, d, end, 8 * MS), "connect/send");
        assertThrows(IllegalArgumentException.class, () -> times(8 * MS, SEND, h, e, t, d, end, 2 * MS), "connect/itl");
        assertThrows(IllegalArgumentException.class, () -> times(2 * MS, SEND, h, e, t, d, 8 * MS, end), "end/itl");
        assertThrows(IllegalArgumentException.class,
                () -> new AttemptTimes(INTENDED, ORIGIN, 2 * MS, SEND, h, e, t, d, end, 8 * MS), "origin/intended");
        assertThrows(IllegalArgumentException.class,
                () -> new AttemptTimes(ORIGIN, SEND, 2 * MS, INTENDED, h, e, t, d, end, 8 * MS), "intended/send");
    }
}
