package io.streambench.client.sse;

import java.util.Arrays;

/**
 * The data of the event being read, as bytes: data lines joined with LF, as the spec says.
 * Reused for every event of a stream.
 */
final class EventBytes {

    private static final int INITIAL_BYTES = 512; // most chat.completion.chunk events are 150-400 bytes
    // One huge event should not pin a huge buffer for the rest of a long stream.
    private static final int KEEP_AT_MOST_BYTES = 256 * 1024;

    private byte[] bytes = new byte[INITIAL_BYTES];
    private int length;
    private int lines;

    void startLine() {
        if (lines++ > 0) {
            append((byte) '\n');
        }
    }

    void append(byte[] source, int offset, int count) {
        if (bytes.length - length < count) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + count));
        }
        System.arraycopy(source, offset, bytes, length, count);
        length += count;
    }

    private void append(byte b) {
        if (length == bytes.length) {
            bytes = Arrays.copyOf(bytes, bytes.length * 2);
        }
        bytes[length++] = b;
    }

    byte[] array() {
        return bytes;
    }

    int length() {
        return length;
    }

    void clear() {
        length = 0;
        lines = 0;
        if (bytes.length > KEEP_AT_MOST_BYTES) {
            bytes = new byte[INITIAL_BYTES];
        }
    }

    /** An event's name as chars in {@code into}, or null when {@code length} is -1 (the event had none). */
    static CharSequence name(byte[] bytes, int length, CharSlice into) {
        if (length < 0) {
            return null;
        }
        Utf8.decode(bytes, 0, length, into);
        return into;
    }

    /** The OpenAI end marker; {@code startsWith}, as the official SDK tests it. */
    static boolean isDone(byte[] bytes, int offset, int length) {
        return length >= 6 && bytes[offset] == '[' && bytes[offset + 1] == 'D' && bytes[offset + 2] == 'O'
                && bytes[offset + 3] == 'N' && bytes[offset + 4] == 'E' && bytes[offset + 5] == ']';
    }
}
