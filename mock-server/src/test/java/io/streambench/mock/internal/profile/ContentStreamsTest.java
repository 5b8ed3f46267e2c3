package io.streambench.mock.internal.profile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.streambench.mock.profile.ContentSource;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A profile's content as the request path streams it, opened on the internal side from the API's configuration. */
class ContentStreamsTest {

    @Test
    void shouldCycleAFixedTextFromItsFirstToken() {
        ContentSource.Fixed fixed = ContentSource.Fixed.of("Hi \"you\".");
        assertEquals(List.of("Hi", " \"", "you", "\"", "."), fixed.tokens());
        TokenStream stream = ContentStreams.open(fixed, new SplittableRandom(1), "ignored");
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            texts.add(stream.next().text());
        }
        assertEquals(List.of("Hi", " \"", "you", "\"", ".", "Hi", " \""), texts);
        assertArrayEquals(" \\\"".getBytes(StandardCharsets.UTF_8),
                nth(ContentStreams.open(fixed, new SplittableRandom(1), ""), 2).jsonUtf8(), "escaped for JSON");
    }

    @Test
    void shouldKeepTokenTextsGivenAsAListAsTheirOwnCopy() {
        List<String> given = new ArrayList<>(List.of("a", " b"));
        ContentSource.Fixed fixed = new ContentSource.Fixed("a b", given);
        given.set(0, "z");
        assertEquals(List.of("a", " b"), fixed.tokens());
        assertThrows(UnsupportedOperationException.class, () -> fixed.tokens().add("c"));
        assertEquals(fixed, new ContentSource.Fixed("a b", List.of("a", " b")), "a record: equal by value");
        assertEquals(2, fixed.naturalTokens(""));
        assertThrows(IllegalArgumentException.class, () -> new ContentSource.Fixed("", List.of()));
        assertThrows(IllegalArgumentException.class, () -> new ContentSource.Fixed("a", List.of("a", "")));
    }

    @Test
    void shouldStreamAFileAsItsTextAndEchoTheLastUserMessage() {
        ContentSource.File file = new ContentSource.File("f.txt", ContentSource.Fixed.of("one two"));
        assertEquals(" two", nth(ContentStreams.open(file, new SplittableRandom(1), ""), 2).text());
        TokenStream echo = ContentStreams.open(new ContentSource.Echo(), new SplittableRandom(1), "ping me");
        assertEquals("ping", echo.next().text());
        assertEquals(" me", echo.next().text());
        assertEquals("ping", echo.next().text());
        assertEquals(" ", ContentStreams.open(new ContentSource.Echo(), new SplittableRandom(1), "").next().text());
    }

    @Test
    void shouldGenerateTheSameTextFromTheSameSeed() {
        TokenStream a = ContentStreams.open(new ContentSource.Generated(), new SplittableRandom(7), "");
        TokenStream b = ContentStreams.open(new ContentSource.Generated(), new SplittableRandom(7), "");
        for (int i = 0; i < 100; i++) {
            assertEquals(a.next().text(), b.next().text());
        }
    }

    private static Token nth(TokenStream stream, int n) {
        Token t = null;
        for (int i = 0; i < n; i++) {
            t = stream.next();
        }
        return t;
    }
}
