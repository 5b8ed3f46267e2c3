package io.streambench.client.accumulate;

/**
 * Estimated heap sizes of the objects accumulators keep, for a 64-bit HotSpot JVM with compressed
 * references and compressed class pointers (the default below 32 GB of heap): 12-byte object
 * headers, 16-byte array headers, 4-byte references, 8-byte alignment, compact strings (one byte
 * per char while every char is Latin-1, else two).
 */
final class HeapLayout {

    private static final int OBJECT_HEADER = 12;
    private static final int ARRAY_HEADER = 16;
    private static final int REFERENCE = 4;
    private static final int ALIGNMENT = 8;
    // String: value reference, int hash, byte coder, boolean hashIsZero.
    private static final long STRING_OBJECT = align(OBJECT_HEADER + REFERENCE + 4 + 1 + 1);
    // StringBuilder: value reference, byte coder, int count (JDK 21 adds a boolean; still 24).
    private static final long BUILDER_OBJECT = align(OBJECT_HEADER + REFERENCE + 1 + 4);
    // ArrayList: int modCount, int size, elementData reference.
    private static final long LIST_OBJECT = align(OBJECT_HEADER + 4 + 4 + REFERENCE);

    private HeapLayout() {
    }

    static long string(CharSequence text) {
        return STRING_OBJECT + byteArray((long) text.length() * bytesPerChar(text));
    }

    /** A builder holding {@code text} in a buffer of {@code capacity} chars. */
    static long stringBuilder(CharSequence text, int capacity) {
        return BUILDER_OBJECT + byteArray((long) capacity * bytesPerChar(text));
    }

    /** An {@code ArrayList} of {@code size} elements, with the capacity its growth rule gives. */
    static long arrayList(int size) {
        return LIST_OBJECT + align(ARRAY_HEADER + (long) REFERENCE * arrayListCapacity(size));
    }

    // ArrayList starts at 10 on the first add and grows by half.
    static int arrayListCapacity(int size) {
        if (size == 0) {
            return 0;
        }
        int capacity = 10;
        while (capacity < size) {
            capacity += Math.max(1, capacity >> 1);
        }
        return capacity;
    }

    private static long byteArray(long length) {
        return align(ARRAY_HEADER + length);
    }

    private static int bytesPerChar(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 0xFF) {
                return 2;
            }
        }
        return 1;
    }

    private static long align(long bytes) {
        return (bytes + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
    }
}
