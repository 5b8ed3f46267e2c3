package io.streambench.driver.workload;

import java.util.SplittableRandom;

/**
 * Texts of exactly N tokens, cut from a {@link Corpus} and checked with its tokenizer.
 *
 * <pre>{@code
 * ExactText texts = new ExactText(Corpus.bundled(tokenizer), seed);
 * String prompt = texts.text(requestIndex, 1000);   // tokenizer.count(prompt) == 1000
 * }</pre>
 *
 * <p>Each key picks a place in the corpus through a permutation of its word starts that the seed
 * picks, and the text is the window of the corpus from there. Keys below the number of word starts
 * (23,244 in the bundled text) thus start at distinct places whose first 16 tokens differ (see
 * {@link Corpus#OPENING_TOKENS}): their texts differ from the start, as a prefix cache sees them. A
 * larger key gets two windows joined, the first from the place of {@code key mod words} and the second
 * from another permutation's place of {@code (key + key / words) mod words}, so distinct keys still give
 * distinct texts (for keys below about 5·10^8), though their first halves repeat earlier keys'. Different
 * seeds give different texts; the same seed and key always give the same text.
 *
 * <p>Exactness: a window of n corpus tokens, read back as text, usually tokenizes to n tokens again, but
 * not always: where it is cut inside a word, BPE may merge the pieces differently ({@code " Cur" "ious"}
 * becomes {@code " Curious"}). Every window is therefore counted and its end moved until the count is
 * exact. Windows start with a space and a letter and end neither inside a character nor on a space (see
 * {@link Corpus#isCleanEnd}), so two windows joined do not merge across the join (the pre-tokenizers of
 * {@code o200k_base} and {@code cl100k_base} split before a space that precedes a letter, after a line
 * feed too); a joined text is counted again all the same. Cost per text: one tokenizer pass over its own
 * length, a little more where the first cut needs moving, two to three passes for keys that get two
 * windows; never a pass over the corpus.
 */
public final class ExactText {

    /** Ends tried on each side of the estimated one before moving the start. */
    private static final int END_SEARCH = 4;
    /** Places tried for the few last tokens of a text whose own start has no exact end. */
    private static final int START_SEARCH = 64;

    private final Corpus corpus;
    private final Tokenizer tokenizer;
    private final int words;
    private final int firstOffset;
    private final int firstStride;
    private final int secondOffset;
    private final int secondStride;

    /**
     * @param corpus the text to cut from
     * @param seed   picks the permutations; the same seed gives the same texts
     */
    public ExactText(Corpus corpus, long seed) {
        this.corpus = corpus;
        this.tokenizer = corpus.tokenizer();
        this.words = corpus.wordStarts();
        SplittableRandom random = new SplittableRandom(seed);
        firstOffset = random.nextInt(words);
        firstStride = coprimeStride(random, words);
        secondOffset = random.nextInt(words);
        secondStride = coprimeStride(random, words);
    }

    /** The tokenizer every text is exact for. */
    public Tokenizer tokenizer() {
        return tokenizer;
    }

    /**
     * A text of exactly {@code tokens} tokens for {@code key}.
     *
     * @param key    which text: the same key gives the same text, distinct keys distinct texts
     * @param tokens at least 1
     */
    public String text(long key, int tokens) {
        if (key < 0) {
            throw new IllegalArgumentException("key must be >= 0, got " + key);
        }
        if (tokens < 1) {
            throw new IllegalArgumentException("tokens must be >= 1, got " + tokens);
        }
        int firstWord = permute(key % words, firstOffset, firstStride);
        int firstTokens = (tokens + 1) / 2;
        int secondTokens = tokens - firstTokens;
        if (key < words || secondTokens == 0) {
            return window(firstWord, key < words ? tokens : firstTokens);
        }
        String first = window(firstWord, firstTokens);
        int secondWord = permute((key + key / words) % words, secondOffset, secondStride);
        String joined = first + window(secondWord, secondTokens);
        if (tokenizer.count(joined) == tokens) {
            return joined;
        }
        // Not seen in tests (see the class comment); one exact window is still a correct answer.
        return window(firstWord, tokens);
    }

