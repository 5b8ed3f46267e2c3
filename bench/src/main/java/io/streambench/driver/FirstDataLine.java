package io.streambench.driver;

import io.netty.buffer.ByteBuf;

/**
 * Finds the read in which a response body's first SSE {@code data:} line begins: the first event of any kind
 * (the Responses API's {@code response.created}, Anthropic's {@code message_start}, chat's role chunk), whether or
 * not the parser reports anything for it. Comment lines ({@code : ...}) and {@code event:} lines before it do not
 * count. Scans only until it is found, so each stream pays a few bytes for it.
 */
final class FirstDataLine {

    private static final byte[] DATA = {'d', 'a', 't', 'a', ':'};

    private boolean lineStart = true;
    private int matched;
    private boolean found;

    /** True once the bytes so far hold the start of a {@code data:} line; reads {@code buf} without moving it. */
    boolean scan(ByteBuf buf) {
        if (found) {
            return true;
        }
        for (int i = buf.readerIndex(), end = buf.writerIndex(); i < end; i++) {
            byte b = buf.getByte(i);
            if (lineStart || matched > 0) {
                if (b == DATA[matched]) {
                    lineStart = false;
                    if (++matched == DATA.length) {
                        found = true;
                        return true;
                    }
                    continue;
                }
                matched = 0;
            }
            lineStart = b == '\n' || b == '\r';
        }
        return false;
    }
}
