package io.streambench.driver;

/**
 * Estimates the tokens in a piece of streamed text when the server does not say: a word with its
 * leading spaces is one token, every other character (punctuation, a CJK character, an emoji) is one,
 * and a run of line breaks is one. It matches the mock server's tokenizer and is within a small factor
 * of real BPE tokenizers for English; reports mark which counts are estimates.
 */
public final class TokenEstimator {

    private TokenEstimator() {
    }

    /** The estimated token count of {@code text}; 0 only for empty text. Allocates nothing. */
    public static int count(CharSequence text) {
        int n = text.length();
        int tokens = 0;
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            tokens++;
            if (c == '\n' || c == '\r') {
                while (i < n && (text.charAt(i) == '\n' || text.charAt(i) == '\r')) {
                    i++;
                }
                continue;
            }
            while (i < n && text.charAt(i) == ' ') {
                i++;
            }
            if (i < n && Character.isLetterOrDigit(Character.codePointAt(text, i))) {
                while (i < n && Character.isLetterOrDigit(Character.codePointAt(text, i))) {
                    i += Character.charCount(Character.codePointAt(text, i));
                }
            } else if (i < n && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
                i += Character.charCount(Character.codePointAt(text, i));
            }
        }
        return tokens;
    }
}
