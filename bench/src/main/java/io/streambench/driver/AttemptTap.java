package io.streambench.driver;

import io.netty.buffer.ByteBuf;
import io.streambench.client.sse.SseParser;

/**
 * Sees each attempt's request body and the bytes of its event stream, for measurements that need more than the
 * driver's own figures: measuring a gateway puts a tag into each prompt and notes every SSE event with its
 * arrival ({@code io.streambench.driver.gateway}). Ordinary runs have none. Every call is on the attempt's event
 * loop.
 */
public interface AttemptTap {

    /** Attempt {@code attempt} of request {@code requestId} is about to be sent with {@code body}. */
    Probe attempt(long requestId, int attempt, byte[] body);

    /** What the tap does with one attempt. */
    interface Probe {

        /** The body to send (the one given, or a changed copy). */
        byte[] body();

        /** The request went to the socket at {@code sendNanos}. */
        void sent(long sendNanos);

        /**
         * Bytes of a 2xx event stream came off the socket at {@code arrivalNanos}: the probe feeds them all to
         * {@code parser} (in as many pieces as it likes, in order), which the driver would otherwise do itself.
         */
        void read(ByteBuf content, long arrivalNanos, SseParser parser);

        /** The attempt's first token was found in the bytes being fed now. */
        void firstToken();
    }
}
