package io.streambench.driver.workload;

import io.streambench.mock.profile.Distribution;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.SplittableRandom;

/**
 * The same user message in every request ({@code --prompt}, or the built-in one), counted once; with an
 * answer length drawn per request when one is given ({@code --output-tokens}).
 *
 * <pre>{@code
 * RequestSource source = new FixedPrompt("Write a haiku.", tokenizer, null, false, seed);
 * }</pre>
 */
public final class FixedPrompt implements RequestSource {

    private final List<ChatMessage> messages;
    private final int promptTokens;
    private final Distribution outputTokens;
    private final boolean ignoreEos;
    private final long seed;

    /**
     * @param prompt       the user message, not empty
     * @param tokenizer    counts it
     * @param outputTokens answer length to ask for, or null to leave it to the server
     * @param ignoreEos    ask for exactly the drawn answer length (needs {@code outputTokens})
     * @param seed         the run's seed
     */
    public FixedPrompt(String prompt, Tokenizer tokenizer, Distribution outputTokens, boolean ignoreEos, long seed) {
        if (prompt == null || prompt.isEmpty()) {
            throw new IllegalArgumentException("the prompt must not be empty");
        }
        if (ignoreEos && outputTokens == null) {
            throw new IllegalArgumentException("ignore-eos needs an output length");
        }
        this.messages = List.of(ChatMessage.user(prompt));
        this.promptTokens = tokenizer.count(prompt);
        this.outputTokens = outputTokens;
        this.ignoreEos = ignoreEos;
        this.seed = seed;
    }

    @Override
    public PlannedRequest plan(long index) {
        int output = outputTokens == null ? 0
                : outputTokens.sampleInt(new SplittableRandom(Seeds.mix(seed, Seeds.DRAWS, index)), 1);
        return new PlannedRequest(index, messages, new TokenPlan(0, 0, promptTokens, output, ignoreEos),
                OptionalLong.empty(), PlannedRequest.Grouping.NONE, Map.of());
    }

    /** 1, unless an answer length is drawn per request (from more than one value). */
    @Override
    public OptionalLong period() {
        return RequestSource.periodUnlessDrawn(1, outputTokens);
    }

    @Override
    public OptionalLong size() {
        return OptionalLong.empty();
    }

    @Override
    public String label() {
        return "prompt (" + promptTokens + " tokens)" + (outputTokens == null ? "" : " output=" + outputTokens)
                + (ignoreEos ? " ignore-eos" : "");
    }
}
