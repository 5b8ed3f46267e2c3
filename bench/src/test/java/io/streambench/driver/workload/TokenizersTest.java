package io.streambench.driver.workload;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TokenizersTest {

    @ParameterizedTest
    @CsvSource({
        // Counts as OpenAI's tiktoken gives them.
        "o200k_base, 'Hello, world', 3",
        "cl100k_base, 'Hello, world', 3",
        "o200k_base, '', 0",
        "cl100k_base, 'tiktoken is great!', 6",
    })
    void shouldCountLikeTiktoken(String name, String text, int tokens) {
        assertEquals(tokens, Tokenizers.named(name).count(text));
    }

    @Test
    void shouldTellTheTwoEncodingsApart() {
        // o200k_base has a larger vocabulary: a non-English text takes fewer tokens than in cl100k_base.
        String text = "Привет, как дела? Это тест токенизатора.";
        assertTrue(Tokenizers.named("o200k_base").count(text) < Tokenizers.named("cl100k_base").count(text));
    }

    @Test
    void shouldRefuseAnUnknownNameListingTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tokenizers.named("p50k"));
        assertEquals("unknown tokenizer 'p50k' (known: o200k_base, cl100k_base)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Tokenizers.named(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"o200k_base", "cl100k_base"})
    void shouldCountSpecialTokensAsPlainText(String name) {
        Tokenizer tokenizer = Tokenizers.named(name);
        // A prompt may contain the text of a special token; it is text, not a control token, and must not throw.
        assertTrue(tokenizer.count("before <|endoftext|> after") > 3);
        assertEquals(tokenizer.encode("a <|endoftext|>").length, tokenizer.count("a <|endoftext|>"));
    }

    @Test
    void shouldLoadEachEncodingOnce() {
        assertSame(Tokenizers.named("cl100k_base"), Tokenizers.named("cl100k_base"));
        assertEquals("o200k_base", Tokenizers.DEFAULT);
        assertEquals(Tokenizers.DEFAULT, Tokenizers.names().get(0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"o200k_base", "cl100k_base"})
    void shouldCoverTheCorpusWithItsTokensByteForByte(String name) {
        Corpus corpus = Corpus.bundled(Tokenizers.named(name));
        String all = corpus.text(0, corpus.tokens());
        assertTrue(all.startsWith("Alice’s Adventures in Wonderland"));
        assertTrue(all.endsWith("THE END\n\n"));
        assertArrayEquals(corpus.tokenizer().encode(all), corpus.tokenizer().encode(corpus.text(corpus.tokens(), corpus.tokens())));
        assertEquals(all + all.substring(0, corpus.text(0, 10).length()), corpus.text(0, corpus.tokens() + 10L));
    }
}
