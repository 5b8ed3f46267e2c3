package io.streambench.mock;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.handler.ssl.SslContext;
import io.streambench.mock.internal.http.MockServerInitializer;
import io.streambench.mock.internal.model.ServerModels;
import io.streambench.mock.internal.stats.ServerStats;
import io.streambench.mock.profile.ModelSettings;
import io.streambench.mock.record.Recorder;
import io.streambench.mock.stats.StatsSnapshot;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * An OpenAI-compatible streaming server with controlled timing, embeddable in tests and benchmarks.
 *
 * <pre>
 * try (MockServer server = MockServer.start(MockServerConfig.defaults())) {
 *     String url = server.baseUrl() + "/v1/chat/completions";
 *     ...
 * }
 * </pre>
 */
public final class MockServer implements AutoCloseable {

    /** Low/high outbound water marks: a reader that does not read holds at most about this much per stream. */
    private static final WriteBufferWaterMark WATER_MARK = new WriteBufferWaterMark(32 * 1024, 64 * 1024);
    /**
     * The allocator of every connection's buffers. The pooled allocator's thread caches make the one small
     * buffer per paced event cheap; Netty 4.2's default adaptive allocator spent a fifth of the CPU of a
     * 10k-stream run here.
     */
    private static final ByteBufAllocator ALLOCATOR = PooledByteBufAllocator.DEFAULT;

    private final EventLoopGroup group;
    private final Channel channel;
    private final ServerStats stats;
    private final ServerModels models;
    private final Transport transport;
    private final String host;
    private final int port;
    private final boolean tls;
    private final LongAdder tlsHandshakes;
    private final Recorder recorder;

    private MockServer(EventLoopGroup group, Channel channel, ServerStats stats, ServerModels models,
            Transport transport, String host, boolean tls, LongAdder tlsHandshakes, Recorder recorder) {
        this.group = group;
        this.channel = channel;
        this.stats = stats;
        this.models = models;
        this.transport = transport;
        this.host = host;
        this.tls = tls;
        this.tlsHandshakes = tlsHandshakes;
        this.recorder = recorder;
        this.port = ((InetSocketAddress) channel.localAddress()).getPort();
    }

    /**
     * Binds and starts serving.
     *
     * @throws UsageException when the address cannot be bound (in use, not local, no permission) or the
     *     transport is not available here
     * @throws IllegalArgumentException when the TLS key and certificate cannot be used
     */
    public static MockServer start(MockServerConfig config) {
        SslContext sslContext = config.tls() == null ? null : config.tls().serverContext();
        LongAdder handshakes = new LongAdder();
        Transport transport = config.transport().requireAvailable();
        // One loop per core (Netty's default is two): paced streams are latency-bound, not throughput-bound,
        // and extra loops only add context switches.
        int threads = config.ioThreads() > 0 ? config.ioThreads() : Runtime.getRuntime().availableProcessors();
        MockServerInitializer.warmUp();
        Map<String, ModelSettings> modelSettings = new LinkedHashMap<>();
        config.profiles().byName().forEach((name, profile) -> modelSettings.put(name, profile.model()));
        // Before the loops start: loading a tokenizer takes about a second.
        ServerModels models = ServerModels.of(modelSettings);
        EventLoopGroup group = transport.newEventLoopGroup(threads);
        ServerStats stats = new ServerStats();
        Recorder recorder = config.recordLimit() == 0 ? null
                : new Recorder(config.recordLimit(), Recorder.DEFAULT_MAX_EVENTS);
        MockServerInitializer initializer = new MockServerInitializer(config.profiles(), stats, transport.label(),
                config.idleTimeoutMillis(), config.maxBodyBytes(), sslContext, handshakes, models, recorder);
        try {
            Channel ch = new ServerBootstrap()
                    .group(group)
                    .channel(transport.serverChannel())
                    .option(ChannelOption.SO_BACKLOG, 4096)
                    .option(ChannelOption.SO_REUSEADDR, true)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, WATER_MARK)
                    .childOption(ChannelOption.ALLOCATOR, ALLOCATOR)
                    .childHandler(initializer)
                    .bind(config.host(), config.port())
                    .sync()
                    .channel();
            return new MockServer(group, ch, stats, models, transport, config.host(), sslContext != null, handshakes,
                    recorder);
        } catch (InterruptedException e) {
            group.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            models.close();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while binding " + config.host() + ":" + config.port(), e);
        } catch (Exception e) {
            // Netty rethrows the OS's bind failure (in use, not a local address, no permission) as it is: a
            // java.net.BindException, checked but undeclared.
            group.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            models.close();
            throw new UsageException("cannot bind " + config.host() + ":" + config.port() + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * What {@link #warmUp} did.
     *
     * @param answers answers streamed to their end
     * @param failed requests that failed (a profile with faults makes some fail; the warm-up goes on)
     * @param took how long it took, its private server's start and stop included
     */
    public record Warmup(int answers, int failed, Duration took) {
    }

    /**
     * Warms the JIT for a server of {@code config}: starts a private one like it (loopback, any free port, plain
     * http, recording nothing), streams up to {@code answers} short answers of its default profile from it through
     * each API's route, over a few loopback connections, and stops it. A server started afterwards in this process
     * serves its first requests with compiled code, and its counters, records and connections hold nothing of the
     * warm-up. Without it, at a few requests a second, a first token left the mock about 0.3 ms after its deadline
     * for many minutes (see {@code docs/measuring.md}).
     *
     * @param limit the longest it may take, its server's start included; it stops there however few are done
     * @throws UsageException as {@link #start} does, when the transport is not available
     */
    public static Warmup warmUp(MockServerConfig config, int answers, Duration limit) throws InterruptedException {
        if (answers <= 0) {
            throw new IllegalArgumentException("warm-up answers must be > 0, got " + answers);
        }
        long start = System.nanoTime();
        try (MockServer server = start(config.withAddress("127.0.0.1", 0).withTls(null).withRecordLimit(0))) {
            JitWarmup.Counts c = JitWarmup.run(server.port(), config.profiles().defaultName(), answers,
                    start + limit.toNanos());
            return new Warmup(c.answers(), c.failed(), Duration.ofNanos(System.nanoTime() - start));
        }
    }

    /** The bound port (useful after binding port 0). */
    public int port() {
        return port;
    }

    /** {@code http://host:port} ({@code https} with TLS), with IPv6 hosts in brackets. */
    public String baseUrl() {
        return (tls ? "https://" : "http://") + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    /** Whether the server speaks https. */
    public boolean tls() {
        return tls;
    }

    /** TLS handshakes completed since start: one per new https connection, so keep-alive reuse shows here. */
    public long tlsHandshakes() {
        return tlsHandshakes.sum();
    }

    /** What {@code GET /stats} shows now (the lateness window is not reset). */
    public StatsSnapshot stats() {
        return stats.snapshot(false);
    }

    /** The server's counters and pacing histogram themselves, for this package's tests. */
    ServerStats serverStats() {
        return stats;
    }

    /** The server models of the profiles that have one (queue, prefill, prefix cache, batch); for tests. */
    ServerModels models() {
        return models;
    }

    /** The records of tagged requests, or null when the server records nothing. */
    public Recorder recorder() {
        return recorder;
    }

    /** The socket transport it serves with. */
    public Transport transport() {
        return transport;
    }

    /** The allocator of the server's connection buffers, for tests that bound the memory it holds. */
    ByteBufAllocator allocator() {
        return ALLOCATOR;
    }

    /** Stops accepting, closes every connection (cancelling their streams) and stops the event loops. */
    @Override
    public void close() {
        channel.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS);
        models.close();
    }
}
