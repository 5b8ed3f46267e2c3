package io.streambench.jmh;

import io.streambench.client.accumulate.Accumulator;
import io.streambench.client.accumulate.AccumulatorFactory;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How many complete answers of {@value #ANSWER_TOKENS} tokens one JVM with a fixed 256 MiB heap can
 * hold at once with each accumulation strategy, and how it fails: the memory ceiling.
 *
 * <p>One operation (single shot, in its own fork) adds streams in batches (a sixteenth of those held,
 * at least 256), each filled token by token through a fresh accumulator and kept, until one of:
 * {@code OutOfMemoryError} (stop reason 1), GC time above {@value #GC_BOUND_PERCENT} % of the wall
 * time over a window of at least {@value #GC_WINDOW_MS} ms (2), {@value #MAX_STREAMS} streams held (3, no ceiling found) or {@value #TIME_BOUND_S} s
 * (4). Then it forces a GC and reads the heap in use.
 *
 * <p>Secondary results (unit {@code #}): {@code streamsHeld} at the stop, {@code stopReason},
 * {@code heapUsedMiB} after the forced GC, {@code bytesPerStream} = (that minus the heap in use
 * after a forced GC before the run) / {@code streamsHeld} (heap used after GC, measured, not
 * estimated: compare it with {@link AccumulatorBenchmark}'s JOL figure) and {@code gcPercent}, GC time
 * over the whole run's wall time. The score (seconds) is the time the run took; it is not a figure of
 * merit. Run it with its own settings (one shot, one fork):
 *
 * <pre>
 * java -jar bench/target/streambench.jar jmh MemoryCeilingBenchmark
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms256m", "-Xmx256m", "-XX:+UseG1GC"})
public class MemoryCeilingBenchmark {

    static final int ANSWER_TOKENS = 1000;
    static final int GC_BOUND_PERCENT = 50;
    static final int GC_WINDOW_MS = 1000;
    static final int MAX_STREAMS = 1_000_000;
    static final int TIME_BOUND_S = 30;

    private static final List<GarbageCollectorMXBean> COLLECTORS = ManagementFactory.getGarbageCollectorMXBeans();

    @Param({"concat", "string-builder", "chunk-list", "bounded", "count-only"})
    public String strategy;

    /** The ceiling run's outcome (see the class comment). */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Ceiling {
        public long streamsHeld;
        public long stopReason;
        public double heapUsedMiB;
        public double bytesPerStream;
        public double gcPercent;
    }

    @Benchmark
    public long holdAnswers(Ceiling ceiling) {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long baseline = usedAfterGc(memory);
        CharSequence[] chunks = AnswerText.chunks();
        // Freed on OutOfMemoryError, so that the figures can still be read and reported.
        byte[] reserve = new byte[8 << 20];
        Accumulator[] held = new Accumulator[1024];
        int count = 0;
        int stop = 0;
        long start = System.nanoTime();
        long gcStart = gcMillis();
        try {
            long windowStart = start;
            long windowGc = gcStart;
            while (stop == 0) {
                int batch = Math.max(256, count / 16);
                for (int i = 0; i < batch && count < MAX_STREAMS; i++) {
                    if (count == held.length) {
                        held = Arrays.copyOf(held, count * 2);
                    }
                    held[count] = AccumulatorBenchmark.fill(AccumulatorFactory.named(strategy).create(), chunks,
                            ANSWER_TOKENS);
                    count++;
                }
                long now = System.nanoTime();
                long windowMillis = TimeUnit.NANOSECONDS.toMillis(now - windowStart);
                boolean windowDone = windowMillis >= GC_WINDOW_MS;
                if (count >= MAX_STREAMS) {
                    stop = 3;
                } else if (windowDone && (gcMillis() - windowGc) * 100 > windowMillis * GC_BOUND_PERCENT) {
                    stop = 2;
                } else if (System.nanoTime() - start > TimeUnit.SECONDS.toNanos(TIME_BOUND_S)) {
                    stop = 4;
                }
                if (windowDone) {
                    windowStart = now;
                    windowGc = gcMillis();
                }
            }
        } catch (OutOfMemoryError e) {
            // The batch that failed is dropped; the streams before it are what fitted.
            reserve = null;
            stop = 1;
        }
        long wall = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        long gc = gcMillis() - gcStart;
        long used = usedAfterGc(memory);
        ceiling.streamsHeld = count;
        ceiling.stopReason = stop;
        ceiling.heapUsedMiB = used / (1024.0 * 1024.0);
        ceiling.bytesPerStream = count == 0 ? 0 : (double) (used - baseline) / count;
        ceiling.gcPercent = wall == 0 ? 0 : 100.0 * gc / wall;
        long keep = held.length + count + (reserve == null ? 0 : reserve.length);
        held = null;
        return keep;
    }

    private static long usedAfterGc(MemoryMXBean memory) {
        System.gc();
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static long gcMillis() {
        long total = 0;
        for (GarbageCollectorMXBean gc : COLLECTORS) {
            total += Math.max(0, gc.getCollectionTime());
        }
        return total;
    }
}
