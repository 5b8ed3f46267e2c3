package io.streambench.mock.internal.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.AttributeKey;
import io.streambench.mock.internal.stats.ServerStats;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * The state of one connection: answers its requests one at a time, in order, through {@link Routes}.
 * Pipelined requests wait until the answer before them (a stream may last minutes) has ended; the answer
 * under way hears when the client goes away or stops reading; a connection with nothing in flight is closed
 * after the idle timeout. Stateful, so one per channel.
 */
final class ConnectionHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    /** Whether the connection is answering a request now (read by the body aggregator). */
    static final AttributeKey<Boolean> BUSY = AttributeKey.valueOf(ConnectionHandler.class, "busy");
    private static final int MAX_PIPELINED = 64;
    /** Bytes of pipelined requests a connection may queue behind the one being answered. */
    private static final long MAX_PIPELINED_BYTES = 8L * 1024 * 1024;

    private final ServerState state;
    private final ServerStats stats;
    private final Routes routes;
    private final ReadStamps stamps;
    private final ArrayDeque<FullHttpRequest> pipelined = new ArrayDeque<>();
    private long pipelinedBytes;
    private long idleSinceNanos = System.nanoTime();
    private Answer current;
    private boolean busy;

    /** @param stamps the pipeline's read stamps: a request's clock starts at the read that completed it */
    ConnectionHandler(ServerState state, Routes routes, ReadStamps stamps) {
        this.state = state;
        this.stats = state.stats();
        this.routes = routes;
        this.stamps = stamps;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (busy) {
            pipelinedBytes += request.content().readableBytes();
            if (pipelined.size() >= MAX_PIPELINED || pipelinedBytes > MAX_PIPELINED_BYTES) {
                ctx.close(); // a client that floods requests it does not wait for
                return;
            }
            pipelined.add(request.retain());
            return;
        }
        handle(ctx, request, stamps.lastRead());
    }

    /**
     * @param arrivalNanos when the request's clock starts: the read that completed it, or, for a pipelined one
     *     that waited for the answer before it, now
     */
    private void handle(ChannelHandlerContext ctx, FullHttpRequest request, long arrivalNanos) {
        busy = true;
        ctx.channel().attr(BUSY).set(Boolean.TRUE);
        stats.request();
        if (request.decoderResult().isFailure()) {
            // What follows an unreadable request cannot be trusted: answer it and close.
            new Exchange(this, ctx, stats, HttpVersion.HTTP_1_1, false, arrivalNanos)
                    .refuse(ErrorCatalogue.unreadable(request.decoderResult().cause()), Routes.FALLBACK_FORMAT);
            return;
        }
        routes.route(new Exchange(this, ctx, stats, request.protocolVersion(), HttpUtil.isKeepAlive(request),
                arrivalNanos), request);
    }

    /** {@code answer} is under way: it hears about the channel until it is {@link #answered}. */
    void answering(Answer answer) {
        current = answer;
    }

    /** The current answer is complete: serve the next pipelined request, or close once it is written. */
    void answered(ChannelHandlerContext ctx, boolean keepAlive) {
        current = null;
        busy = false;
        ctx.channel().attr(BUSY).set(Boolean.FALSE);
        if (!keepAlive) {
            // Close after everything written so far has reached the socket (an empty write completes
            // after the writes before it); written below the codec, which has finished its response.
            ctx.pipeline().context(MockServerInitializer.HTTP_CODEC).writeAndFlush(Unpooled.EMPTY_BUFFER)
                    .addListener(ChannelFutureListener.CLOSE);
            releasePipelined();
            return;
        }
        idleSinceNanos = System.nanoTime();
        FullHttpRequest next = pipelined.poll();
        if (next != null) {
            pipelinedBytes -= next.content().readableBytes();
            try {
                handle(ctx, next, System.nanoTime());
            } finally {
                next.release();
            }
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof IdleStateEvent) {
            // Only a connection with nothing in flight is idle, and only counting from its last answer:
            // the reader-idle clock also ran while a long stream was being sent.
            if (!busy && System.nanoTime() - idleSinceNanos >= TimeUnit.MILLISECONDS.toNanos(state.idleTimeoutMillis())) {
                ctx.close();
            }
            return;
        }
        super.userEventTriggered(ctx, evt);
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
        if (current != null) {
            current.writabilityChanged();
        }
        super.channelWritabilityChanged(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (current != null) {
            current.cancel();
            current = null;
        }
        releasePipelined();
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // A reset by the peer or a failed write: the connection is gone; channelInactive cleans up.
        ctx.close();
    }

    private void releasePipelined() {
        FullHttpRequest r;
        while ((r = pipelined.poll()) != null) {
            r.release();
        }
    }
}
