package io.streambench.mock.internal.profile;

import java.util.SplittableRandom;

/**
 * The word list of generated content. Words are pre-encoded {@link Token}s in two forms (sentence start
 * and inside a sentence), so generating text allocates nothing. A few entries carry 2-, 3- and 4-byte
 * UTF-8 characters and characters JSON must escape, because real answers do and clients must cope.
 */
public final class Vocabulary {

    private static final String[] WORDS = {
        "the", "model", "stream", "token", "latency", "server", "client", "buffer", "event", "chunk",
        "answer", "request", "response", "network", "memory", "parser", "flush", "measure", "time", "first",
        "value", "system", "data", "result", "of", "and", "to", "in", "is", "that", "for", "with", "as", "on",
        "it", "by", "this", "be", "are", "from", "at", "an", "which", "can", "each", "more", "when", "we",
        "throughput", "percentile", "histogram", "benchmark", "queue", "thread", "loop", "write", "read",
        "socket", "kernel", "cache", "batch", "window", "rate", "delay", "jitter", "backpressure", "naïve",
        "café", "déjà", "Zürich", "東京", "数据", "🚀", "✓", "\"quoted\"", "back\\slash", "tab\tseparated",
    };
    private static final Token[] LOWER = new Token[WORDS.length];
    private static final Token[] CAPITAL = new Token[WORDS.length];
    private static final Token PERIOD = Token.of(".");
    private static final Token COMMA = Token.of(",");
    private static final Token PARAGRAPH = Token.of("\n\n");

    static {
        for (int i = 0; i < WORDS.length; i++) {
            String w = WORDS[i];
            LOWER[i] = Token.of(" " + w);
            CAPITAL[i] = Token.of(" " + Character.toUpperCase(w.charAt(0)) + w.substring(1));
        }
    }

    private Vocabulary() {
    }

    /**
     * A generator of plausible sentences. Stateful (sentence position); one per stream choice.
     */
    public static final class Generator implements TokenStream {
        private final SplittableRandom random;
        private int wordsInSentence;
        private int sentenceLength;
        private boolean first = true;
        private boolean afterComma;

        public Generator(SplittableRandom random) {
            this.random = random;
            this.sentenceLength = 6 + random.nextInt(12);
        }

        @Override
        public Token next() {
            if (wordsInSentence == sentenceLength) {
                wordsInSentence = -1;
                sentenceLength = 6 + random.nextInt(12);
                return PERIOD;
            }
            if (wordsInSentence == -1) {
                wordsInSentence = 0;
                if (random.nextInt(6) == 0) {
                    return PARAGRAPH;
                }
            }
            int w = random.nextInt(WORDS.length);
            boolean capital = wordsInSentence == 0;
            wordsInSentence++;
            if (!capital && !afterComma && wordsInSentence > 2 && wordsInSentence < sentenceLength - 1
                    && random.nextInt(10) == 0) {
                wordsInSentence--;
                afterComma = true;
                return COMMA;
            }
            afterComma = false;
            if (first) {
                first = false;
                // The first token of an answer has no leading space.
                return Token.of(CAPITAL[w].text().substring(1));
            }
            return capital ? CAPITAL[w] : LOWER[w];
        }
    }
}
