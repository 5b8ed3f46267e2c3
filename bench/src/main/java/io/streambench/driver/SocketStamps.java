package io.streambench.driver;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;

/**
 * The first handler of a client connection, next to the socket: stamps each read with {@code System.nanoTime()}
 * as it comes off the socket, before TLS, HTTP or SSE decoding (as the mock stamps its own reads), and each
 * flush just before its bytes go to the socket, after the request has been encoded. Taken there, a request's
 * times (send to first byte, first token, each event) hold none of the driver's own encoding and decoding, which
 * at one stream a second, on a cold CPU cache, cost a tenth of a millisecond or more per request. One per
 * channel; event loop only.
 */
final class SocketStamps extends ChannelDuplexHandler {

    private long lastRead = System.nanoTime();
    private long lastFlush;

    /** When the read now being handled came off the socket. */
    long lastRead() {
        return lastRead;
    }

    /** When the latest flush began writing to the socket. */
    long lastFlush() {
        return lastFlush;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        lastRead = System.nanoTime();
        ctx.fireChannelRead(msg);
    }

    @Override
    public void flush(ChannelHandlerContext ctx) {
        lastFlush = System.nanoTime();
        ctx.flush();
    }
}
