package io.streambench.client.stack;

/** One stream opened by a {@link ClientStack}. */
@FunctionalInterface
public interface OpenStream {

    /** Stops the stream and releases its connection (closed, not reused); any thread; idempotent. */
    void cancel();
}
