package io.streambench.driver;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.HttpResponse;

/**
 * What uses one connection of the {@link HttpTransport} for one request: the driver's {@link Exchange}, or a stream
 * of the {@link NettyStack}. Every call is on the connection's event loop.
 */
interface ChannelUser {

    /** The connection is ready (connected, handshaken); {@code connectTook} ns opening it, 0 when pooled. */
    void start(Channel ch, long connectTook);

    /** The connect or the TLS handshake failed. */
    void connectFailed(Throwable cause, long nowNanos);

    /** The response head arrived, its bytes read off the socket at {@code arrivalNanos}. */
    void onHeaders(HttpResponse response, long arrivalNanos);

    /** A piece of the body arrived; {@code last} for the end of the response. */
    void onBody(ByteBuf content, long arrivalNanos, boolean last);

    /** The connection closed. */
    void onClosed(long nowNanos);

    /** A read or write failed, or the response could not be decoded. */
    void onTransportError(String text, long nowNanos);
}
