package io.streambench.jmh;

import io.streambench.driver.workload.Corpus;
import io.streambench.driver.workload.PlannedRequest;
import io.streambench.driver.workload.SyntheticSource;
import io.streambench.driver.workload.Tokenizers;
import io.streambench.mock.profile.Distribution;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What planning one synthetic request costs: a prompt of exactly {@link #inputTokens} tokens cut from
 * the bundled corpus and counted until exact ({@code ExactText}: one window of the corpus, counted, its
 * end moved and counted again where the first cut is not exact), plus the request's draws. One operation is one request, a new index each
 * time so no prompt repeats; the corpus is tokenized once, in setup. The time to build 10,000 prompts is
 * 10,000 / score seconds; {@code gc.alloc.rate.norm} ({@code -prof gc}) is bytes allocated per prompt.
 *
 * <pre>
 * java -jar bench/target/streambench.jar jmh PromptBuildBenchmark -prof gc
 * </pre>
 */
@State(Scope.Thread)
public class PromptBuildBenchmark extends BenchmarkDefaults {

    @Param({"o200k_base"})
    public String encoding;

    @Param({"1000"})
    public int inputTokens;

    private SyntheticSource source;
    private long next;

    @Setup
    public void setUp() {
        source = new SyntheticSource(Corpus.bundled(Tokenizers.named(encoding)), Distribution.constant(inputTokens),
                Distribution.constant(200), null, false, 1);
    }

    @Benchmark
    public PlannedRequest plan() {
        return source.plan(next++);
    }
}
