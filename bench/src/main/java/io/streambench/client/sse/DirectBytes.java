package io.streambench.client.sse;

import io.netty.buffer.ByteBuf;

/** Feeds a buffer with no backing array (a direct or composite buffer) through a per-thread copy. */
final class DirectBytes {

    // Large enough that a 1,448-byte TCP segment, or a typical 8 KB read, goes through in one copy.
    private static final int COPY_BYTES = 16 * 1024;
    private static final ThreadLocal<byte[]> COPY = ThreadLocal.withInitial(() -> new byte[COPY_BYTES]);

    private DirectBytes() {
    }

    static void feed(SseParser parser, ByteBuf buf, long arrivalNanos) {
        byte[] copy = COPY.get();
        int index = buf.readerIndex();
        int end = buf.writerIndex();
        while (index < end) {
            int n = Math.min(copy.length, end - index);
            buf.getBytes(index, copy, 0, n);
            parser.feed(copy, 0, n, arrivalNanos);
            index += n;
        }
    }
}
