package io.streambench.mock.internal.profile;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * The token texts of a fixed content ({@code ContentSource.Fixed#tokens()}), an immutable {@code List<String>} to
 * the API, holding each token already encoded ({@link Token}): the encoding is done once when the profile is
 * built, and a stream of the text ({@link ContentStreams}) reads the tokens without copying them.
 */
public final class TokenTexts extends AbstractList<String> implements RandomAccess {

    private final Token[] tokens;

    private TokenTexts(Token[] tokens) {
        this.tokens = tokens;
    }

    /** {@code text} split by {@link Tokenizer}. */
    public static TokenTexts tokenize(String text) {
        return new TokenTexts(Tokenizer.tokenize(text).toArray(new Token[0]));
    }

    /**
     * {@code texts} as tokens: the same list when it is one already (immutable), else each text encoded.
     *
     * @throws IllegalArgumentException when a text is empty
     * @throws NullPointerException when a text is null
     */
    public static TokenTexts copyOf(List<String> texts) {
        if (texts instanceof TokenTexts t) {
            return t;
        }
        Token[] tokens = new Token[texts.size()];
        for (int i = 0; i < tokens.length; i++) {
            tokens[i] = Token.of(texts.get(i));
        }
        return new TokenTexts(tokens);
    }

    /** The encoded tokens, shared: callers only read them. */
    Token[] tokens() {
        return tokens;
    }

    @Override
    public String get(int index) {
        return tokens[index].text();
    }

    @Override
    public int size() {
        return tokens.length;
    }
}
