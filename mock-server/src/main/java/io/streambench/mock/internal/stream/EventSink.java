package io.streambench.mock.internal.stream;

import io.netty.buffer.ByteBuf;
import io.netty.util.concurrent.EventExecutor;

/**
 * Where a {@link StreamSession} writes: the connection, which frames each buffer for the wire (HTTP/1.1
 * chunks, or nothing for a close-delimited body) and writes it. Implemented by
 * {@code io.streambench.mock.internal.http}. Every method is called on {@link #executor()}.
 */
public interface EventSink {

    /** The event loop of the connection: the session's timers and pacer run on it. */
    EventExecutor executor();

    /** False while the connection's outbound buffer is above its high-water mark (a slow reader). */
    boolean isWritable();

    /** A new buffer to write events into, with room left before them for the framing. */
    ByteBuf buffer();

    /** Frames and writes a buffer from {@link #buffer()}, without flushing; takes ownership of it. */
    void write(ByteBuf events);

    /** Flushes what was written (and the response head, before the first write). */
    void flush();

    /** Ends the body, flushed: the answer is complete and the connection may serve the next request. */
    void end();

    /** Closes the connection in the middle of the body: with a TCP reset when {@code reset}, else a FIN. */
    void abort(boolean reset);
}
