package io.streambench.driver.workload;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A text tokenized once, from which windows of tokens are cut as text without tokenizing it again.
 * Token positions wrap around: the text is read as if it repeated forever, so a window may be longer
 * than the text.
 *
 * <p>The bundled text is Lewis Carroll's <i>Alice's Adventures in Wonderland</i> (1865, public domain in
 * the USA), about 37,000 tokens; {@code alice-README.md} beside it says where it comes from.
 *
 * <pre>{@code
 * Corpus corpus = Corpus.bundled(Tokenizers.named("o200k_base"));
 * String window = corpus.text(1200, 1500);   // the text of tokens 1200..1499
 * }</pre>
 */
public final class Corpus {

    private static final String BUNDLED = "alice.txt";
    private static final Map<String, Corpus> BUNDLED_BY_TOKENIZER = new ConcurrentHashMap<>();

    private final Tokenizer tokenizer;
    private final byte[] utf8;
    /** {@code offsets[i]} is where token {@code i} starts in {@link #utf8}; {@code offsets[tokens]} is its length. */
    private final int[] offsets;
    /**
     * Where a window may start (see {@link ExactText}): tokens that are a space followed by an ASCII letter,
     * each opening a run of {@link #OPENING_TOKENS} tokens found at no earlier start. The book repeats
     * itself ("Do cats eat bats? Do cats eat bats?"), and two texts that open alike would share a prefix
     * cache's first block (vLLM's is 16 tokens) though they are meant to share nothing.
     */
    private final int[] wordStarts;

    /** How many opening tokens of distinct starts differ somewhere. */
    static final int OPENING_TOKENS = 16;

    private Corpus(Tokenizer tokenizer, String text) {
        this.tokenizer = tokenizer;
        this.utf8 = text.getBytes(StandardCharsets.UTF_8);
        int[] ids = tokenizer.encode(text);
        if (ids.length < 2) {
            throw new IllegalArgumentException("a corpus needs at least 2 tokens, got " + ids.length);
        }
        offsets = new int[ids.length + 1];
        int[] starts = new int[ids.length];
        int words = 0;
        int at = 0;
        for (int i = 0; i < ids.length; i++) {
            offsets[i] = at;
            if (at + 1 < utf8.length && utf8[at] == ' ' && isAsciiLetter(utf8[at + 1])) {
                starts[words++] = i;
            }
            at += tokenizer.bytesOf(ids[i]).length;
        }
        offsets[ids.length] = at;
        if (at != utf8.length) {
            throw new IllegalStateException("tokens of the corpus cover " + at + " of " + utf8.length + " bytes");
        }
        wordStarts = distinctOpenings(ids, Arrays.copyOf(starts, words));
        if (wordStarts.length == 0) {
            throw new IllegalArgumentException("a corpus needs words that start with a space and a letter");
        }
    }

    private static int[] distinctOpenings(int[] ids, int[] starts) {
        Set<List<Integer>> seen = new HashSet<>();
        int kept = 0;
        for (int start : starts) {
            List<Integer> opening = new ArrayList<>(OPENING_TOKENS);
            for (int k = 0; k < OPENING_TOKENS; k++) {
                opening.add(ids[(start + k) % ids.length]);
            }
            if (seen.add(opening)) {
                starts[kept++] = start;
            }
        }
        return Arrays.copyOf(starts, kept);
    }

    /** The bundled public-domain text, tokenized with {@code tokenizer} (once per tokenizer). */
    public static Corpus bundled(Tokenizer tokenizer) {
        return BUNDLED_BY_TOKENIZER.computeIfAbsent(tokenizer.name(), n -> new Corpus(tokenizer, readBundled()));
    }

    /** {@code text} tokenized with {@code tokenizer}; for tests and for users' own corpora. */
    public static Corpus of(Tokenizer tokenizer, String text) {
        return new Corpus(tokenizer, text);
    }

    private static String readBundled() {
        try (InputStream in = Corpus.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException("corpus resource " + BUNDLED + " is missing from the jar");
            }
            // Two line breaks at the end, so that where the text wraps around it reads as a new paragraph.
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).stripTrailing() + "\n\n";
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read corpus resource " + BUNDLED, e);
        }
    }

    /** The tokenizer the corpus was cut with. */
    public Tokenizer tokenizer() {
        return tokenizer;
    }

    /** How many tokens one pass over the text has. */
    public int tokens() {
        return offsets.length - 1;
    }

    /** How many positions a window may start at. */
    int wordStarts() {
        return wordStarts.length;
    }

    /** The token position of word start {@code n} ({@code 0 <= n < wordStarts()}). */
    int wordStart(int n) {
        return wordStarts[n];
    }

    /**
     * Whether a window may end before token {@code end}: it does not split a character, and its last byte
     * is not a space, tab or carriage return. A window that ends so cannot merge with a next window that
     * starts with a space and a letter: the pre-tokenizers split before such a space, after a line feed
     * too ({@code \s*[\r\n]+} ends there), while a trailing space could join the space run that follows.
     */
    boolean isCleanEnd(long end) {
        int at = offsets[(int) (end % tokens())];
        byte last = utf8[(at == 0 ? utf8.length : at) - 1];
        boolean splitsCharacter = at != 0 && (utf8[at] & 0xC0) == 0x80;
        return !splitsCharacter && last != ' ' && last != '\r' && last != '\t';
    }

    /** The text of {@code count} tokens from token {@code start} on, wrapping around the end. */
    public String text(long start, long count) {
        if (start < 0 || count < 0) {
            throw new IllegalArgumentException("start and count must be >= 0, got start=" + start + " count=" + count);
        }
        int n = tokens();
        int first = (int) (start % n);
        long end = first + count;
        if (end <= n) {
            return new String(utf8, offsets[first], offsets[(int) end] - offsets[first], StandardCharsets.UTF_8);
        }
        int tail = offsets[(int) (end % n)];
        long wraps = end / n - 1;
        long size = (utf8.length - offsets[first]) + wraps * utf8.length + tail;
        if (size > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("a window of " + count + " tokens is too long (" + size + " bytes)");
        }
        byte[] out = new byte[(int) size];
        int at = utf8.length - offsets[first];
        System.arraycopy(utf8, offsets[first], out, 0, at);
        for (long w = 0; w < wraps; w++, at += utf8.length) {
            System.arraycopy(utf8, 0, out, at, utf8.length);
        }
        System.arraycopy(utf8, 0, out, at, tail);
        return new String(out, StandardCharsets.UTF_8);
    }

    private static boolean isAsciiLetter(byte b) {
        return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z');
    }
}
