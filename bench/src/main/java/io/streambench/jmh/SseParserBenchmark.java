package io.streambench.jmh;

import io.streambench.client.Api;
import io.streambench.client.sse.BlockingSseReader;
import io.streambench.client.sse.MalformedPolicy;
import io.streambench.client.sse.ParserFactory;
import io.streambench.client.sse.ParserStrategy;
import io.streambench.client.sse.SseListener;
import io.streambench.client.sse.SseParser;
import io.streambench.client.sse.StreamEnd;
import io.streambench.client.sse.StreamError;
import io.streambench.client.sse.TokenUsage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * How fast each {@link ParserStrategy} turns a realistic stream of each API ({@link #dialect}) into listener
 * calls, and what it allocates doing so. One operation is one SSE event, so the score is events per second
 * and {@code gc.alloc.rate.norm} from {@code -prof gc} is bytes per event.
 *
 * <p>Two ways of running a parser, two benchmark methods:
 * <ul>
 * <li>{@link #parseStream}, every {@link #parser}: the reads are pushed into an {@link SseParser},
 * as the driver's Netty client does. The two reference adapters ({@code okhttp-sse},
 * {@code launchdarkly}) are blocking readers, so here they run on a reader thread behind a
 * lockstep pipe: two thread hand-offs per read, which this method measures with them.
 * <li>{@link #readBlocking}, each reference library ({@link Pulled#library}): the library pulls the
 * whole stream from an {@link java.io.InputStream} on the benchmark thread, as its users run it on
 * a thread of their own ({@link BlockingSseReader}). The stream serves the same reads
 * ({@link PlannedReads}), so the two methods differ only in the hand-offs.
 * </ul>
 *
 * <p>The unit of work is a whole stream of {@value #EVENTS} events with a new parser per stream:
 * per-connection setup (a Jackson parser, a reader thread for the pushed reference adapters) is
 * part of what strategies cost, so it is measured, spread over the stream. The loop over reads in
 * the benchmark method walks different input every time; JMH's warning about loops (the JIT
 * folding repeated work) does not apply to it.
 *
 * <p>{@link #dialect} is the API whose stream is parsed ({@link DialectPayload}): the same content in each
 * one's own events. The typed dialects ({@code responses}, {@code messages}) put an {@code event:} line before
 * every {@code data:} line and add events that carry no token; Gemini repeats its usage on every event and
 * ends lines with CRLF: these reward other designs than chat's {@code data:}-only chunks.
 *
 * <p>{@link #shape} is what the events carry ({@link ChunkPayload.Shape}: {@code short} content of
 * one or two tokens, about 265 bytes an event; {@code long} content; {@code tool-call} argument
 * fragments; {@code padded}, an {@code obfuscation} field on every event). {@link #reads} is how
 * the bytes arrive: {@code segment}, 1,448-byte reads as TCP segments arrive; {@code whole}, the
 * stream in one read; {@code small}, seeded random reads of 1 to 64 bytes, which split events,
 * line ends and UTF-8 characters everywhere. {@code short} in {@code segment} reads is the
 * original single configuration.
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
    static final int SMALL_READ_MAX_BYTES = 64;

    /** The API: {@code chat}, {@code completions}, {@code responses}, {@code messages} or {@code gemini}. */
    @Param({"chat", "completions", "responses", "messages", "gemini"})
    public String dialect;

    /**
     * {@code short}, {@code long}, {@code tool-call} or {@code padded}; {@code tool-call} is not in legacy
     * completions, {@code padded} only in the OpenAI APIs ({@link DialectPayload}).
     */
    @Param({"short", "long", "tool-call", "padded"})
    public String shape;

    /** {@code segment} (1,448 bytes), {@code whole} (one read) or {@code small} (random, 1 to 64 bytes). */
    @Param({"segment", "whole", "small"})
    public String reads;

    private Api api;
    private byte[] stream;
    // The listener calls the baseline (sdk-style) reports for the stream: every strategy must report as many.
    private long expectedEvents;
    // Where each read ends, computed once so the benchmark loop does no arithmetic of its own.
    private int[] readEnds;
    // The same reads as a blocking body, for readBlocking; rewound for every stream.
    private PlannedReads body;
    private final Counting listener = new Counting();

    /** The strategies fed pushed reads ({@link #parseStream}). */
    @State(Scope.Benchmark)
    public static class Pushed {
        @Param({"sdk-style", "lines-streaming", "bytes-jackson", "bytes-nonblocking", "bytes-scan", "okhttp-sse",
            "launchdarkly"})
        public String parser;
        ParserFactory strategy;

        @Setup
        public void check(SseParserBenchmark input) {
            // a built-in label, or a user's parser by class or ServiceLoader name (-p parser=com.acme.MyParser)
            strategy = ParserFactory.named(parser);
            input.parseOnce(strategy);
            input.checkEvents("parser=" + parser);
        }
    }

    /**
     * The reference libraries reading a blocking body on the benchmark thread ({@link #readBlocking}).
     * Named {@code library}, not {@code parser}, so that {@code -p parser=...} (as in
     * {@code jmh --quick}) narrows {@link #parseStream} without emptying this list.
     */
    @State(Scope.Benchmark)
    public static class Pulled {
        @Param({"okhttp-sse", "launchdarkly"})
        public String library;
        ParserStrategy strategy;

        @Setup
        public void check(SseParserBenchmark input) throws IOException {
            strategy = ParserStrategy.named(library);
            input.readOnce(strategy);
            input.checkEvents("library=" + library);
        }
    }

    @Setup
    public void setUp() {
        api = Api.named(dialect);
        stream = DialectPayload.stream(api, shape(shape), EVENTS);
        readEnds = readEnds(reads, stream.length);
        body = new PlannedReads(stream, readEnds);
        parseOnce(ParserStrategy.SDK_STYLE);
        expectedEvents = listener.events;
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long parseStream(Pushed pushed, Throughput bytes) {
        bytes.bytes += stream.length;
        return parseOnce(pushed.strategy);
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long readBlocking(Pulled pulled, Throughput bytes) throws IOException {
        bytes.bytes += stream.length;
        return readOnce(pulled.strategy);
    }

    /**
     * Bytes parsed, as a secondary result: JMH reports an {@code OPERATIONS} counter as a rate, so
     * {@code parseStream:bytes} (and {@code readBlocking:bytes}) is bytes per second (divide by 10^6 for MB/s), beside events per second.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Throughput {
        public long bytes;

        @Setup(Level.Iteration)
        public void clear() {
            bytes = 0;
        }
    }

    private long parseOnce(ParserFactory parser) {
        listener.reset();
        SseParser instance = parser.create(api, listener);
        long arrival = 0;
        int offset = 0;
        for (int end : readEnds) {
            instance.feed(stream, offset, end - offset, ++arrival);
            offset = end;
        }
        instance.end(++arrival);
        return listener.events + listener.characters;
    }

    private long readOnce(ParserStrategy library) throws IOException {
        listener.reset();
        body.rewind();
        library.createBlocking(api, listener, MalformedPolicy.SKIP).readAll(body, body::arrival);
        return listener.events + listener.characters;
    }

    private void checkEvents(String what) {
        if (listener.events != expectedEvents) {
            throw new IllegalStateException(what + " reported events=" + listener.events + ", expected "
                    + expectedEvents + " as sdk-style");
        }
    }

    static ChunkPayload.Shape shape(String name) {
        return ChunkPayload.Shape.valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    /** The end offset of every read of a {@code length}-byte stream, for {@link #reads}. */
    static int[] readEnds(String reads, int length) {
        List<Integer> ends = new ArrayList<>();
        Random random = new Random(42);
        int offset = 0;
        while (offset < length) {
            int size = switch (reads) {
                case "segment" -> READ_BYTES;
                case "whole" -> length;
                case "small" -> 1 + random.nextInt(SMALL_READ_MAX_BYTES);
                default -> throw new IllegalArgumentException("reads=" + reads + ", known=[segment, whole, small]");
            };
            offset = Math.min(length, offset + size);
            ends.add(offset);
        }
        return ends.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Counts listener calls (one per chat event) and the characters of reasoning, content and arguments. */
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
        public void onReasoning(int choice, CharSequence text, long arrivalNanos) {
            events++;
            characters += text.length();
        }

        @Override
        public void onContent(int choice, CharSequence text, long arrivalNanos) {
            events++;
            characters += text.length();
        }

        @Override
        public void onToolCall(int choice, int toolIndex, CharSequence id, CharSequence name, CharSequence arguments,
                               long arrivalNanos) {
            events++;
            characters += arguments == null ? 0 : arguments.length();
        }

        @Override
        public void onFinish(int choice, CharSequence reason, long arrivalNanos) {
            events++;
        }

        @Override
        public void onUsage(TokenUsage usage, long arrivalNanos) {
            events++;
        }

        @Override
        public void onError(StreamError error, long arrivalNanos) {
            throw new IllegalStateException("benchmark payload is malformed: " + error);
        }

        @Override
        public void onEnd(StreamEnd end, long arrivalNanos) {
            events++;
        }
    }
}
