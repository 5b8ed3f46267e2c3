package io.streambench.mock.internal.profile;

import java.nio.charset.StandardCharsets;

/**
 * One output token: its text and its text already escaped for a JSON string and encoded as UTF-8,
 * so the stream encoder copies bytes instead of escaping per event.
 */
public record Token(String text, byte[] jsonUtf8) {

    public Token {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("token text must not be empty");
        }
    }

    /** Escapes and encodes {@code text} once. */
    public static Token of(String text) {
        return new Token(text, JsonText.escape(text).getBytes(StandardCharsets.UTF_8));
    }
}
