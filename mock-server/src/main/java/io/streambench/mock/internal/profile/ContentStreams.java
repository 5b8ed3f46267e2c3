package io.streambench.mock.internal.profile;

import io.streambench.mock.profile.ContentSource;
import java.util.SplittableRandom;

/**
 * Opens the token stream of a profile's content for one choice of one stream. A {@link ContentSource} is what a
 * user configures; how it becomes tokens is the request path's business and stays here, out of the API.
 */
public final class ContentStreams {

    private ContentStreams() {
    }

    /**
     * The tokens of {@code content} from the first.
     *
     * @param random the stream's content random source (only generated text uses it)
     * @param lastUserMessage the text of the request's last user message, or "" when there is none
     */
    public static TokenStream open(ContentSource content, SplittableRandom random, String lastUserMessage) {
        // ContentSource is sealed: these are all its variants (no pattern switch at Java 17).
        if (content instanceof ContentSource.Generated) {
            return new Vocabulary.Generator(random);
        }
        if (content instanceof ContentSource.Fixed fixed) {
            return cycle(fixed);
        }
        if (content instanceof ContentSource.File file) {
            return cycle(file.content());
        }
        if (content instanceof ContentSource.Echo) {
            // Tokenized per request, as the text is the request's.
            return cycle(Tokenizer.tokenize(lastUserMessage.isEmpty() ? " " : lastUserMessage).toArray(new Token[0]));
        }
        throw new IllegalArgumentException("unknown content source " + content);
    }

    /** Fixed's constructor keeps its tokens as TokenTexts, encoded once; they are read, never copied. */
    private static TokenStream cycle(ContentSource.Fixed fixed) {
        return cycle(((TokenTexts) fixed.tokens()).tokens());
    }

    /** The tokens over and over: a text repeats when more output tokens are asked for than it has. */
    private static TokenStream cycle(Token[] tokens) {
        int[] next = {0};
        return () -> {
            Token t = tokens[next[0]];
            next[0] = next[0] + 1 == tokens.length ? 0 : next[0] + 1;
            return t;
        };
    }
}
