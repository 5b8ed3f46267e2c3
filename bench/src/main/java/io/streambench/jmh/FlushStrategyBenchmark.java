package io.streambench.jmh;

import io.streambench.client.flush.DelaySink;
import io.streambench.client.flush.FlushPolicy;
import io.streambench.client.flush.FlushStats;
import io.streambench.client.flush.FlushStrategy;
import io.streambench.client.flush.Flusher;
import io.streambench.client.flush.NanoClock;
import io.streambench.client.flush.StreamEnd;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * What each client flush policy ({@link FlushStrategy}) costs per content chunk, and what it does to the user: how
 * many times the screen is updated and how long text waits between arrival and display.
 *
 * <p>One operation is one content chunk of an {@link ArrivalTrace}: 1,000 chunks of one or two
 * tokens with realistic gaps, bursts and stalls (about 27 s of answer), replayed with a fake
 * {@link NanoClock} set to each chunk's recorded arrival, so no time is spent sleeping and every run
 * sees the same stream. As in the driver, time-based policies ({@code interval}, {@code hybrid}) are ticked every 10 ms of trace time
 * (the ticks due before a chunk are fired before it: the loop in the benchmark method is that
 * timer), read-based ones get {@code onReadComplete()} after the last chunk of a read, and a stream
 * ends with {@code end(FINISH)} and a new flusher. The per-character arrival-to-flush delays are
 * recorded in an HdrHistogram as the driver does; that cost is part of the score.
 *
 * <p>The figures are secondary results ({@link Display}, JMH "auxiliary counters", unit {@code #}):
 * {@code flushesPerStream}, {@code delayMeanMs} and {@code delayMaxMs}, the mean and largest
 * arrival-to-display delay per character, from the last stream replayed in the iteration. They are
 * deterministic (fake clock), so their error is 0. JMH adds such counters up over measurement
 * iterations, forks and threads (they are meant as event counts), so {@link Display#share} divides
 * each figure by their number: the total JMH reports is the figure of one stream, and the per-iteration
 * lines it prints show that share.
 *
 * <pre>
 * java -jar bench/target/streambench.jar jmh FlushStrategyBenchmark -prof gc
 * </pre>
 */
@State(Scope.Thread)
public class FlushStrategyBenchmark extends BenchmarkDefaults {

    static final int CHUNKS = 1000;
    static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    @Param({"immediate", "interval", "size", "hybrid", "read-batch"})
    public String policy;

    private final ArrivalTrace trace = ArrivalTrace.realistic(CHUNKS, 42L);
    private final FakeClock clock = new FakeClock();
    private final Histogram delays = new Histogram(TimeUnit.MINUTES.toNanos(10), 3);
    private final DelaySink delaySink = DelaySink.into(delays);
    private FlushPolicy rule;
    private boolean ticks;
    private Flusher flusher;
    private long shownChars;
    private int next;
    private long nextTick;

    /** The user-visible figures of the last stream replayed; deterministic. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Display {
        public double flushesPerStream;
        public double delayMeanMs;
        public double delayMaxMs;
        // 1 / (measurement iterations x forks x threads): see the class comment.
        double share = 1;

        @Setup
        public void setUp(BenchmarkParams params) {
            share = 1.0 / ((long) params.getMeasurement().getCount() * Math.max(1, params.getForks())
                    * params.getThreads());
        }
    }

    @Setup
    public void setUp() {
        rule = FlushStrategy.policyNamed(policy);
        ticks = rule.timeBased();
        startStream();
    }

    @Benchmark
    public long chunk(Display display) {
        int i = next++;
        long arrival = trace.arrivalNanos[i];
        while (ticks && nextTick <= arrival) {
            clock.now = nextTick;
            flusher.tick();
            nextTick += TICK_NANOS;
        }
        clock.now = arrival;
        flusher.onText(trace.text[i], arrival);
        if (trace.endsRead[i]) {
            flusher.onReadComplete();
        }
        if (next == trace.chunks()) {
            endStream(display);
        }
        return shownChars;
    }

    private void endStream(Display display) {
        flusher.end(StreamEnd.FINISH);
        FlushStats stats = flusher.stats();
        if (stats.characters() != trace.characters) {
            throw new IllegalStateException("policy=" + policy + " showed characters=" + stats.characters()
                    + ", expected " + trace.characters);
        }
        display.flushesPerStream = stats.flushes() * display.share;
        display.delayMeanMs = delays.getMean() / 1e6 * display.share;
        display.delayMaxMs = delays.getMaxValue() / 1e6 * display.share;
        startStream();
    }

    private void startStream() {
        delays.reset();
        clock.now = 0;
        flusher = new Flusher(rule, clock, (text, flushNanos) -> shownChars += text.length(), delaySink);
        next = 0;
        nextTick = TICK_NANOS;
    }

    /** The trace's time: set by the benchmark before every call into the flusher. */
    private static final class FakeClock implements NanoClock {
        long now;

        @Override
        public long nanoTime() {
            return now;
        }
    }
}
