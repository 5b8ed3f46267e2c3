package io.streambench.client.sse;

import java.nio.charset.StandardCharsets;

/** Decodes short UTF-8 byte ranges (comments) into a {@link CharSlice}, with no allocation for ASCII. */
final class Utf8 {

    private Utf8() {
    }

    static void decode(byte[] bytes, int offset, int length, CharSlice into) {
        into.clear();
        into.ensure(length);
        char[] chars = into.array();
        for (int i = 0; i < length; i++) {
            byte b = bytes[offset + i];
            if (b < 0) {
                decodeSlow(bytes, offset, length, into);
                return;
            }
            chars[i] = (char) b;
        }
        into.setLength(length);
    }

    // Cold path: the JDK decoder, so that invalid bytes become U+FFFD exactly as in the line readers.
    private static void decodeSlow(byte[] bytes, int offset, int length, CharSlice into) {
        into.set(new String(bytes, offset, length, StandardCharsets.UTF_8));
    }
}
