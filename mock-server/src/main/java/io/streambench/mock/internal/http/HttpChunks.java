package io.streambench.mock.internal.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.1 chunk framing of event buffers, done in place: a buffer leaves room before its payload for the
 * chunk-size line, so framing it writes that line into the room and CRLF after the payload. One buffer and
 * one iovec per write, where Netty's encoder would add a header buffer of its own.
 */
final class HttpChunks {

    /** Room before the payload for the chunk-size line: up to 8 hex digits and CRLF. */
    private static final int HEADER_ROOM = 10;
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private HttpChunks() {
    }

    /** A buffer for a chunk's payload, its reader index past the room for the chunk-size line. */
    static ByteBuf newBuffer(ByteBufAllocator alloc) {
        ByteBuf buf = alloc.buffer(512);
        buf.writerIndex(HEADER_ROOM).readerIndex(HEADER_ROOM);
        return buf;
    }

    /** Frames the readable bytes of a buffer from {@link #newBuffer} as one chunk. */
    static void frame(ByteBuf buf) {
        int size = buf.readableBytes();
        buf.writeByte('\r').writeByte('\n');
        int at = buf.readerIndex() - 2;
        buf.setByte(at, '\r');
        buf.setByte(at + 1, '\n');
        do {
            buf.setByte(--at, HEX[size & 0xF]);
            size >>>= 4;
        } while (size != 0);
        buf.readerIndex(at);
    }
}
