package io.streambench.mock;

import io.streambench.mock.internal.model.Prompt;
import io.streambench.mock.internal.model.PromptTokenizer;
import io.streambench.mock.internal.model.TokenizedPrompt;

/**
 * The server model's prompt counting (tokenizing, its message cache, the prefix cache's block hashes), exactly as
 * a request pays it: with {@link EncodedStream}, the supported way for a benchmark to measure the mock's own
 * costs without a network. Set-up ({@link #user}, {@link #tokenize}) allocates its handles once; the measured
 * calls allocate what the server does per request and nothing more.
 *
 * <pre>
 * PromptCounter counter = PromptCounter.load("o200k_base");
 * PromptCounter.UserPrompt prompt = PromptCounter.user(text);   // set-up
 * int tokens = counter.count(prompt);                            // measured: a new prompt's cost
 * </pre>
 */
public final class PromptCounter {

    private final PromptTokenizer tokenizer;

    private PromptCounter(PromptTokenizer tokenizer) {
        this.tokenizer = tokenizer;
    }

    /** Loads tokenizer {@code encoding} ({@code o200k_base} or {@code cl100k_base}; about a second). */
    public static PromptCounter load(String encoding) {
        return new PromptCounter(PromptTokenizer.load(encoding));
    }

    /** A prompt of one user message, decoded as the server decodes a request's body. */
    public static UserPrompt user(String text) {
        return new UserPrompt(Prompt.ofUser(text));
    }

    /** Tokens in {@code prompt}, through the tokenizer's message cache. */
    public int count(UserPrompt prompt) {
        return tokenizer.tokenize(prompt.prompt).tokens();
    }

    /** Tokens in a one-message user prompt decoded from {@code text} now: the decoding is part of the cost. */
    public int countUser(String text) {
        return tokenizer.tokenize(Prompt.ofUser(text)).tokens();
    }

    /** {@code prompt} tokenized, for {@link Tokenized#blockHashes}. */
    public Tokenized tokenize(UserPrompt prompt) {
        return new Tokenized(tokenizer.tokenize(prompt.prompt));
    }

    /** A prompt ready to count; made once, outside what is measured. */
    public static final class UserPrompt {
        private final Prompt prompt;

        private UserPrompt(Prompt prompt) {
            this.prompt = prompt;
        }
    }

    /** A counted prompt. */
    public static final class Tokenized {
        private final TokenizedPrompt tokens;

        private Tokenized(TokenizedPrompt tokens) {
            this.tokens = tokens;
        }

        /** Tokens of every message's text. */
        public int tokens() {
            return tokens.tokens();
        }

        /** The chained hash of each full block of {@code blockTokens} tokens, as the prefix cache keys them. */
        public long[] blockHashes(int blockTokens) {
            return tokens.blockHashes(blockTokens);
        }
    }
}
