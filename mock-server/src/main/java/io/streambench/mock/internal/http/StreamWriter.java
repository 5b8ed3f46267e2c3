package io.streambench.mock.internal.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.concurrent.EventExecutor;
import io.streambench.mock.internal.stream.EventSink;

/**
 * Writes a stream's event buffers to its connection: framed by {@link HttpChunks} and written below the
 * HTTP codec, which never sees them (that saves its extra header buffer on the hot path). The response head
 * and the last chunk go through the codec, so its state stays right for the next request on the connection.
 */
final class StreamWriter implements EventSink {

    private final ChannelHandlerContext ctx;
    private final ChannelHandlerContext belowCodec;
    private final boolean chunked;
    private final Runnable onEnd;

    /**
     * @param ctx the handler's context (flushes and the last chunk go through the codec from here)
     * @param chunked frame as HTTP/1.1 chunks; false for a close-delimited HTTP/1.0 body
     * @param onEnd run after the body ended on its own (not after an abort)
     */
    StreamWriter(ChannelHandlerContext ctx, boolean chunked, Runnable onEnd) {
        this.ctx = ctx;
        this.belowCodec = ctx.pipeline().context(MockServerInitializer.HTTP_CODEC);
        this.chunked = chunked;
        this.onEnd = onEnd;
    }

    @Override
    public EventExecutor executor() {
        return ctx.executor();
    }

    @Override
    public boolean isWritable() {
        return ctx.channel().isWritable();
    }

    @Override
    public ByteBuf buffer() {
        return HttpChunks.newBuffer(ctx.alloc());
    }

    @Override
    public void write(ByteBuf events) {
        if (chunked) {
            HttpChunks.frame(events);
        }
        belowCodec.write(events, belowCodec.voidPromise());
    }

    @Override
    public void flush() {
        ctx.flush();
    }

    @Override
    public void end() {
        ctx.write(LastHttpContent.EMPTY_LAST_CONTENT, ctx.voidPromise());
        ctx.flush();
        onEnd.run();
    }

    @Override
    public void abort(boolean reset) {
        if (reset) {
            // SO_LINGER 0 makes close() send RST instead of FIN.
            ctx.channel().config().setOption(ChannelOption.SO_LINGER, 0);
        }
        ctx.close();
    }
}
