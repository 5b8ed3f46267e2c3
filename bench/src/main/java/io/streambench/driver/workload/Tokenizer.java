package io.streambench.driver.workload;

import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.IntArrayList;

/**
 * A BPE tokenizer by name ({@code o200k_base}, {@code cl100k_base}) that counts tokens the way OpenAI's
 * tiktoken does. Thread-safe.
 *
 * <pre>{@code
 * Tokenizer tokenizer = Tokenizers.named("o200k_base");
 * int tokens = tokenizer.count("Hello, world");   // 3: "Hello" "," " world"
 * }</pre>
 *
 * <p>Special tokens such as {@code <|endoftext|>} are counted as the plain text they are: a prompt or an
 * answer that contains one is text a user sent or a server streamed, not a control token.
 */
public final class Tokenizer {

    private final String name;
    private final Encoding encoding;

    Tokenizer(String name, Encoding encoding) {
        this.name = name;
        this.encoding = encoding;
    }

    /** The encoding's name, for example {@code o200k_base}. */
    public String name() {
        return name;
    }

    /** The number of tokens in {@code text}; 0 for the empty string. */
    public int count(String text) {
        return text.isEmpty() ? 0 : encoding.countTokensOrdinary(text);
    }

    /** The token ids of {@code text}. */
    public int[] encode(String text) {
        return encoding.encodeOrdinary(text).toArray();
    }

    /** The UTF-8 bytes that token {@code id} stands for (a token may be part of a character). */
    byte[] bytesOf(int id) {
        IntArrayList one = new IntArrayList(1);
        one.add(id);
        return encoding.decodeBytes(one);
    }

    @Override
    public String toString() {
        return name;
    }
}
