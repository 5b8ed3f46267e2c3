package io.streambench.client.sse;

import java.util.Objects;

/**
 * An error found in a stream: what kind, and the server's {@code message}, {@code type} and
 * {@code code} when it sent them ({@code type} and {@code code} may be null).
 *
 * @param kind    where the error came from
 * @param message the server's message, or the parser's reason for {@link Kind#MALFORMED}
 * @param type    the server's error {@code type}, or null
 * @param code    the server's error {@code code} as text (it may be a number on the wire), or null
 */
public record StreamError(Kind kind, String message, String type, String code) {

    /** Where an error came from. */
    public enum Kind {
        /**
         * The server sent an error after the stream started, in its dialect's form: {@code {"error": {...}}}
         * (chat, completions, Gemini), an {@code error} event or {@code response.failed} (Responses), an
         * {@code event: error} (Anthropic). Gemini's {@code status} is read as the {@code type}.
         */
        API,
        /**
         * The event's data was neither the end marker nor a JSON object of the expected shape:
         * a syntax error, a truncated object, another top-level value, or a known field with the
         * wrong JSON type. The message says why and differs between parsers.
         */
        MALFORMED
    }

    public StreamError {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }

    static StreamError malformed(String reason) {
        return new StreamError(Kind.MALFORMED, reason, null, null);
    }
}
