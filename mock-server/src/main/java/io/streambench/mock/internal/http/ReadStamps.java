package io.streambench.mock.internal.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * The first handler of a connection, next to the socket: stamps each read with {@code System.nanoTime()} as it
 * comes off the socket, before TLS and HTTP decoding. In the mock a request's clock (its time to first token,
 * its pacing) starts at the read that completed it, as a client that stamps its own reads at the socket sees it
 * sent, so the mock's decoding, routing and planning (about 0.2 ms a request on a 2-core machine, more on a
 * cold CPU cache) are inside the time it promises, not added to it. One per channel; event loop only. (The
 * driver's {@code SocketStamps} stamps its reads the same way, and its flushes too.)
 */
final class ReadStamps extends ChannelInboundHandlerAdapter {

    private long lastRead = System.nanoTime();

    /** When the read now being handled came off the socket. */
    long lastRead() {
        return lastRead;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        lastRead = System.nanoTime();
        ctx.fireChannelRead(msg);
    }
}
