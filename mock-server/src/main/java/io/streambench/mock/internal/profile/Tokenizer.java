package io.streambench.mock.internal.profile;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into tokens the way BPE tokenizers roughly do for English: a word keeps its leading
 * space, punctuation and line breaks are tokens of their own. Good enough for realistic chunk sizes;
 * it is not a real tokenizer and the README says so.
 */
public final class Tokenizer {

    private Tokenizer() {
    }

    /** Tokenizes {@code text}; concatenating the tokens' text gives back {@code text} exactly. */
    public static List<Token> tokenize(String text) {
        List<Token> out = new ArrayList<>();
        for (int start = 0, end; start < text.length(); start = end) {
            end = tokenEnd(text, start);
            out.add(Token.of(text.substring(start, end)));
        }
        return out;
    }

    /** Rough token count of a text (used for prompt usage); allocates nothing. */
    public static int count(String text) {
        int tokens = 0;
        for (int start = 0; start < text.length(); start = tokenEnd(text, start)) {
            tokens++;
        }
        return tokens;
    }

    /** Where the token that starts at {@code i} ends. */
    private static int tokenEnd(String text, int i) {
        int n = text.length();
        char c = text.charAt(i);
        if (c == '\n' || c == '\r') {
            while (i < n && (text.charAt(i) == '\n' || text.charAt(i) == '\r')) {
                i++;
            }
            return i;
        }
        // optional run of spaces, then a run of letters/digits, or a single other code point
        while (i < n && text.charAt(i) == ' ') {
            i++;
        }
        if (i < n && Character.isLetterOrDigit(text.codePointAt(i))) {
            while (i < n && Character.isLetterOrDigit(text.codePointAt(i))) {
                i += Character.charCount(text.codePointAt(i));
            }
        } else if (i < n && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
            i += Character.charCount(text.codePointAt(i));
        }
        return i;
    }
}
