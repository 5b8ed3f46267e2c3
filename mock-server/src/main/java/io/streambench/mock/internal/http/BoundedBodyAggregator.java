package io.streambench.mock.internal.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;

/**
 * Aggregates request bodies up to a limit. Neither of the aggregator's own answers may be written while the
 * handler is still streaming an earlier answer on the connection (it would land inside that stream), so:
 * an oversized body becomes a failed request that the handler answers in turn (413, then close), and
 * {@code Expect: 100-continue} is only honoured when the connection is idle (a client that gets no 100
 * sends its body after its own short wait).
 */
final class BoundedBodyAggregator extends HttpObjectAggregator {

    private final int maxBodyBytes;

    BoundedBodyAggregator(int maxBodyBytes) {
        super(maxBodyBytes);
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    protected Object newContinueResponse(HttpMessage start, int maxContentLength, ChannelPipeline pipeline) {
        Boolean busy = pipeline.channel().attr(ConnectionHandler.BUSY).get();
        return Boolean.TRUE.equals(busy) ? null : super.newContinueResponse(start, maxContentLength, pipeline);
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
        HttpRequest head = (HttpRequest) oversized;
        DefaultFullHttpRequest failed = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, head.method(), head.uri(),
                Unpooled.EMPTY_BUFFER);
        failed.setDecoderResult(DecoderResult.failure(new TooLongFrameException(
                ErrorCatalogue.bodyTooLarge(maxBodyBytes))));
        ctx.fireChannelRead(failed);
    }
}
