package io.streambench.jmh;

import io.streambench.driver.workload.Corpus;
import io.streambench.driver.workload.ExactText;
import io.streambench.driver.workload.Tokenizers;
import io.streambench.mock.PromptCounter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What the mock's server model pays per request to count a prompt, with a 1,000-token user message: the
 * figures behind where it counts (on the event loop below about 400 tokens of uncached text, on its tokenizer
 * thread above) and behind its message cache.
 *
 * <p>{@link #uncached}: a message the cache does not hold (each operation takes the next of 1,024 distinct
 * prompts, four times more than the cache keeps), so it is tokenized: the cost of a new prompt.
 * {@link #cached}: the same message every time: a repeated system prompt or an earlier turn of a
 * conversation costs a copy, a hash and a comparison of its text. {@link #blockHashes}: the chained hashes of the
 * prompt's 16-token blocks, paid once per request when the profile has a prefix cache. Scores are
 * operations (prompts) per second; divide {@code gc.alloc.rate.norm} ({@code -prof gc}) by 1,000 for bytes
 * per token.
 *
 * <pre>
 * java -jar bench/target/streambench.jar jmh PromptTokenizerBenchmark -prof gc
 * </pre>
 */
@State(Scope.Thread)
public class PromptTokenizerBenchmark extends BenchmarkDefaults {

    private static final int PROMPTS = 1024;
    private static final int TOKENS = 1000;

    @Param({"o200k_base"})
    public String encoding;

    private PromptCounter tokenizer;
    private PromptCounter.UserPrompt[] distinct;
    private String repeated;
    private PromptCounter.Tokenized counted;
    private int next;

    @Setup
    public void setUp() {
        tokenizer = PromptCounter.load(encoding);
        ExactText texts = new ExactText(Corpus.bundled(Tokenizers.named(encoding)), 7);
        distinct = new PromptCounter.UserPrompt[PROMPTS];
        for (int i = 0; i < PROMPTS; i++) {
            distinct[i] = PromptCounter.user(texts.text(i, TOKENS));
        }
        repeated = texts.text(PROMPTS, TOKENS);
        counted = tokenizer.tokenize(PromptCounter.user(repeated));
        if (counted.tokens() != TOKENS) {
            throw new IllegalStateException("the prompt has " + counted.tokens() + " tokens, not " + TOKENS);
        }
    }

    @Benchmark
    public int uncached() {
        PromptCounter.UserPrompt p = distinct[next];
        next = (next + 1) % PROMPTS;
        return tokenizer.count(p);
    }

    @Benchmark
    public int cached() {
        // A new String with its own characters, as each request's body is parsed into: its hash is computed
        // afresh and the cache compares it with the stored text (new String(String) would share the hash and
        // the array). The copy is part of the figure, about what parsing the message costs anyway.
        return tokenizer.countUser(new String(repeated.toCharArray()));
    }

    @Benchmark
    public long[] blockHashes() {
        return counted.blockHashes(16);
    }
}