    /**
     * The first {@code tokens} tokens of {@link #text text(key, textTokens)}, exact: its leading text, cut
     * where the cut counts exactly (nearly always; otherwise another exact text of that key).
     *
     * @param tokens between 1 and {@code textTokens}
     */
    public String leading(long key, int textTokens, int tokens) {
        if (tokens < 1 || tokens > textTokens) {
            throw new IllegalArgumentException("tokens must be between 1 and " + textTokens + ", got " + tokens);
        }
        if (tokens == textTokens) {
            return text(key, textTokens);
        }
        int firstTokens = (textTokens + 1) / 2;
        int firstWord = permute(key % words, firstOffset, firstStride);
        if (key < words || tokens <= firstTokens) {
            return window(firstWord, tokens);
        }
        int secondWord = permute((key + key / words) % words, secondOffset, secondStride);
        String joined = window(firstWord, firstTokens) + window(secondWord, tokens - firstTokens);
        return tokenizer.count(joined) == tokens ? joined : window(firstWord, tokens);
    }

    /**
     * A text of exactly {@code tokens} tokens that starts at word start {@code word}. Where no end of the
     * corpus gives an exact count from there (a cut after an indented line's spaces, or a BPE merge at
     * every nearby cut), the text keeps its start, which is what makes it this key's own, and ends with a
     * few tokens from the next place that fits; failing that, it starts at the next place that fits.
     */
    String window(int word, int tokens) {
        long start = corpus.wordStart(word);
        String text = fit(start, tokens);
        if (text != null) {
            return text;
        }
        for (int tail = 1; tail < tokens && tail <= 2 * END_SEARCH; tail++) {
            String head = fit(start, tokens - tail);
            if (head == null) {
                continue;
            }
            for (int attempt = 1; attempt < START_SEARCH; attempt++) {
                String rest = fit(corpus.wordStart((word + attempt) % words), tail);
                if (rest != null) {
                    String joined = head + rest;
                    if (tokenizer.count(joined) == tokens) {
                        return joined;
                    }
                    break;
                }
            }
        }
        // A corpus whose words are several tokens each (not the bundled one) may allow no such text near
        // here: then any start that fits, even if another key's text starts there too.
        for (int attempt = 1; attempt < START_SEARCH; attempt++) {
            text = fit(corpus.wordStart((word + attempt) % words), tokens);
            if (text != null) {
                return text;
            }
        }
        throw new IllegalStateException("no text of exactly " + tokens + " tokens from word start " + word
                + " of the corpus (" + tokenizer.name() + ")");
    }

    private String fit(long start, int tokens) {
        long end = start + tokens;
        while (end > start + 1 && !corpus.isCleanEnd(end)) {
            end--;
        }
        if (!corpus.isCleanEnd(end)) {
            return null;
        }
        String text = corpus.text(start, end - start);
        int count = tokenizer.count(text);
        if (count == tokens) {
            return text;
        }
        long target = end + (tokens - count);
        for (int step = 0; step <= 2 * END_SEARCH; step++) {
            // target, target-1, target+1, target-2, ...
            long candidate = target + ((step & 1) == 0 ? step / 2 : -(step + 1) / 2);
            if (candidate <= start || candidate == end || !corpus.isCleanEnd(candidate)) {
                continue;
            }
            text = corpus.text(start, candidate - start);
            if (tokenizer.count(text) == tokens) {
                return text;
            }
        }
        return null;
    }

    private int permute(long index, int offset, int stride) {
        return (int) ((offset + index * stride) % words);
    }

    private static int coprimeStride(SplittableRandom random, int n) {
        if (n == 1) {
            return 1;
        }
        while (true) {
            int stride = 1 + random.nextInt(n - 1);
            if (gcd(stride, n) == 1) {
                return stride;
            }
        }
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
