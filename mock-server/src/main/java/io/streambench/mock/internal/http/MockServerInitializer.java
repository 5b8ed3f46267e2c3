package io.streambench.mock.internal.http;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.timeout.IdleStateHandler;
import io.streambench.mock.internal.fault.ArmedFaults;
import io.streambench.mock.internal.model.ServerModels;
import io.streambench.mock.internal.stats.ServerStats;
import io.streambench.mock.profile.Profiles;
import io.streambench.mock.record.Recorder;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * The pipeline of one connection: read stamps, TLS (https only), idle timeout, HTTP/1.1 codec, body aggregation
 * (bounded), the mock's handler.
 */
public final class MockServerInitializer extends ChannelInitializer<SocketChannel> {

    /** Name of the HTTP codec in the pipeline; stream sessions write their pre-framed chunks below it. */
    static final String HTTP_CODEC = "http";
    private static final int MAX_INITIAL_LINE = 8192;
    private static final int MAX_HEADER_BYTES = 16384;
    private static final long HANDSHAKE_TIMEOUT_MILLIS = 30_000;

    private final ServerState state;
    private final Routes routes;
    private final int maxBodyBytes;
    private final SslContext tls;
    private final LongAdder tlsHandshakes;

    /** Does the one-time work of the handlers (class loading, Jackson introspection) on the caller's thread. */
    public static void warmUp() {
        AdminRoutes.warmUp();
    }

    /**
     * @param profiles      the profiles to answer with
     * @param stats         the server's counters, written by every connection
     * @param transport     "epoll", "io_uring" or "nio", shown on {@code /stats}
     * @param idleTimeoutMillis a connection with no request in flight is closed after this long; 0 never
     * @param maxBodyBytes  the largest request body accepted
     * @param tls           the server TLS context, or null for plain http
     * @param tlsHandshakes counts completed TLS handshakes (one per new https connection)
     * @param models        the server models of the profiles that have one
     */
    public MockServerInitializer(Profiles profiles, ServerStats stats, String transport, long idleTimeoutMillis,
            int maxBodyBytes, SslContext tls, LongAdder tlsHandshakes, ServerModels models) {
        this(profiles, stats, transport, idleTimeoutMillis, maxBodyBytes, tls, tlsHandshakes, models, null);
    }

    /** ... recording tagged requests in {@code recorder} (null: none) for a driver measuring a gateway. */
    public MockServerInitializer(Profiles profiles, ServerStats stats, String transport, long idleTimeoutMillis,
            int maxBodyBytes, SslContext tls, LongAdder tlsHandshakes, ServerModels models, Recorder recorder) {
        this.state = new ServerState(profiles, stats, transport, new RateLimiter(), new ArmedFaults.Counters(),
                idleTimeoutMillis, models, recorder);
        this.routes = new Routes(state);
        this.maxBodyBytes = maxBodyBytes;
        this.tls = tls;
        this.tlsHandshakes = tlsHandshakes;
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        ChannelPipeline p = ch.pipeline();
        ReadStamps stamps = new ReadStamps();
        p.addLast("stamps", stamps);
        if (tls != null) {
            SslHandler ssl = tls.newHandler(ch.alloc());
            // Netty's 10 s default dropped handshakes of a cold JVM taking 256 new connections at once on a loaded
            // 2-core machine; a client has its own (connect) timeout.
            ssl.setHandshakeTimeoutMillis(HANDSHAKE_TIMEOUT_MILLIS);
            ssl.handshakeFuture().addListener(f -> {
                if (f.isSuccess()) {
                    tlsHandshakes.increment();
                }
            });
            p.addLast("tls", ssl);
        }
        if (state.idleTimeoutMillis() > 0) {
            p.addLast("idle", new IdleStateHandler(state.idleTimeoutMillis(), 0, 0, TimeUnit.MILLISECONDS));
        }
        p.addLast(HTTP_CODEC, new HttpServerCodec(MAX_INITIAL_LINE, MAX_HEADER_BYTES, 8192));
        p.addLast("aggregate", new BoundedBodyAggregator(maxBodyBytes));
        p.addLast("mock", new ConnectionHandler(state, routes, stamps));
    }
}
