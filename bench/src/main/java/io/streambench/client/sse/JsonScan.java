package io.streambench.client.sse;

import java.nio.charset.StandardCharsets;

/**
 * The grammar pieces of {@code bytes-scan}'s hand-written readers ({@link EventScanner}): JSON read straight
 * from the bytes, as strictly as Jackson for everything accepted (string escapes, UTF-8, number syntax,
 * literals, nothing after the object), strings decoded into reused {@link CharSlice}s. Each piece skips the
 * whitespace before it and returns false on anything it cannot prove valid, so that the caller can leave the
 * event to Jackson.
 *
 * <p>Longer than a file should be: it is one grammar over one cursor ({@link #b}, {@link #i}), and its pieces
 * (strings with their escapes and UTF-8, numbers, literals, nesting) are only correct together.
 */
abstract class JsonScan<S extends EventScratch> implements EventScanner {

    static final byte[] TRUE = ascii("true");
    static final byte[] FALSE = ascii("false");
    static final byte[] NULL = ascii("null");
    /** Deeper nesting than this in a skipped value is left to Jackson. */
    private static final int MAX_SKIP_DEPTH = 32;

    // Where a loop over an object's fields or an array's elements stands.
    private static final int FAIL = -1;
    private static final int END = 0;
    private static final int MORE = 1;

    byte[] b;
    int i;
    int end;
    private int keyStart;
    private int keyLength;
    /** The value of the last {@link #index} read. */
    int intValue;

    /** The kind of the top-level object; subclasses number their other objects and arrays from 1. */
    static final int ROOT = 0;

    /** Reads {@code bytes[offset, offset + length)} into the scratch; false means "use Jackson". */
    @Override
    public final boolean scan(byte[] bytes, int offset, int length) {
        b = bytes;
        i = offset;
        end = offset + length;
        scratch.reset();
        boolean ok = object(ROOT) && afterRoot();
        b = null;
        return ok;
    }

    /** What this reads into; cleared by {@link #scan}. */
    final S scratch;

    JsonScan(S scratch) {
        this.scratch = scratch;
    }

    /**
     * Reads the value of the key just read ({@link #keyIs} tells which) in an object of kind {@code kind}:
     * into the scratch, checked and skipped, or false to leave the event to Jackson.
     */
    abstract boolean field(int kind);

    /** Reads an element of an array of kind {@code kind}; by default an object of that kind. */
    boolean element(int kind) {
        return object(kind);
    }

    /** An object of kind {@code kind}, each field read by {@link #field}. */
    final boolean object(int kind) {
        int at = firstField();
        while (at == MORE) {
            at = nextField(field(kind));
        }
        return at == END;
    }

    /** An object, or null. */
    final boolean objectOrNull(int kind) {
        return peek() == 'n' ? literal(NULL) : object(kind);
    }

    /** An array, or null, each element read by {@link #element}. */
    final boolean arrayOrNull(int kind) {
        if (peek() == 'n') {
            return literal(NULL);
        }
        int at = firstElement();
        while (at == MORE) {
            at = nextElement(element(kind));
        }
        return at == END;
    }

