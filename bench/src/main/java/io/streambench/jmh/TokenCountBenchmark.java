package io.streambench.jmh;

import io.streambench.driver.workload.Corpus;
import io.streambench.driver.workload.ExactText;
import io.streambench.driver.workload.Tokenizer;
import io.streambench.driver.workload.Tokenizers;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What counting tokens with a real BPE tokenizer (jtokkit) costs, per token: the driver counts prompts
 * as it builds them and answers when a server sends no usage, and must know what that takes from a core.
 *
 * <p>Two shapes of text. {@link #chunk}: one streamed content chunk per operation (one to three tokens:
 * {@code " streaming"}, {@code ","}, {@code " 😀"}, ...), as counting every chunk on arrival would do;
 * fixed costs per call dominate here. {@link #longText}: one text of 4,000 tokens of English prose per
 * operation, as counting a whole prompt or answer does. The primary score is operations per second; the
 * secondary {@code tokens} score ({@link Tokens}) is tokens counted per second, so
 * <b>ns per token = 10^9 / tokens score</b>, and {@code gc.alloc.rate.norm} ({@code -prof gc}) divided by
 * the tokens per operation (shown by {@code tokensPerOp}) is bytes allocated per token.
 *
 * <pre>
 * java -jar bench/target/streambench.jar jmh TokenCountBenchmark -prof gc
 * </pre>
 */
@State(Scope.Thread)
public class TokenCountBenchmark extends BenchmarkDefaults {

    @Param({"o200k_base", "cl100k_base"})
    public String encoding;

    private static final String[] CHUNKS = {
        " The", " stream", "ing", " answer", " arrives", " in", " small", " pieces", ",", " each",
        " one", " a", " chunk", " of", " JSON", " text", ".", " Café", " naïve", " —", " 😀", "\n\n",
    };

    private Tokenizer tokenizer;
    private String prose;
    private int next;

    /** Tokens counted, the figure to divide by. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Tokens {
        public long tokens;
    }

    @Setup
    public void setUp() {
        tokenizer = Tokenizers.named(encoding);
        prose = new ExactText(Corpus.bundled(tokenizer), 1).text(0, 4000);
    }

    @Benchmark
    public int chunk(Tokens counted) {
        int tokens = tokenizer.count(CHUNKS[next++ % CHUNKS.length]);
        counted.tokens += tokens;
        return tokens;
    }

    @Benchmark
    public int longText(Tokens counted) {
        int tokens = tokenizer.count(prose);
        counted.tokens += tokens;
        return tokens;
    }
}
