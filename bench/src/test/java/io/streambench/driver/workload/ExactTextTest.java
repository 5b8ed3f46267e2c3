package io.streambench.driver.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExactTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"o200k_base", "cl100k_base"})
    void shouldCountExactlyWhatWasAskedForEveryLengthAndSeed(String encoding) {
        Tokenizer tokenizer = Tokenizers.named(encoding);
        Corpus corpus = Corpus.bundled(tokenizer);
        SplittableRandom draw = new SplittableRandom(7);
        for (long seed = 0; seed < 20; seed++) {
            ExactText texts = new ExactText(corpus, seed);
            for (int n = 0; n < 60; n++) {
                // Odd n: keys past the word starts, whose texts are two windows joined.
                long key = n % 2 == 0 ? n : corpus.wordStarts() + 1000L * n;
                int tokens = n < 20 ? n + 1 : 1 + draw.nextInt(3000);
                assertEquals(tokens, tokenizer.count(texts.text(key, tokens)),
                        "seed=" + seed + " key=" + key + " tokens=" + tokens);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"o200k_base", "cl100k_base"})
    void shouldBeExactForTextsLongerThanTheCorpus(String encoding) {
        Tokenizer tokenizer = Tokenizers.named(encoding);
        Corpus corpus = Corpus.bundled(tokenizer);
        ExactText texts = new ExactText(corpus, 3);
        int tokens = 2 * corpus.tokens() + 1234;
        assertEquals(tokens, tokenizer.count(texts.text(5, tokens)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"o200k_base", "cl100k_base"})
    void shouldMakeEveryWindowExactAtEveryStartTried(String encoding) {
        // The join of two windows is exact only if each window is; try many starts and short lengths,
        // where cuts inside words are most frequent.
        Tokenizer tokenizer = Tokenizers.named(encoding);
        Corpus corpus = Corpus.bundled(tokenizer);
        ExactText texts = new ExactText(corpus, 11);
        for (int word = 0; word < corpus.wordStarts(); word += 7) {
            int tokens = 1 + word % 40;
            assertEquals(tokens, tokenizer.count(texts.window(word, tokens)), "word start " + word);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"o200k_base", "cl100k_base"})
    void shouldJoinWindowsWithoutMergingTokens(String encoding) {
        Tokenizer tokenizer = Tokenizers.named(encoding);
        Corpus corpus = Corpus.bundled(tokenizer);
        ExactText texts = new ExactText(corpus, 5);
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 2000; i++) {
            int a = 1 + random.nextInt(30);
            int b = 1 + random.nextInt(30);
            String first = texts.window(random.nextInt(corpus.wordStarts()), a);
            String second = texts.window(random.nextInt(corpus.wordStarts()), b);
            assertEquals(a + b, tokenizer.count(first + second), () -> "[" + first + "] + [" + second + "]");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"o200k_base", "cl100k_base"})
    void shouldGiveTheSameTextForTheSameSeedAndKey(String encoding) {
        Corpus corpus = Corpus.bundled(Tokenizers.named(encoding));
        assertEquals(new ExactText(corpus, 42).text(9, 500), new ExactText(corpus, 42).text(9, 500));
        assertNotEquals(new ExactText(corpus, 42).text(9, 500), new ExactText(corpus, 43).text(9, 500));
    }

    @ParameterizedTest
    @ValueSource(strings = {"o200k_base", "cl100k_base"})
    void shouldGiveDistinctKeysDistinctOpeningsBeyondTheWordStarts(String encoding) {
        Corpus corpus = Corpus.bundled(Tokenizers.named(encoding));
        ExactText texts = new ExactText(corpus, 1);
        Set<String> seen = new HashSet<>();
        int words = corpus.wordStarts();
        // Keys past the number of word starts reuse first windows but pair them with other second windows.
        for (long key = 0; key < 3000; key++) {
            assertTrue(seen.add(texts.text(key, 24)), "key " + key);
            assertTrue(seen.add(texts.text(key + words, 24)), "key " + (key + words));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"o200k_base", "cl100k_base"})
    void shouldOpenTheTextsOfAllKeysBelowTheWordStartsDifferently(String encoding) {
        // A prefix cache compares whole blocks of 16 tokens (vLLM): texts meant to share nothing must differ
        // within their first 16, although the book repeats whole phrases.
        Tokenizer tokenizer = Tokenizers.named(encoding);
        Corpus corpus = Corpus.bundled(tokenizer);
        ExactText texts = new ExactText(corpus, 2);
        Set<String> openings = new HashSet<>();
        for (long key = 0; key < corpus.wordStarts(); key++) {
            String opening = texts.text(key, Corpus.OPENING_TOKENS);
            assertEquals(Corpus.OPENING_TOKENS, tokenizer.count(opening));
            assertTrue(openings.add(opening), "key " + key + " opens like an earlier one: " + opening);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"o200k_base", "cl100k_base"})
    void shouldNeverCutInsideACharacter(String encoding) {
        // Rare ideographs outside the BMP are several byte-level tokens each: a cut between two of them would
        // leave half a character, decoded as U+FFFD, in the prompt.
        Tokenizer tokenizer = Tokenizers.named(encoding);
        StringBuilder text = new StringBuilder();
        int[] rare = {0x2000B, 0x2123D, 0x2131B, 0x2146E, 0x218BD, 0x20C78, 0x2A6B2, 0x2B740};
        for (int i = 0; i < 400; i++) {
            text.append(" w").append((char) ('a' + i % 26)).appendCodePoint(rare[i % rare.length])
                    .appendCodePoint(rare[(i * 3 + 1) % rare.length]);
        }
        Corpus corpus = Corpus.of(tokenizer, text.toString());
        ExactText texts = new ExactText(corpus, 4);
        for (int key = 0; key < corpus.wordStarts(); key++) {
            for (int tokens = 1; tokens < 12; tokens++) {
                String window = texts.text(key, tokens);
                assertEquals(tokens, tokenizer.count(window));
                assertEquals(-1, window.indexOf('\uFFFD'), "key " + key + " tokens " + tokens + ": " + window);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1})
    void shouldRefuseLengthsBelowOne(int tokens) {
        ExactText texts = new ExactText(Corpus.bundled(Tokenizers.named("o200k_base")), 1);
        assertThrows(IllegalArgumentException.class, () -> texts.text(0, tokens));
    }
}
