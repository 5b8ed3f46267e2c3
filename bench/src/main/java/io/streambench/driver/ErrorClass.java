package io.streambench.driver;

import java.util.Locale;

/** How an attempt ended; every attempt gets exactly one. */
public enum ErrorClass {
    /** Status 2xx, the API's end marker seen ({@code [DONE]}, {@code message_stop}...), no error, nothing malformed. */
    NONE,
    /** TCP connect failed, or TCP connect or TLS handshake timed out (no request sent); retried. */
    CONNECT,
    /**
     * The TLS handshake failed (no request sent): certificate not trusted, expired or for another host name, no
     * common protocol or cipher, or the server aborted the handshake. Not retried: it would fail the same way.
     */
    TLS,
    /** The response status was not 2xx. */
    HTTP_STATUS,
    /**
     * A 2xx answer whose content type is not {@code text/event-stream} (a JSON completion, an HTML page): the
     * server did not stream. Not retried: it would answer the same way.
     */
    NOT_SSE,
    /** No content or tool-call event within the first-token timeout. */
    TTFT_TIMEOUT,
    /** Tokens had started, then no data event within the idle timeout. */
    IDLE_TIMEOUT,
    /** The attempt exceeded the total timeout. */
    TOTAL_TIMEOUT,
    /** The connection was reset or closed before the HTTP response ended. */
    RESET,
    /**
     * The HTTP response ended without its API's end marker: {@code data: [DONE]}, {@code response.completed}
     * (or {@code .incomplete}, {@code .failed}), {@code message_stop}; for Gemini, which has none, a last event
     * without a {@code finishReason}.
     */
    NO_DONE,
    /** At least one event's data could not be read (the stream may have gone on). */
    MALFORMED,
    /**
     * The server sent an error inside the stream, in its API's form: {@code data: {"error": ...}}, the Responses
     * API's {@code error} event or {@code response.failed}, Anthropic's {@code event: error}.
     */
    ERROR_EVENT,
    /** The run was stopped (Ctrl-C, or the end-of-stage drain ran out) while the attempt was in flight. */
    CANCELLED;

    /** The lower-case name written to reports, e.g. {@code ttft_timeout}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True when the attempt counts as a success. */
    public boolean ok() {
        return this == NONE;
    }
}
