package io.streambench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.streambench.driver.ErrorClass;
import io.streambench.report.folder.RunJsonResults.MessageCount;
import io.streambench.report.folder.RunJsonResults.TopMessages;
import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorMessagesTest {

    @Test
    void shouldKeepTheMostFrequentMessagesFirstAndCountTheRestAsOther() {
        ErrorMessages messages = new ErrorMessages();
        messages.add(ErrorClass.HTTP_STATUS, "HTTP 400 \"a\"", 1);
        messages.add(ErrorClass.HTTP_STATUS, "HTTP 404 \"b\"", 5);
        messages.add(ErrorClass.HTTP_STATUS, "HTTP 400 \"a\"", 1);
        messages.add(ErrorClass.RESET, "connection closed before response headers", 3);

        TopMessages http = messages.top(1).get(ErrorClass.HTTP_STATUS);
        assertEquals(List.of(new MessageCount("HTTP 404 \"b\"", 5)), http.messages());
        assertEquals(2, http.other());
        assertEquals(List.of(ErrorClass.HTTP_STATUS, ErrorClass.RESET), List.copyOf(messages.top(1).keySet()));
    }

    @Test
    void shouldStayBoundedHoweverManyDistinctMessagesCome() {
        ErrorMessages messages = new ErrorMessages();
        for (int i = 0; i < 100_000; i++) {
            messages.add(ErrorClass.ERROR_EVENT, "message " + i, 1);
        }
        messages.add(ErrorClass.ERROR_EVENT, "message 0", 1);

        TopMessages top = messages.top(ErrorMessages.KEPT).get(ErrorClass.ERROR_EVENT);
        assertEquals(ErrorMessages.KEPT, top.messages().size());
        assertEquals(new MessageCount("message 0", 2), top.messages().get(0));
        assertEquals(100_001, top.messages().stream().mapToLong(MessageCount::count).sum() + top.other());
    }

    @Test
    void shouldAddAnotherRunsTopMessages() {
        ErrorMessages merged = new ErrorMessages();
        merged.add(ErrorClass.TLS, new TopMessages(List.of(new MessageCount("expired", 2)), 3));
        merged.add(ErrorClass.TLS, new TopMessages(List.of(new MessageCount("expired", 4)), 1));

        TopMessages tls = merged.top(ErrorMessages.KEPT).get(ErrorClass.TLS);
        assertEquals(List.of(new MessageCount("expired", 6)), tls.messages());
        assertEquals(4, tls.other());
    }
}
