package io.streambench.client.sse;

import java.util.Arrays;

/**
 * A reusable, growable char buffer handed to listeners as a {@link CharSequence} view, so that
 * parsers need not build a {@code String} per value. Valid until the owner refills it. As a field of an
 * event it also says whether the event had the field as a string ({@link #present}), not absent or null.
 */
final class CharSlice implements CharSequence {

    private char[] chars;
    private int length;
    /** The event had this field as a string; set by the readers, cleared by {@link #absent()}. */
    boolean present;

    private static final char[] EMPTY = new char[0];

    /** A slice of this capacity; 0 allocates nothing until the first char. */
    CharSlice(int initialCapacity) {
        chars = initialCapacity == 0 ? EMPTY : new char[initialCapacity];
    }

    void clear() {
        length = 0;
    }

    /** Empty and not present: the field of the next event, until read. */
    void absent() {
        length = 0;
        present = false;
    }

    /** {@link #absent()} for each (an array kept by the caller: no varargs array per event). */
    static void absent(CharSlice[] fields) {
        for (CharSlice field : fields) {
            field.absent();
        }
    }

    /** Holds {@code value}, or is absent when it is null (a typed event's field). */
    void setOrAbsent(String value) {
        present = value != null;
        if (present) {
            set(value);
        } else {
            length = 0;
        }
    }

    /** Present and not empty: worth a listener call. */
    boolean hasText() {
        return present && length > 0;
    }

    void set(char[] source, int offset, int count) {
        length = 0;
        append(source, offset, count);
    }

    void set(String source) {
        length = 0;
        ensure(source.length());
        source.getChars(0, source.length(), chars, 0);
        length = source.length();
    }

    void append(char[] source, int offset, int count) {
        ensure(count);
        System.arraycopy(source, offset, chars, length, count);
        length += count;
    }

    void append(CharSlice source) {
        append(source.chars, 0, source.length);
    }

    /** True when this holds exactly {@code text}. */
    boolean is(String text) {
        if (text.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (chars[i] != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    void append(char c) {
        if (length == chars.length) {
            grow(1);
        }
        chars[length++] = c;
    }

    /** Makes room for {@code count} more chars; callers then write with {@link #array()} and {@link #setLength}. */
    void ensure(int count) {
        if (chars.length - length < count) {
            grow(count);
        }
    }

    char[] array() {
        return chars;
    }

    void setLength(int newLength) {
        length = newLength;
    }

    private void grow(int count) {
        chars = Arrays.copyOf(chars, Math.max(chars.length * 2, length + count));
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public char charAt(int index) {
        if (index >= length) {
            throw new IndexOutOfBoundsException("index=" + index + " length=" + length);
        }
        return chars[index];
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return toString().substring(start, end);
    }

    @Override
    public String toString() {
        return new String(chars, 0, length);
    }
}
