package io.streambench.mock.internal.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.streambench.mock.internal.stats.ServerStats;
import io.streambench.mock.internal.wire.WireFormat;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One request being answered on a connection, and the ways to answer it: a whole response now, or an
 * {@link Answer} under way that calls {@link #answered} when it is done. Either way the connection then
 * serves its next pipelined request, or closes.
 *
 * @param version the request's HTTP version, which the answer speaks
 * @param keepAlive whether the connection stays open after the answer
 * @param arrivalNanos when the request's clock starts ({@code System.nanoTime()}): the socket read that completed
 *     it ({@link ReadStamps})
 */
record Exchange(ConnectionHandler connection, ChannelHandlerContext ctx, ServerStats stats, HttpVersion version,
        boolean keepAlive, long arrivalNanos) {

    /** A complete response with {@code body}. */
    FullHttpResponse response(int status, String contentType, byte[] body) {
        FullHttpResponse r = new DefaultFullHttpResponse(version, HttpResponseStatus.valueOf(status),
                Unpooled.wrappedBuffer(body));
        r.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, r.content().readableBytes());
        return r;
    }

    /** A complete JSON response. */
    FullHttpResponse json(int status, String json, Map<String, String> headers) {
        FullHttpResponse r = response(status, HttpHeaderValues.APPLICATION_JSON.toString(),
                json.getBytes(StandardCharsets.UTF_8));
        headers.forEach(r.headers()::set);
        return r;
    }

    /** Answers with {@code error}, its body and headers in {@code format}'s words. */
    void refuse(ErrorReply error, WireFormat format) {
        String requestId = format.newRequestId();
        FullHttpResponse r = json(error.status(), format.errorBody(error.status(), error.message(), error.param(),
                error.code(), requestId), error.headers());
        format.responseHeaders(false, requestId, r.headers()::set);
        reply(r);
    }

    /** Sends a complete response: the answer is done. */
    void reply(FullHttpResponse response) {
        stats.response(response.status().code());
        HttpUtil.setKeepAlive(response, keepAlive);
        if (keepAlive) {
            ctx.writeAndFlush(response, ctx.voidPromise());
        } else {
            ctx.write(response, ctx.voidPromise());
        }
        answered(keepAlive);
    }

    /** The request is being answered by {@code answer}, which calls {@link #answered} when it is done. */
    void answering(Answer answer) {
        connection.answering(answer);
    }

    /** The answer is complete; {@code reuse}: the connection stays open for the next request. */
    void answered(boolean reuse) {
        connection.answered(ctx, reuse);
    }
}
