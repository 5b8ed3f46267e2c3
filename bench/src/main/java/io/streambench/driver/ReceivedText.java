package io.streambench.driver;

import io.streambench.driver.workload.Tokenizer;

/**
 * The text one attempt received, kept as it arrives: the answer exactly as streamed (a conversation's next turn
 * carries it), the tool calls' arguments and the streamed reasoning, all counted with the run's tokenizer when
 * the server sends no usage (the reasoning also on its own, when the usage does not count it apart). A copy per
 * event (the parser reuses its buffers), amortised into growing builders; bounded by {@link #MAX_CHARS}, past
 * which nothing more is kept and the text is reported as too long. Event loop only.
 */
final class ReceivedText {

    /**
     * The chars kept per attempt: far above any answer a {@code max_tokens} allows (128k tokens are about 512k
     * chars), so that only a runaway stream reaches it.
     */
    static final int MAX_CHARS = 1 << 21;

    private final StringBuilder answer = new StringBuilder();
    private StringBuilder arguments;
    private StringBuilder reasoning;
    private boolean overflow;

    /** A piece of the answer. */
    void answer(CharSequence text) {
        if (fits(text)) {
            answer.append(text);
        }
    }

    /** A piece of a tool call's arguments. */
    void arguments(CharSequence text) {
        if (fits(text)) {
            if (arguments == null) {
                arguments = new StringBuilder();
            }
            arguments.append(text);
        }
    }

    /** A piece of streamed reasoning. */
    void reasoning(CharSequence text) {
        if (fits(text)) {
            if (reasoning == null) {
                reasoning = new StringBuilder();
            }
            reasoning.append(text);
        }
    }

    private boolean fits(CharSequence text) {
        if (!overflow && answer.length() + (arguments == null ? 0 : arguments.length())
                + (reasoning == null ? 0 : reasoning.length()) + text.length() > MAX_CHARS) {
            overflow = true;
        }
        return !overflow;
    }

    /** Whether everything received was kept. */
    boolean complete() {
        return !overflow;
    }

    /** The answer exactly as received, or null when it was too long to keep. */
    String answer() {
        return overflow ? null : answer.toString();
    }

    /**
     * The tokens of everything kept: answer, arguments and reasoning, each counted on its own as a server counts
     * them.
     */
    long count(Tokenizer tokenizer) {
        return tokenizer.count(answer.toString()) + (arguments == null ? 0 : tokenizer.count(arguments.toString()))
                + reasoningCount(tokenizer);
    }

    /** The tokens of the streamed reasoning kept, 0 without any. */
    long reasoningCount(Tokenizer tokenizer) {
        return reasoning == null ? 0 : tokenizer.count(reasoning.toString());
    }
}
