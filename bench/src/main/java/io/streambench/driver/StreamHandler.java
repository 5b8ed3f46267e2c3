package io.streambench.driver;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;

/**
 * The last handler of a client connection: hands each decoded part of a response, with the time its bytes
 * came off the socket ({@link SocketStamps}), to the connection's current user (an {@link Exchange}, or a {@link NettyStack} stream). One per channel.
 */
final class StreamHandler extends ChannelInboundHandlerAdapter {

    private final SocketStamps stamps;
    private ChannelUser exchange;

    StreamHandler(SocketStamps stamps) {
        this.stamps = stamps;
    }

    /** The connection's socket-side timestamps. */
    SocketStamps stamps() {
        return stamps;
    }

    /** Routes the channel's reads to {@code next}; event loop only. */
    void attach(ChannelUser next) {
        exchange = next;
    }

    /** Stops routing reads (the attempt ended). */
    void detach() {
        exchange = null;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        // Every part decoded from one read shares that read's arrival.
        long arrivalNanos = stamps.lastRead();
        try {
            ChannelUser current = exchange;
            if (current == null || !(msg instanceof HttpObject object)) {
                return;
            }
            if (object.decoderResult().isFailure()) {
                current.onTransportError("bad HTTP response: " + object.decoderResult().cause().getMessage(),
                        arrivalNanos);
                return;
            }
            if (msg instanceof HttpResponse response) {
                current.onHeaders(response, arrivalNanos);
            }
            if (msg instanceof HttpContent content) {
                current.onBody(content.content(), arrivalNanos, msg instanceof LastHttpContent);
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        ChannelUser current = exchange;
        if (current != null) {
            current.onClosed(System.nanoTime());
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ChannelUser current = exchange;
        if (current != null) {
            current.onTransportError(describe(cause), System.nanoTime());
        }
        ctx.close();
    }

    private static String describe(Throwable cause) {
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
