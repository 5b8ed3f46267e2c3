package io.streambench.driver.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.streambench.driver.AttemptRow;
import io.streambench.driver.ErrorClass;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaultOutcomeTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static JoinedRequest seen(int status, ErrorClass error, long e2eMillis, int upstream, String statuses,
            int mockEvents, int clientEvents) {
        AttemptRow row = Rows.row(status, error, e2eMillis * 1_000_000, clientEvents);
        return new JoinedRequest(Route.FAULT, row, "t", null, "joined", upstream, statuses, "complete", 0, mockEvents,
                clientEvents, null, -1, new long[0], new long[0], 0, 0, 0, 0, 0, 0, List.of());
    }

    private static String outcome(String fault, JoinedRequest r) {
        FaultProbe probe = FaultProbe.parse(fault).get(0);
        return FaultOutcome.of(probe, r, TIMEOUT).outcome();
    }

    @Test
    void shouldSayWhatTheGatewayMadeOfEachFault() {
        assertEquals("passed through", outcome("429", seen(429, ErrorClass.HTTP_STATUS, 5, 1, "429", 0, 0)));
        assertEquals("converted to status 502", outcome("529", seen(502, ErrorClass.HTTP_STATUS, 5, 1, "529", 0, 0)));
        assertEquals("retried 2 times, then succeeded", outcome("500",
                seen(200, ErrorClass.NONE, 900, 3, "500;200;200", 40, 40)));
        assertEquals("passed through", outcome("error_event",
                seen(200, ErrorClass.ERROR_EVENT, 300, 1, "200", 4, 4)));
        assertEquals("error hidden: the stream ended normally", outcome("error_event",
                seen(200, ErrorClass.NONE, 300, 1, "200", 4, 4)));
        assertEquals("cut turned into a clean end without the end marker", outcome("reset",
                seen(200, ErrorClass.NO_DONE, 300, 1, "200", 3, 3)));
        assertEquals("hung until the client's timeout (10 s)", outcome("stall",
                seen(200, ErrorClass.IDLE_TIMEOUT, 10_300, 1, "200", 3, 3)));
        assertEquals("stream cut by the gateway after 5.0 s", outcome("stall",
                seen(200, ErrorClass.RESET, 5_000, 1, "200", 3, 3)));
    }

    @Test
    void shouldSayWhichEventsACutStreamLost() {
        assertEquals("passed through (stream cut); 3 of the mock's 3 events never reached the client",
                outcome("reset", seen(200, ErrorClass.RESET, 300, 1, "200", 3, 0)));
    }

    @Test
    void shouldSayWhenTheGatewayAnsweredWithoutAskingTheMock() {
        assertEquals("never reached the mock (the gateway answered itself)",
                outcome("500", seen(503, ErrorClass.HTTP_STATUS, 5, 0, "", 0, 0)));
    }
}
