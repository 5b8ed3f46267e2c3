package io.streambench.jmh;

import io.streambench.client.sse.ParserFactory;
import io.streambench.mock.MockServer;
import io.streambench.mock.MockServerConfig;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * A whole stream over loopback, for each parser: the embedded mock server (the {@code instant}
 * profile with no delays, {@value #OUTPUT_TOKENS} one-token chunks and the usage chunk) and a minimal
 * Netty client ({@link LoopbackStreamClient}) on one keep-alive connection feeding each read to the
 * parser. One operation is one SSE event ({@value #EVENTS} a stream), so the score is events per
 * second through server, loopback and client together, and {@code gc.alloc.rate.norm} is bytes per
 * event allocated in this JVM by both sides: the parser's share is the difference between parsers.
 *
 * <p>Secondary result (unit {@code #}): {@code ttftMicros}, the mean time from writing the request to
 * the read that carried the first content, over the iteration's streams (divided by measurement
 * iterations, forks and threads like {@link FlushStrategyBenchmark.Display}, as JMH adds them up).
 * With no configured delay it is the stack's own floor: request encoding, the mock's handling,
 * loopback, the client's read and parse.
 *
 * <pre>
 * java -jar bench/target/streambench.jar jmh EndToEndBenchmark -prof gc
 * </pre>
 */
@State(Scope.Thread)
public class EndToEndBenchmark extends BenchmarkDefaults {

    static final int OUTPUT_TOKENS = 200;
    /** Role, content chunks, finish, usage, [DONE]. */
    static final int EVENTS = OUTPUT_TOKENS + 4;
    static final long STREAM_TIMEOUT_MILLIS = 10_000;

    @Param({"sdk-style", "lines-streaming", "bytes-jackson", "bytes-nonblocking", "bytes-scan", "okhttp-sse",
        "launchdarkly"})
    public String parser;

    private MockServer mock;
    private LoopbackStreamClient client;

    /** Mean time to first token of the iteration's streams. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Ttft {
        public double ttftMicros;
        private double share = 1;
        private long sumNanos;
        private long streams;

        @Setup
        public void setUp(BenchmarkParams params) {
            share = 1.0 / ((long) params.getMeasurement().getCount() * Math.max(1, params.getForks())
                    * params.getThreads());
        }

        @Setup(Level.Iteration)
        public void startIteration() {
            sumNanos = 0;
            streams = 0;
        }

        void add(long nanos) {
            sumNanos += nanos;
            streams++;
            ttftMicros = sumNanos / 1e3 / streams * share;
        }
    }

    @Setup
    public void setUp() throws Exception {
        ParserFactory strategy = ParserFactory.named(parser);
        mock = MockServer.start(MockServerConfig.defaults());
        client = new LoopbackStreamClient(mock.port(), strategy, OUTPUT_TOKENS);
        long events = client.stream(STREAM_TIMEOUT_MILLIS).events();
        if (events != EVENTS) {
            throw new IllegalStateException("parser=" + parser + " read events=" + events + ", expected " + EVENTS);
        }
    }

    @TearDown
    public void tearDown() {
        if (client != null) {
            client.close();
        }
        if (mock != null) {
            mock.close();
        }
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long stream(Ttft ttft) throws Exception {
        LoopbackStreamClient.Result result = client.stream(STREAM_TIMEOUT_MILLIS);
        ttft.add(result.ttftNanos());
        return result.events();
    }
}
