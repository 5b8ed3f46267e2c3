package io.streambench.jmh;

import io.streambench.client.accumulate.Accumulator;
import io.streambench.client.accumulate.AccumulateStrategy;
import io.streambench.client.accumulate.AccumulatorFactory;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jol.info.GraphLayout;

/**
 * What each accumulation strategy ({@link AccumulateStrategy}) costs per token and holds per stream.
 *
 * <p>One operation appends one one-token chunk ({@link AnswerText}) to the answer; after
 * {@link #answerTokens} tokens the answer's {@code result()} is taken and a new accumulator starts,
 * so the score is tokens per second and {@code gc.alloc.rate.norm} ({@code -prof gc}) is bytes
 * allocated per token, the final {@code result()} included. {@code concat} copies the whole answer on
 * every token, so its cost grows with the answer's length: hence two lengths.
 *
 * <p>Secondary results ({@link Retained}, unit {@code #}) say what one in-flight stream holds when its
 * answer is complete, just before {@code result()}: {@code retainedBytes}, the accumulator's object
 * graph measured by JOL ({@code GraphLayout.parseInstance(accumulator).totalSize()}, the real layout
 * of this JVM, not an estimate), {@code streamsPerGiB} = 2^30 / {@code retainedBytes} (accumulators
 * alone; the connection, parser and buffers of a stream come on top), and {@code layoutEstimateBytes},
 * the strategy's own {@code retainedBytes()} estimate, to check it against JOL. They are deterministic;
 * like {@link FlushStrategyBenchmark.Display} each is divided by the number of measurement iterations,
 * forks and threads, because JMH adds such counters up. On JDK 17 JOL warns that it cannot attach
 * its agent (fork with {@code -Djdk.attach.allowAttachSelf=true} to silence it); it then sizes
 * objects from its model of this JVM's layout. {@link MemoryCeilingBenchmark} measures the same
 * thing a second way, as heap in use after a forced GC.
 *
 * <pre>
 * java -jar bench/target/streambench.jar jmh AccumulatorBenchmark -prof gc
 * </pre>
 */
@State(Scope.Thread)
public class AccumulatorBenchmark extends BenchmarkDefaults {

    @Param({"concat", "string-builder", "chunk-list", "bounded", "count-only"})
    public String strategy;

    /** Tokens in one answer: a short reply and a long one (about 4.5k and 36k characters). */
    @Param({"1000", "8000"})
    public int answerTokens;

    private final CharSequence[] chunks = AnswerText.chunks();
    private Accumulator accumulator;
    private int appended;

    /** What one complete in-flight answer holds (see the class comment). */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Retained {
        public double retainedBytes;
        public double streamsPerGiB;
        public double layoutEstimateBytes;
        private double measuredBytes;
        private double estimatedBytes;
        private double share;

        // JMH resets counters when an iteration starts; the benchmark publishes them at every answer's end.
        void publish() {
            retainedBytes = measuredBytes * share;
            streamsPerGiB = (1L << 30) / measuredBytes * share;
            layoutEstimateBytes = estimatedBytes * share;
        }

        @Setup
        public void setUp(BenchmarkParams params) {
            String strategy = params.getParam("strategy");
            int tokens = Integer.parseInt(params.getParam("answerTokens"));
            Accumulator full = fill(AccumulatorFactory.named(strategy).create(), AnswerText.chunks(), tokens);
            measuredBytes = GraphLayout.parseInstance(full).totalSize();
            estimatedBytes = full.retainedBytes();
            share = 1.0 / ((long) params.getMeasurement().getCount() * Math.max(1, params.getForks())
                    * params.getThreads());
        }
    }

    @Setup
    public void setUp() {
        accumulator = AccumulatorFactory.named(strategy).create();
        appended = 0;
    }

    @Benchmark
    public Object appendToken(Retained retained) {
        accumulator.append(chunks[appended % chunks.length]);
        if (++appended < answerTokens) {
            return accumulator;
        }
        String answer = accumulator.result();
        retained.publish();
        accumulator = AccumulatorFactory.named(strategy).create();
        appended = 0;
        return answer;
    }

    /** {@code accumulator} after {@code tokens} one-token chunks. */
    static Accumulator fill(Accumulator accumulator, CharSequence[] chunks, int tokens) {
        for (int i = 0; i < tokens; i++) {
            accumulator.append(chunks[i % chunks.length]);
        }
        return accumulator;
    }
}
