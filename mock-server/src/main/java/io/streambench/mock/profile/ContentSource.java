package io.streambench.mock.profile;

import io.streambench.mock.internal.profile.Token;
import io.streambench.mock.internal.profile.TokenStream;
import io.streambench.mock.internal.profile.Tokenizer;
import io.streambench.mock.internal.profile.Vocabulary;
import java.util.List;
import java.util.SplittableRandom;

/** Where the text of an answer comes from. */
public sealed interface ContentSource {

    /**
     * Opens the token stream of one choice.
     *
     * @param random the stream's content random source (only generated text uses it)
     * @param lastUserMessage the text of the request's last user message, or "" when there is none
     */
    TokenStream open(SplittableRandom random, String lastUserMessage);

    /** Tokens in the text when it is finite and used once through, or -1 for endless generated text. */
    int naturalTokens(String lastUserMessage);

    /** Deterministic generated sentences (the default): same seed, same text. */
    record Generated() implements ContentSource {
        @Override
        public TokenStream open(SplittableRandom random, String lastUserMessage) {
            return new Vocabulary.Generator(random);
        }

        @Override
        public int naturalTokens(String lastUserMessage) {
            return -1;
        }
    }

    /** A fixed text, repeated when more output tokens are asked for than it has. */
    record Fixed(String text, List<Token> tokens) implements ContentSource {
        public Fixed {
            tokens = List.copyOf(tokens);
            if (tokens.isEmpty()) {
                throw new IllegalArgumentException("fixed content needs a non-empty text");
            }
        }

        /** Tokenizes {@code text} once. */
        public static Fixed of(String text) {
            return new Fixed(text, Tokenizer.tokenize(text));
        }

        @Override
        public TokenStream open(SplittableRandom random, String lastUserMessage) {
            return cycle(tokens);
        }

        @Override
        public int naturalTokens(String lastUserMessage) {
            return tokens.size();
        }
    }

    /** The last user message, sent back (repeated when more output tokens are asked for). */
    record Echo() implements ContentSource {
        @Override
        public TokenStream open(SplittableRandom random, String lastUserMessage) {
            List<Token> tokens = Tokenizer.tokenize(lastUserMessage.isEmpty() ? " " : lastUserMessage);
            return cycle(tokens);
        }

        @Override
        public int naturalTokens(String lastUserMessage) {
            return Tokenizer.count(lastUserMessage);
        }
    }

    /** The text of a file, read once when the profile is loaded. */
    record File(String path, Fixed content) implements ContentSource {
        @Override
        public TokenStream open(SplittableRandom random, String lastUserMessage) {
            return content.open(random, lastUserMessage);
        }

        @Override
        public int naturalTokens(String lastUserMessage) {
            return content.naturalTokens(lastUserMessage);
        }
    }

    private static TokenStream cycle(List<Token> tokens) {
        Token[] array = tokens.toArray(new Token[0]);
        int[] next = {0};
        return () -> {
            Token t = array[next[0]];
            next[0] = next[0] + 1 == array.length ? 0 : next[0] + 1;
            return t;
        };
    }
}
