package io.streambench.jmh;

/**
 * Content chunks of one token each, as the memory benchmarks feed them to accumulators: mostly
 * ASCII English with a few characters outside Latin-1 (so Java strings holding the whole answer
 * use two bytes a char, as they do for most real answers). Each chunk is a {@link StringBuilder},
 * a view that is not a {@code String}, as parsers hand text over: an accumulator that keeps text
 * must copy it.
 */
final class AnswerText {

    private static final String[] TOKENS = {
        " The", " stream", "ing", " answer", " arrives", " in", " small", " pieces", ",", " each",
        " one", " a", " chunk", " of", " JSON", " text", ".", " Café", " naïve", " —", " 😀", "\n\n",
        " latency", " token", " client", " buffer", " memory", " heap", " server", " model",
    };

    private AnswerText() {
    }

    /** One view per distinct token; chunk {@code i} of an answer is {@code chunks[i % chunks.length]}. */
    static CharSequence[] chunks() {
        CharSequence[] views = new CharSequence[TOKENS.length];
        for (int i = 0; i < TOKENS.length; i++) {
            views[i] = new StringBuilder(TOKENS[i]);
        }
        return views;
    }
}
