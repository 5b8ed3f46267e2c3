package io.streambench.driver;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.streambench.mock.profile.RequestOverrides;

/**
 * An attempt's request on the driver's own client: the HTTP request around its prepared body, and the instant it
 * counts as sent. Once per attempt, before the stream; {@link StackAttempt} builds the same request for another
 * client stack.
 */
final class RequestSend {

    private RequestSend() {
    }

    /** The POST of {@code body} to the target, with the run's headers and the mock's per-request ones. */
    static FullHttpRequest encode(byte[] body, Request request, Exchange.Shared shared) {
        FullHttpRequest http = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST,
                shared.target().pathAndQuery(), Unpooled.wrappedBuffer(body));
        http.headers().set(shared.headers());
        http.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        if (shared.target().mockSeeds()) {
            http.headers().set(RequestOverrides.SEED, Long.toString(request.mockSeed()));
        }
        int asked = request.prepared().plan().tokens().outputTokens();
        if (asked > 0 && shared.target().requests().answerLengthHeader()) {
            http.headers().set(RequestOverrides.OUTPUT_TOKENS, Integer.toString(asked));
        }
        return http;
    }

    /**
     * The send instant: when the encoded request went to the socket (the flush, within the write's call on the
     * event loop), so that the encoding before it, the driver's own work, is not counted as the server's time.
     */
    static long sentAt(StreamHandler handler, long beforeWrite) {
        long flushed = handler.stamps().lastFlush();
        return flushed - beforeWrite >= 0 ? flushed : beforeWrite;
    }
}
