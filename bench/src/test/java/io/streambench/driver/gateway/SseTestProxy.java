package io.streambench.driver.gateway;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import io.streambench.mock.record.SseEventScanner;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A small streaming reverse proxy for tests, standing where a gateway stands: each request goes to the upstream on a
 * connection of its own, and the answer comes back as it arrives, bent in one known way. {@code delayNanos} holds
 * every piece of the body that long after its bytes came off the upstream socket; {@code mergeEvents} holds the
 * body's events and passes them on that many at a time (the end passes what is left); {@code retry429} answers an
 * upstream 429 by asking again once, after its {@code retry-after}. A reset or close of the upstream closes the
 * client's connection. One event loop, so every state below is confined to it.
 */
final class SseTestProxy implements AutoCloseable {

    /** Epoll where there is one: its timers wake to the microsecond, NIO's selector to the millisecond. */
    private static final boolean EPOLL = Epoll.isAvailable();

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1,
            EPOLL ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
    private final Channel server;
    private final int upstreamPort;
    private final long delayNanos;
    private final int mergeEvents;
    private final boolean retry429;
    /**
     * Delaying: per piece of body passed on that carries the mock's {@code : t=} send stamps, its flush to the client
     * minus the mock's last stamp in it (the mock runs in this process, on this clock).
     */
    private final List<Long> sinceMockNanos = new ArrayList<>();

