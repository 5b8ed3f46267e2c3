package io.streambench.mock.profile;

import io.streambench.mock.internal.profile.TokenTexts;
import io.streambench.mock.internal.profile.Tokenizer;
import java.util.List;

/**
 * Where the text of an answer comes from (a profile's {@code content:}). Only the configuration: the server
 * turns it into tokens on its own side, so the API names none of its token types.
 */
public sealed interface ContentSource {

    /** Tokens in the text when it is finite and used once through, or -1 for endless generated text. */
    int naturalTokens(String lastUserMessage);

    /** Deterministic generated sentences (the default): same seed, same text. */
    record Generated() implements ContentSource {
        @Override
        public int naturalTokens(String lastUserMessage) {
            return -1;
        }
    }

    /**
     * A fixed text, repeated when more output tokens are asked for than it has.
     *
     * @param text the text as configured
     * @param tokens the texts of the tokens it is sent in, in order (an immutable copy; {@link #of} splits
     *     {@code text})
     */
    record Fixed(String text, List<String> tokens) implements ContentSource {
        public Fixed {
            // Encoded once here, so a stream of the text only reads them.
            tokens = TokenTexts.copyOf(tokens);
            if (tokens.isEmpty()) {
                throw new IllegalArgumentException("fixed content needs a non-empty text");
            }
        }

        /** Tokenizes {@code text} once. */
        public static Fixed of(String text) {
            return new Fixed(text, TokenTexts.tokenize(text));
        }

        @Override
        public int naturalTokens(String lastUserMessage) {
            return tokens.size();
        }
    }

    /** The last user message, sent back (repeated when more output tokens are asked for). */
    record Echo() implements ContentSource {
        @Override
        public int naturalTokens(String lastUserMessage) {
            return Tokenizer.count(lastUserMessage);
        }
    }

    /** The text of a file, read once when the profile is loaded. */
    record File(String path, Fixed content) implements ContentSource {
        @Override
        public int naturalTokens(String lastUserMessage) {
            return content.naturalTokens(lastUserMessage);
        }
    }
}
