package io.streambench.jmh;

import io.streambench.client.Api;
import io.streambench.client.sse.ParserStrategy;
import io.streambench.client.stack.ClientStack;
import io.streambench.client.stack.ClientStacks;
import io.streambench.client.stack.StackSettings;
import io.streambench.client.stack.StreamEvents;
import io.streambench.client.stack.StreamRequest;
import io.streambench.mock.MockServer;
import io.streambench.mock.MockServerConfig;
import io.streambench.mock.profile.RequestOverrides;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A whole stream over loopback through each client stack ({@link ClientStack}): the embedded mock (the
 * {@code instant} profile, {@value #OUTPUT_TOKENS} one-token chunks) and the stack as an application runs it, its
 * threads, pool, SSE reader and JSON step included; the benchmark thread opens a stream and waits for its end. One
 * operation is one piece of the answer delivered ({@value #OUTPUT_TOKENS} a stream), so the score is answer pieces
 * per second through server, loopback and stack, and {@code gc.alloc.rate.norm} is bytes per piece allocated in
 * this JVM by the mock and the stack: the stacks differ by their own share. The Netty stack reads with
 * {@code bytes-scan}, as the driver does by default; so does the JDK stack.
 *
 * <p>{@code stack} is {@code netty} unless given: the other stacks are in {@code streambench-stacks.jar}, on the
 * class path beside this jar (JMH's forks inherit it):
 *
 * <pre>
 * java -cp bench/target/streambench.jar:stacks/target/streambench-stacks.jar io.streambench.cli.Main \
 *     jmh StackEndToEndBenchmark -p stack=netty,jdk,okhttp,openai,spring -prof gc
 * </pre>
 */
@State(Scope.Thread)
public class StackEndToEndBenchmark extends BenchmarkDefaults {

    static final int OUTPUT_TOKENS = 200;
    static final long STREAM_TIMEOUT_SECONDS = 10;

    @Param({"netty"})
    public String stack;

    private MockServer mock;
    private ClientStack client;
    private StreamRequest request;

    @Setup
    public void setUp() throws Exception {
        mock = MockServer.start(MockServerConfig.defaults());
        client = ClientStacks.named(stack).create(new StackSettings(ParserStrategy.BYTES_SCAN, Duration.ofSeconds(5),
                0, false));
        byte[] body = "{\"model\":\"mock\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"stream\":true}"
                .getBytes(StandardCharsets.UTF_8);
        request = new StreamRequest(URI.create(mock.baseUrl() + "/v1/chat/completions"),
                Map.of(RequestOverrides.PROFILE, "instant", RequestOverrides.OUTPUT_TOKENS,
                        Integer.toString(OUTPUT_TOKENS)), body, Api.CHAT);
        long pieces = stream();
        if (pieces != OUTPUT_TOKENS) {
            throw new IllegalStateException("stack=" + stack + " delivered " + pieces + " pieces, expected "
                    + OUTPUT_TOKENS);
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
    @OperationsPerInvocation(OUTPUT_TOKENS)
    public long stream() throws Exception {
        Counted counted = new Counted();
        client.open(request, counted);
        if (!counted.ended.await(STREAM_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            throw new IllegalStateException("stack=" + stack + ": no end of the stream in " + STREAM_TIMEOUT_SECONDS
                    + " s");
        }
        if (counted.failure != null) {
            throw new IllegalStateException("stack=" + stack + ": " + counted.failure);
        }
        return counted.pieces;
    }

    /** Counts the pieces of one answer; the end releases the benchmark thread. */
    private static final class Counted implements StreamEvents {
        final CountDownLatch ended = new CountDownLatch(1);
        long pieces;
        String failure;

        @Override
        public void onContent(int choice, CharSequence text, long arrivalNanos) {
            pieces++;
        }

        @Override
        public void onResponse(int status, String contentType, UnaryOperator<String> header, long arrivalNanos) {
            if (status != 200) {
                failure = "status " + status;
            }
        }

        @Override
        public void onComplete(long nanos) {
            ended.countDown();
        }

        @Override
        public void onFailure(Failure kind, String message, long nanos) {
            failure = kind + " " + message;
            ended.countDown();
        }
    }
}