    private SseTestProxy(int upstreamPort, long delayNanos, int mergeEvents, boolean retry429) throws InterruptedException {
        this.upstreamPort = upstreamPort;
        this.delayNanos = delayNanos;
        this.mergeEvents = mergeEvents;
        this.retry429 = retry429;
        Class<? extends ServerChannel> type = EPOLL ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
        this.server = new ServerBootstrap().group(group).channel(type)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        FlushStamp flushes = new FlushStamp();
                        ch.pipeline().addLast(flushes, new HttpServerCodec(), new HttpObjectAggregator(1 << 20),
                                new Downstream(flushes));
                    }
                }).bind("127.0.0.1", 0).sync().channel();
    }

    /** Passes everything on at once. */
    static SseTestProxy passThrough(int upstreamPort) throws InterruptedException {
        return new SseTestProxy(upstreamPort, 0, 0, false);
    }

    /** Passes each piece of the body on {@code millis} after it arrived. */
    static SseTestProxy delaying(int upstreamPort, double millis) throws InterruptedException {
        return new SseTestProxy(upstreamPort, (long) (millis * 1e6), 0, false);
    }

    /** Passes the body's events on {@code events} at a time. */
    static SseTestProxy merging(int upstreamPort, int events) throws InterruptedException {
        return new SseTestProxy(upstreamPort, 0, events, false);
    }

    /** Passes everything on, but asks again once after an upstream 429. */
    static SseTestProxy retrying429(int upstreamPort) throws InterruptedException {
        return new SseTestProxy(upstreamPort, 0, 0, true);
    }

    /**
     * Delaying, with the mock's send stamps on: the median time from the mock's write of an event to the proxy's
     * flush of it to the client's socket, the way to the proxy included. What the proxy adds is that, less the way
     * from the mock to a client (which the driver's direct baseline measures): a little more than the delay asked
     * for, as timers and threads wake late.
     */
    double medianSinceMockMillis() throws Exception {
        long[] since = group.next().submit(() -> sinceMockNanos.stream().mapToLong(Long::longValue).sorted().toArray())
                .get(5, TimeUnit.SECONDS);
        return since.length == 0 ? Double.NaN : since[(since.length - 1) / 2] / 1e6;
    }

    /**
     * The last whole {@code : t=} send stamp line in {@code bytes}, or {@code Long.MIN_VALUE} (a piece may end in the
     * middle of one: the HTTP decoder cuts chunks where reads end).
     */
    private static long lastStamp(ByteBuf bytes) {
        String text = bytes.toString(java.nio.charset.StandardCharsets.US_ASCII);
        for (int at = text.lastIndexOf(": t="); at >= 0; at = text.lastIndexOf(": t=", at - 1)) {
            int end = at + 4;
            while (end < text.length() && (Character.isDigit(text.charAt(end)) || text.charAt(end) == '-')) {
                end++;
            }
            if (end > at + 4 && end < text.length() && (text.charAt(end) == '\n' || text.charAt(end) == '\r')) {
                return Long.parseLong(text.substring(at + 4, end));
            }
        }
        return Long.MIN_VALUE;
    }

    int port() {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    @Override
    public void close() {
        server.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        // Quiet period: timers still holding delayed pieces run (their channels are closed by then: released).
        group.shutdownGracefully(200, 3000, TimeUnit.MILLISECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS);
    }

    /** The client's side of one connection: one request at a time. */
    private final class Downstream extends SimpleChannelInboundHandler<FullHttpRequest> {
        private final FlushStamp flushes;
        private Channel upstream;
        private Upstream answering;

        Downstream(FlushStamp flushes) {
            this.flushes = flushes;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            forward(ctx, request.retainedDuplicate(), 1);
        }

        private void forward(ChannelHandlerContext client, FullHttpRequest request, int attempt) {
            Upstream handler = new Upstream(client, request, attempt);
            answering = handler;
            ChannelFuture connect = new Bootstrap().group(client.channel().eventLoop())
                    .channel(EPOLL ? EpollSocketChannel.class : NioSocketChannel.class)
                    .option(ChannelOption.TCP_NODELAY, true)
                    .handler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline().addLast(handler.stamps, new HttpClientCodec(), handler);
                        }
                    }).connect("127.0.0.1", upstreamPort);
            upstream = connect.channel();
            connect.addListener((ChannelFutureListener) f -> {
                if (!f.isSuccess()) {
                    request.release();
                    client.close();
                    return;
                }
                FullHttpRequest copy = new DefaultFullHttpRequest(request.protocolVersion(), request.method(),
                        request.uri(), request.content().retainedDuplicate());
                copy.headers().set(request.headers()).set(HttpHeaderNames.HOST, "127.0.0.1:" + upstreamPort)
                        .set(HttpHeaderNames.CONNECTION, "close");
                f.channel().writeAndFlush(copy);
            });
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) throws Exception {
            if (upstream != null) {
                upstream.close();
            }
            if (answering != null) {
                answering.discard();
            }
            super.channelInactive(ctx);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }

        /** The upstream's answer to one attempt, passed on to the client. */
        private final class Upstream extends ChannelInboundHandlerAdapter {
            final ReadStamp stamps = new ReadStamp();
            private final ChannelHandlerContext client;
            private final FullHttpRequest request;
            private final int attempt;
            private final SseEventScanner scanner = new SseEventScanner(0);
            private final List<HttpContent> held = new ArrayList<>();
            private final ArrayDeque<Delayed> delayed = new ArrayDeque<>();
            private int heldEvents;
            private boolean retrying;
            private long retryAfterMillis;
            private boolean ended;

            Upstream(ChannelHandlerContext client, FullHttpRequest request, int attempt) {
                this.client = client;
                this.request = request;
                this.attempt = attempt;
            }

            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                long due = stamps.last + delayNanos;
                if (msg instanceof HttpResponse response) {
                    if (retry429 && attempt == 1 && response.status().code() == 429) {
                        retrying = true;
                        String after = response.headers().get(HttpHeaderNames.RETRY_AFTER);
                        retryAfterMillis = after == null ? 0 : (long) (Double.parseDouble(after) * 1000);
                    } else {
                        HttpResponse head = new DefaultHttpResponse(response.protocolVersion(), response.status());
                        head.headers().set(response.headers()).remove(HttpHeaderNames.CONNECTION);
                        send(head, due, true);
                    }
                }
                if (msg instanceof HttpContent content) {
                    boolean last = content instanceof LastHttpContent;
                    if (retrying) {
                        if (last) {
                            ended = true;
                            ctx.close();
                            client.channel().eventLoop().schedule(() -> forward(client, request, 2), retryAfterMillis,
                                    TimeUnit.MILLISECONDS);
                        }
                    } else {
                        ByteBuf bytes = content.content();
                        HttpContent copy = last ? new DefaultLastHttpContent(bytes.retain())
                                : new DefaultHttpContent(bytes.retain());
                        if (mergeEvents > 0) {
                            hold(copy, last);
                        } else {
                            send(copy, due, true);
                        }
                        if (last) {
                            ended = true;
                            request.release();
                        }
                    }
                }
                ReferenceCountUtil.release(msg);
            }

            /** Merging: keeps the pieces until they hold enough whole events, then passes them on together. */
            private void hold(HttpContent piece, boolean last) {
                held.add(piece);
                ByteBuf b = piece.content();
                int at = b.readerIndex();
                int end;
                while ((end = scanner.next(b, at, b.writerIndex())) >= 0) {
                    heldEvents++;
                    at = end;
                }
                if (heldEvents >= mergeEvents || last) {
                    for (HttpContent h : held) {
                        send(h, 0, false);
                    }
                    client.flush();
                    held.clear();
                    heldEvents = 0;
                }
            }

            private void send(Object msg, long dueNanos, boolean flush) {
                if (delayNanos > 0) {
                    delayed.add(new Delayed(msg, dueNanos));
                    if (delayed.size() == 1) {
                        drainDelayed();
                    }
                } else if (flush) {
                    client.writeAndFlush(msg);
                } else {
                    client.write(msg);
                }
            }

            /** The client went away: what waits to be passed on never will be. */
            void discard() {
                Delayed d;
                while ((d = delayed.poll()) != null) {
                    ReferenceCountUtil.release(d.msg());
                }
            }

            /** Delaying: passes on, in order, every piece whose time has come, then waits for the next. */
            private void drainDelayed() {
                Delayed next;
                while ((next = delayed.peek()) != null) {
                    if (!client.channel().isActive()) {
                        discard();
                        return;
                    }
                    long wait = next.dueNanos() - System.nanoTime();
                    if (wait > 0) {
                        client.executor().schedule(this::drainDelayed, wait, TimeUnit.NANOSECONDS);
                        return;
                    }
                    delayed.poll();
                    if (next.msg() == CLOSE) {
                        client.close();
                    } else {
                        long stamp = next.msg() instanceof HttpContent c ? lastStamp(c.content()) : Long.MIN_VALUE;
                        client.writeAndFlush(next.msg());
                        if (stamp != Long.MIN_VALUE) {
                            sinceMockNanos.add(flushes.last - stamp);
                        }
                    }
                }
            }

            @Override
            public void channelInactive(ChannelHandlerContext ctx) {
                held.forEach(ReferenceCountUtil::release);
                held.clear();
                if (!ended) {
                    request.release();
                    // The upstream went away mid-answer: so does the client's connection, after what was sent.
                    if (delayNanos > 0) {
                        send(CLOSE, stamps.last + delayNanos, true);
                    } else {
                        client.close();
                    }
                }
            }

            @Override
            public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                ctx.close();
            }
        }
    }

    /** A piece of the answer (or {@link #CLOSE}) and when it is due. */
    private record Delayed(Object msg, long dueNanos) {
    }

    /** Stands for closing the client's connection in the queue of delayed pieces. */
    private static final Object CLOSE = new Object();

    /** Stamps each flush to the client just before its bytes go to the socket, as the driver stamps its sends. */
    private static final class FlushStamp extends io.netty.channel.ChannelOutboundHandlerAdapter {
        long last;

        @Override
        public void flush(ChannelHandlerContext ctx) {
            last = System.nanoTime();
            ctx.flush();
        }
    }

    /** Stamps each upstream read as it comes off the socket, as the driver and the mock do. */
    private static final class ReadStamp extends ChannelInboundHandlerAdapter {
        long last = System.nanoTime();

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            last = System.nanoTime();
            ctx.fireChannelRead(msg);
        }
    }
}
