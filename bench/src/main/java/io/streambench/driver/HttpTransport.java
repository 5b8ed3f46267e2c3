package io.streambench.driver;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.AttributeKey;
import io.netty.util.concurrent.Future;
import io.streambench.mock.Transport;
import io.streambench.mock.UsageException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;

/**
 * The Netty HTTP/1.1 client the driver sends through: event loops (native epoll when available), a
 * keep-alive connection pool, TLS for https. Streams share the loops; no thread is tied to a stream.
 *
 * <pre>{@code
 * try (HttpTransport transport = new HttpTransport(target, timeouts, 0)) {
 *     transport.open(exchange);   // pooled connection, or a new one
 * }
 * }</pre>
 */
public final class HttpTransport implements AutoCloseable {

    /**
     * The TLS handshake of a new https connection. Kept on the channel because a handshake that fails at once
     * (a plain http port answers the ClientHello and closes) can empty the pipeline before the connect
     * listener runs, and the SslHandler with it.
     */
    private static final AttributeKey<Future<Channel>> HANDSHAKE = AttributeKey.valueOf("streambench.handshake");

    private final EventLoopGroup group;
    /** False when the loops are borrowed from another transport, which shuts them down. */
    private final boolean ownsLoops;
    private final Bootstrap bootstrap;
    private final InetSocketAddress address;
    private final Deque<Channel> idle = new ConcurrentLinkedDeque<>();
    private final Transport transport;
    private final boolean tls;

    /** Checks https servers with the JDK's trusted roots; see the four-argument constructor. */
    public HttpTransport(Target target, Timeouts timeouts, int ioThreads) {
        this(target, timeouts, ioThreads, ClientTls.DEFAULT);
    }

    /**
     * Starts the event loops and resolves the host once.
     *
     * @param ioThreads event loops, 0 for one per core
     * @param clientTls how https servers are checked (unused for http)
     * @throws UsageException when the host does not resolve or TLS cannot be set up
     */
    public HttpTransport(Target target, Timeouts timeouts, int ioThreads, ClientTls clientTls) {
        this(target, timeouts, ioThreads, clientTls, Transport.best(), null);
    }

    /**
     * A transport to another target on the event loops of {@code loops}, which it leaves running when closed: the
     * client warm-up uses it, so that the very threads that will measure (their buffer caches, the code compiled
     * for them) are the ones warmed.
     */
    public HttpTransport(Target target, Timeouts timeouts, ClientTls clientTls, HttpTransport loops) {
        this(target, timeouts, 0, clientTls, loops.transport, loops.group);
    }

    private HttpTransport(Target target, Timeouts timeouts, int ioThreads, ClientTls clientTls, Transport transport,
            EventLoopGroup borrowed) {
        String host = target.url().getHost().replace("[", "").replace("]", "");
        try {
            address = new InetSocketAddress(InetAddress.getByName(host), target.port());
        } catch (UnknownHostException e) {
            throw new UsageException("cannot resolve host=" + host);
        }
        tls = target.tls();
        SslContext ssl = tls ? clientTls.context(host) : null;
        long handshakeTimeoutMillis = timeouts.connect().toMillis();
        this.transport = transport;
        int threads = ioThreads > 0 ? ioThreads : Runtime.getRuntime().availableProcessors();
        ownsLoops = borrowed == null;
        group = ownsLoops ? transport.newEventLoopGroup(threads) : borrowed;
        bootstrap = new Bootstrap()
                .group(group)
                .channel(transport.socketChannel())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.SO_KEEPALIVE, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) timeouts.connect().toMillis())
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ChannelPipeline p = ch.pipeline();
                        SocketStamps stamps = new SocketStamps();
                        p.addLast(stamps);
                        if (ssl != null) {
                            // The peer host enables host name verification against the URL's host.
                            SslHandler handler = ssl.newHandler(ch.alloc(), host, target.port());
                            handler.setHandshakeTimeoutMillis(handshakeTimeoutMillis);
                            ch.attr(HANDSHAKE).set(handler.handshakeFuture());
                            p.addLast(handler);
                        }
                        p.addLast(new HttpClientCodec());
                        p.addLast(new StreamHandler(stamps));
                    }
                });
    }

    /** The socket transport: epoll where available, else NIO. */
    public Transport transport() {
        return transport;
    }

    /**
     * Starts {@code exchange} on an idle pooled connection, or on a new one. For https a new connection counts
     * as connected once its TLS handshake is done, so the connect time includes the handshake.
     */
    void open(ChannelUser exchange) {
        Channel channel;
        while ((channel = idle.pollFirst()) != null) {
            if (channel.isActive()) {
                Channel reused = channel;
                reused.eventLoop().execute(() -> exchange.start(reused, 0));
                return;
            }
        }
        long connectStart = System.nanoTime();
        bootstrap.connect(address).addListener((ChannelFuture f) -> {
            if (f.isSuccess()) {
                Channel fresh = f.channel();
                fresh.closeFuture().addListener(closed -> idle.remove(fresh));
                if (!tls) {
                    exchange.start(fresh, Math.max(1, System.nanoTime() - connectStart));
                    return;
                }
                fresh.attr(HANDSHAKE).get().addListener(h -> {
                    if (h.isSuccess()) {
                        exchange.start(fresh, Math.max(1, System.nanoTime() - connectStart));
                    } else {
                        fresh.close();
                        exchange.connectFailed(h.cause(), System.nanoTime());
                    }
                });
            } else {
                exchange.connectFailed(f.cause(), System.nanoTime());
            }
        });
    }

    /** Returns a connection whose response ended cleanly and that may be kept alive. */
    void release(Channel channel) {
        if (channel.isActive()) {
            idle.offerFirst(channel);
        } else {
            channel.close();
        }
    }

    /** Any event loop, for timers that belong to no connection (retry waits). */
    EventLoop nextLoop() {
        return group.next();
    }

    /** Closes pooled connections and stops the event loops. */
    @Override
    public void close() {
        Channel channel;
        while ((channel = idle.pollFirst()) != null) {
            channel.close();
        }
        if (!ownsLoops) {
            return;
        }
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS);
    }
}