    /** True when the key just read is {@code name} (ASCII). */
    final boolean keyIs(String name) {
        if (keyLength != name.length()) {
            return false;
        }
        for (int k = 0; k < keyLength; k++) {
            if (b[keyStart + k] != name.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** Opens an object and reads its first key: {@link #MORE} (read the key's value), {@link #END} ({@code {}}) or {@link #FAIL}. */
    private int firstField() {
        if (!open('{')) {
            return FAIL;
        }
        if (close('}')) {
            return END;
        }
        return key() ? MORE : FAIL;
    }

    /** After a field's value was read ({@code ok}): the next key ({@link #MORE}), the object's end or a failure. */
    private int nextField(boolean ok) {
        if (!ok) {
            return FAIL;
        }
        if (comma()) {
            return key() ? MORE : FAIL;
        }
        return close('}') ? END : FAIL;
    }

    /** Opens an array: {@link #MORE} (read an element), {@link #END} ({@code []}) or {@link #FAIL}. */
    private int firstElement() {
        if (!open('[')) {
            return FAIL;
        }
        return close(']') ? END : MORE;
    }

    /** After an element was read ({@code ok}): another one ({@link #MORE}), the array's end or a failure. */
    private int nextElement(boolean ok) {
        if (!ok) {
            return FAIL;
        }
        if (comma()) {
            return MORE;
        }
        return close(']') ? END : FAIL;
    }

    /** A string into {@code into}, or null; {@code into} says which ({@link CharSlice#present}). */
    final boolean stringOrNull(CharSlice into) {
        into.present = peek() != 'n';
        return into.present ? string(into) : literal(NULL);
    }

    final boolean afterRoot() {
        skipWhitespace();
        return i == end;
    }

    /** Any JSON value, checked and skipped; false for what is invalid or nested deeper than a chunk ever is. */
    final boolean skipValue() {
        return skipValue(0);
    }

    private boolean skipValue(int depth) {
        int c = peek();
        if (c != '{' && c != '[') {
            return scalar();
        }
        if (depth == MAX_SKIP_DEPTH) {
            return false;
        }
        boolean object = c == '{';
        i++;
        if (close(object ? '}' : ']')) {
            return true;
        }
        do {
            if ((object && !key()) || !skipValue(depth + 1)) {
                return false;
            }
        } while (comma());
        return close(object ? '}' : ']');
    }

    final boolean open(char c) {
        skipWhitespace();
        if (i < end && b[i] == c) {
            i++;
            return true;
        }
        return false;
    }

    final boolean close(char c) {
        return open(c);
    }

    final boolean comma() {
        return open(',');
    }

    final int peek() {
        skipWhitespace();
        return i < end ? b[i] : -1;
    }

    /** A key with plain ASCII and no escapes, then the colon. */
    final boolean key() {
        if (!open('"')) {
            return false;
        }
        keyStart = i;
        while (i < end) {
            byte c = b[i];
            if (c == '"') {
                keyLength = i - keyStart;
                i++;
                return open(':');
            }
            if (c == '\\' || c < 0x20) {
                // Also rejects bytes >= 0x80, which are negative.
                return false;
            }
            i++;
        }
        return false;
    }

    final boolean keyIs(byte[] name) {
        if (keyLength != name.length) {
            return false;
        }
        for (int k = 0; k < keyLength; k++) {
            if (b[keyStart + k] != name[k]) {
                return false;
            }
        }
        return true;
    }

    /** A string, number or literal; objects and arrays are left to Jackson. */
    final boolean scalar() {
        int c = peek();
        if (c == '"') {
            return string(null);
        }
        if (c == '-' || (c >= '0' && c <= '9')) {
            return number() >= 0;
        }
        if (c == 't') {
            return literal(TRUE);
        }
        if (c == 'f') {
            return literal(FALSE);
        }
        return c == 'n' && literal(NULL);
    }

    final boolean literal(byte[] word) {
        skipWhitespace();
        if (end - i < word.length) {
            return false;
        }
        for (int k = 0; k < word.length; k++) {
            if (b[i + k] != word[k]) {
                return false;
            }
        }
        i += word.length;
        return i == end || !isWordByte(b[i]);
    }

    /** {@link #index}, or null read as 0. */
    final boolean indexOrNull() {
        if (peek() == 'n') {
            intValue = 0;
            return literal(NULL);
        }
        return index();
    }

    /** A small non-negative integer (at most 9 digits) into {@link #intValue}. */
    final boolean index() {
        int digits = number();
        return digits > 0 && digits <= 9;
    }

    /**
     * A JSON number. Returns -1 if invalid, 0 if valid but not a small non-negative integer, else
     * the digit count with the value in {@link #intValue}.
     */
    private int number() {
        skipWhitespace();
        int start = i;
        boolean plainInteger = true;
        if (i < end && b[i] == '-') {
            i++;
            plainInteger = false;
        }
        if (i >= end) {
            return -1;
        }
        if (b[i] == '0') {
            i++;
        } else if (b[i] >= '1' && b[i] <= '9') {
            while (i < end && isDigit(b[i])) {
                i++;
            }
        } else {
            return -1;
        }
        int integerEnd = i;
        if (i < end && b[i] == '.') {
            plainInteger = false;
            i++;
            if (!digits()) {
                return -1;
            }
        }
        if (i < end && (b[i] == 'e' || b[i] == 'E')) {
            plainInteger = false;
            i++;
            if (i < end && (b[i] == '+' || b[i] == '-')) {
                i++;
            }
            if (!digits()) {
                return -1;
            }
        }
        if (i < end && isWordByte(b[i])) {
            return -1;
        }
        int count = integerEnd - start;
        if (!plainInteger || count > 9) {
            return 0;
        }
        int value = 0;
        for (int k = start; k < integerEnd; k++) {
            value = value * 10 + (b[k] - '0');
        }
        intValue = value;
        return count;
    }

    private boolean digits() {
        int start = i;
        while (i < end && isDigit(b[i])) {
            i++;
        }
        return i > start;
    }

    /** A string decoded into {@code into}, or only checked when {@code into} is null. */
    final boolean string(CharSlice into) {
        if (!open('"')) {
            return false;
        }
        if (into != null) {
            into.clear();
        }
        int runStart = i;
        // Fast path: a run of printable ASCII is copied in one go.
        while (i < end) {
            byte c = b[i];
            if (c == '"' || c == '\\' || c < 0x20) {
                break;
            }
            i++;
        }
        if (into != null) {
            appendAscii(into, runStart, i);
        }
        while (i < end) {
            int c = b[i] & 0xFF;
            if (c == '"') {
                i++;
                return true;
            }
            if (c < 0x20) {
                return false;
            }
            if (c == '\\') {
                if (!escape(into)) {
                    return false;
                }
            } else if (c < 0x80) {
                if (into != null) {
                    into.append((char) c);
                }
                i++;
            } else if (!utf8(c, into)) {
                return false;
            }
        }
        return false;
    }

    private void appendAscii(CharSlice into, int from, int to) {
        int count = to - from;
        into.ensure(count);
        char[] chars = into.array();
        int length = into.length();
        for (int k = 0; k < count; k++) {
            chars[length + k] = (char) b[from + k];
        }
        into.setLength(length + count);
    }

    private boolean escape(CharSlice into) {
        if (end - i < 2) {
            return false;
        }
        char decoded;
        switch (b[i + 1]) {
            case '"' -> decoded = '"';
            case '\\' -> decoded = '\\';
            case '/' -> decoded = '/';
            case 'b' -> decoded = '\b';
            case 'f' -> decoded = '\f';
            case 'n' -> decoded = '\n';
            case 'r' -> decoded = '\r';
            case 't' -> decoded = '\t';
            case 'u' -> {
                if (end - i < 6) {
                    return false;
                }
                int value = 0;
                for (int k = 2; k < 6; k++) {
                    int digit = Character.digit(b[i + k], 16);
                    if (digit < 0) {
                        return false;
                    }
                    value = value << 4 | digit;
                }
                // Like Jackson, code units are taken as they come: surrogate pairs arrive as two escapes.
                i += 4;
                decoded = (char) value;
            }
            default -> {
                return false;
            }
        }
        i += 2;
        if (into != null) {
            into.append(decoded);
        }
        return true;
    }

    /** One multi-byte UTF-8 character, strictly: no overlong forms, no surrogates, nothing past U+10FFFF. */
    private boolean utf8(int lead, CharSlice into) {
        int codePoint;
        int size;
        int min2 = 0x80;
        int max2 = 0xBF;
        if (lead >= 0xC2 && lead <= 0xDF) {
            size = 2;
            codePoint = lead & 0x1F;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            size = 3;
            codePoint = lead & 0x0F;
            if (lead == 0xE0) {
                min2 = 0xA0;
            } else if (lead == 0xED) {
                max2 = 0x9F;
            }
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            size = 4;
            codePoint = lead & 0x07;
            if (lead == 0xF0) {
                min2 = 0x90;
            } else if (lead == 0xF4) {
                max2 = 0x8F;
            }
        } else {
            return false;
        }
        if (end - i < size) {
            return false;
        }
        for (int k = 1; k < size; k++) {
            int c = b[i + k] & 0xFF;
            if (c < (k == 1 ? min2 : 0x80) || c > (k == 1 ? max2 : 0xBF)) {
                return false;
            }
            codePoint = codePoint << 6 | (c & 0x3F);
        }
        i += size;
        if (into != null) {
            if (codePoint >= 0x10000) {
                into.append(Character.highSurrogate(codePoint));
                into.append(Character.lowSurrogate(codePoint));
            } else {
                into.append((char) codePoint);
            }
        }
        return true;
    }

    final void skipWhitespace() {
        while (i < end) {
            byte c = b[i];
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return;
            }
            i++;
        }
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    // What may not directly follow a number or a literal: Jackson reads "nullx" or "1x" as one bad token.
    private static boolean isWordByte(byte c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
                || c == '.' || c == '-' || c == '+' || c < 0;
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
