package io.streambench.driver.workload;

import io.streambench.mock.profile.Distribution;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.SplittableRandom;

/**
 * Requests with prompts of exactly the drawn number of tokens ({@code --input-tokens}), an answer length
 * drawn too ({@code --output-tokens}), and optionally one of K shared system prompts before the prompt
 * ({@code --prefix-tokens N --prefix-groups K}). Lengths use the mock's distribution syntax
 * ({@code 200}, {@code normal:1000:200}, {@code uniform:500:1500}, {@code lognormal:1000:0.5},
 * {@code empirical:100,1000,4000}); every draw is rounded and at least 1.
 *
 * <pre>{@code
 * SyntheticSource source = new SyntheticSource(Corpus.bundled(tokenizer), Distribution.parse("normal:1000:200"),
 *         Distribution.parse("200"), new PrefixPool(corpus, 8, 500, seed), true, seed);
 * PlannedRequest request = source.plan(17);
 * }</pre>
 *
 * <p>Request {@code i} draws its lengths and prefix group from a random source seeded by the seed and
 * {@code i} alone, and its prompt is {@link ExactText#text} for key {@code i}: prompts differ between
 * requests and runs with different seeds, and repeat exactly for the same seed.
 */
public final class SyntheticSource implements RequestSource {

    private final ExactText texts;
    private final Distribution inputTokens;
    private final Distribution outputTokens;
    private final PrefixPool prefixes;
    private final boolean ignoreEos;
    private final long seed;

    /**
     * @param corpus       the text prompts are cut from (its tokenizer counts them)
     * @param inputTokens  tokens of each prompt (without the prefix)
     * @param outputTokens answer length to ask for, or null to leave it to the server
     * @param prefixes     shared system prompts, or null for none
     * @param ignoreEos    ask the server for exactly the drawn answer length
     * @param seed         the run's seed
     */
    public SyntheticSource(Corpus corpus, Distribution inputTokens, Distribution outputTokens, PrefixPool prefixes,
                           boolean ignoreEos, long seed) {
        if (inputTokens == null) {
            throw new IllegalArgumentException("inputTokens must not be null");
        }
        if (ignoreEos && outputTokens == null) {
            throw new IllegalArgumentException("ignore-eos needs an output length");
        }
        this.texts = new ExactText(corpus, Seeds.mix(seed, Seeds.PROMPTS, 0));
        this.inputTokens = inputTokens;
        this.outputTokens = outputTokens;
        this.prefixes = prefixes;
        this.ignoreEos = ignoreEos;
        this.seed = seed;
    }

    @Override
    public PlannedRequest plan(long index) {
        SplittableRandom random = new SplittableRandom(Seeds.mix(seed, Seeds.DRAWS, index));
        int input = inputTokens.sampleInt(random, 1);
        int output = outputTokens == null ? 0 : outputTokens.sampleInt(random, 1);
        List<ChatMessage> messages = new ArrayList<>(2);
        int group = -1;
        if (prefixes != null) {
            group = prefixes.choose(random);
            messages.add(ChatMessage.system(prefixes.text(group)));
        }
        messages.add(ChatMessage.user(texts.text(index, input)));
        TokenPlan tokens = new TokenPlan(prefixes == null ? 0 : prefixes.tokens(), 0, input, output, ignoreEos);
        return new PlannedRequest(index, messages, tokens, OptionalLong.empty(),
                group < 0 ? PlannedRequest.Grouping.NONE : PlannedRequest.Grouping.prefix(group), Map.of());
    }

    @Override
    public OptionalLong size() {
        return OptionalLong.empty();
    }

    @Override
    public String label() {
        return "synthetic input=" + inputTokens + (outputTokens == null ? "" : " output=" + outputTokens)
                + (prefixes == null ? "" : " prefix=" + prefixes.tokens() + "x" + prefixes.groups())
                + (ignoreEos ? " ignore-eos" : "");
    }
}
