package io.streambench.client.sse;

import java.io.IOException;

/**
 * Data that is valid JSON but not a chunk (another top-level value, a field of the wrong type),
 * or JSON that stops early. An {@link IOException} so that it is caught with Jackson's own
 * syntax errors, in the one place that turns both into a {@link StreamError.Kind#MALFORMED} event.
 */
final class MalformedDataException extends IOException {

    MalformedDataException(String message) {
        // No stack trace: it is data, reported as an event, never logged as a crash.
        super(message, null);
        setStackTrace(new StackTraceElement[0]);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }

    /** A short, single-line reason for a malformed-data error event. */
    static String reason(Throwable error) {
        String message = error instanceof com.fasterxml.jackson.core.JsonProcessingException json
                ? json.getOriginalMessage() : error.getMessage();
        if (message == null) {
            return error.getClass().getSimpleName();
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
