package io.streambench.mock.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.streambench.mock.stats.ServerStats;
import java.nio.charset.StandardCharsets;

/** Aggregates request bodies up to a limit; a larger body gets 413 with an OpenAI error object, then close. */
final class BoundedBodyAggregator extends HttpObjectAggregator {

    private final int maxBodyBytes;
    private final ServerStats stats;

    BoundedBodyAggregator(int maxBodyBytes, ServerStats stats) {
        super(maxBodyBytes);
        this.maxBodyBytes = maxBodyBytes;
        this.stats = stats;
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
        stats.request();
        stats.response(413);
        String body = OpenAiErrors.body("Request body too large: the limit is " + maxBodyBytes + " bytes.",
                "invalid_request_error", null, "request_too_large");
        FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE,
                Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
        r.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, r.content().readableBytes())
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        // The rest of the body may still be arriving: close rather than read it.
        ctx.writeAndFlush(r).addListener(ChannelFutureListener.CLOSE);
    }
}
