package io.streambench.driver.workload;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * K shared system prompts of N tokens each, distinct and fixed by the seed, one of which starts each
 * request, so that a server's prefix cache sees traffic the way production traffic exercises it.
 * Each request picks its group uniformly at random (from its own seeded random source, so the choice is
 * the same on every run with the same seed), as AIPerf and vLLM's prefix workloads do; over many requests
 * every group gets about 1/K of them.
 *
 * <pre>{@code
 * PrefixPool prefixes = new PrefixPool(corpus, 8, 500, seed);   // --prefix-groups 8 --prefix-tokens 500
 * int group = prefixes.choose(random);
 * String system = prefixes.text(group);
 * }</pre>
 */
public final class PrefixPool {

    private final List<String> texts;
    private final int tokens;

    /**
     * @param corpus the text to cut prompts from
     * @param groups how many distinct prompts, at least 1 and at most the corpus's word starts
     * @param tokens tokens in each, at least 1
     * @param seed   the run's seed
     */
    public PrefixPool(Corpus corpus, int groups, int tokens, long seed) {
        if (groups < 1 || groups > corpus.wordStarts()) {
            throw new IllegalArgumentException("prefix groups must be between 1 and " + corpus.wordStarts()
                    + ", got " + groups);
        }
        if (tokens < 1) {
            throw new IllegalArgumentException("prefix tokens must be >= 1, got " + tokens);
        }
        ExactText texts = new ExactText(corpus, Seeds.mix(seed, Seeds.PREFIXES, 0));
        List<String> made = new ArrayList<>(groups);
        for (int group = 0; group < groups; group++) {
            made.add(texts.text(group, tokens));
        }
        this.texts = List.copyOf(made);
        this.tokens = tokens;
    }

    /** How many groups. */
    public int groups() {
        return texts.size();
    }

    /** Tokens in each prompt. */
    public int tokens() {
        return tokens;
    }

    /** The system prompt of {@code group}. */
    public String text(int group) {
        return texts.get(group);
    }

    /** A group drawn uniformly with {@code random}. */
    public int choose(SplittableRandom random) {
        return random.nextInt(texts.size());
    }
}
