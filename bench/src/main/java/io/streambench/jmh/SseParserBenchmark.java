package io.streambench.jmh;

import io.streambench.client.sse.SseListener;
import io.streambench.client.sse.SseParser;
import io.streambench.client.sse.SseParsers;
import io.streambench.client.sse.StreamError;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * How fast each {@link SseParsers} strategy turns a realistic stream into listener calls, and what
 * it allocates doing so. One operation is one SSE event, so the score is events per second and
 * {@code gc.alloc.rate.norm} from {@code -prof gc} is bytes per event.
 *
 * <p>The unit of work is a whole stream of {@value #EVENTS} events (about 265 bytes each) fed in
 * 1,448-byte reads, as TCP segments arrive, with a new parser per stream: per-connection setup
 * (a Jackson parser, a reader thread for the reference adapters) is part of what strategies cost,
 * so it is measured, spread over the stream. The loop over reads in the benchmark method walks
 * different input every time; JMH's warning about loops (the JIT folding repeated work) does not
 * apply to it.
 *
 * <p>The listener does what a real one does on the hot path without allocating: it reads the
 * length of each content view and counts events.
 *
 * <pre>
 * java -cp bench/target/streambench.jar org.openjdk.jmh.Main SseParserBenchmark -prof gc
 * </pre>
 */
@State(Scope.Benchmark)
public class SseParserBenchmark extends BenchmarkDefaults {

    static final int EVENTS = 1000;
    static final int READ_BYTES = 1448;

    @Param({"sdk-style", "lines-streaming", "bytes-jackson", "bytes-nonblocking", "bytes-scan", "okhttp-sse",
        "launchdarkly"})
    public String parser;

    private byte[] stream;
    private final Counting listener = new Counting();

    @Setup
    public void setUp() {
        stream = ChunkPayload.stream(EVENTS);
        parseOnce();
        long events = listener.events;
        if (events != EVENTS) {
            throw new IllegalStateException("parser=" + parser + " reported events=" + events + ", expected " + EVENTS);
        }
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long parseStream() {
        return parseOnce();
    }

    private long parseOnce() {
        listener.reset();
        SseParser instance = SseParsers.create(parser, listener);
        long arrival = 0;
        for (int offset = 0; offset < stream.length; offset += READ_BYTES) {
            instance.feed(stream, offset, Math.min(READ_BYTES, stream.length - offset), ++arrival);
        }
        instance.end(++arrival);
        return listener.events + listener.characters;
    }

    /** Counts one per SSE event (role, content, finish, usage, done) and content characters. */
    private static final class Counting implements SseListener {
        long events;
        long characters;

        void reset() {
            events = 0;
            characters = 0;
        }

        @Override
        public void onRole(int choice, CharSequence role, long arrivalNanos) {
            events++;
        }

        @Override
        public void onContent(int choice, CharSequence text, long arrivalNanos) {
            events++;
            characters += text.length();
        }

        @Override
        public void onFinish(int choice, CharSequence reason, long arrivalNanos) {
            events++;
        }

        @Override
        public void onUsage(long promptTokens, long completionTokens, long totalTokens, long arrivalNanos) {
            events++;
        }

        @Override
        public void onError(StreamError error, long arrivalNanos) {
            throw new IllegalStateException("benchmark payload is malformed: " + error);
        }

        @Override
        public void onDone(long arrivalNanos) {
            events++;
        }
    }
}
