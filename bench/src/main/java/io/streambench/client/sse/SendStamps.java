package io.streambench.client.sse;

/**
 * Reads the mock server's send stamp, the comment {@code : t=<nanos>} it can put before each
 * event, so a client can compare when a chunk was written with when it arrived.
 *
 * <pre>{@code
 * public void onComment(CharSequence text, long arrivalNanos) {
 *     long sentNanos = SendStamps.parse(text);
 *     if (sentNanos != SendStamps.NONE) { ... }
 * }
 * }</pre>
 */
public final class SendStamps {

    /** Returned when the comment is not a send stamp. */
    public static final long NONE = Long.MIN_VALUE;

    private SendStamps() {
    }

    /** The stamp's nanos if {@code comment} is {@code t=} and an optional minus and 1 to 18 digits, else {@link #NONE}. */
    public static long parse(CharSequence comment) {
        int length = comment.length();
        if (length < 3 || comment.charAt(0) != 't' || comment.charAt(1) != '=') {
            return NONE;
        }
        int i = 2;
        boolean negative = comment.charAt(i) == '-';
        if (negative) {
            i++;
        }
        int digits = length - i;
        // nanoTime may be negative; 18 digits always fit in a long.
        if (digits < 1 || digits > 18) {
            return NONE;
        }
        long value = 0;
        for (; i < length; i++) {
            char c = comment.charAt(i);
            if (c < '0' || c > '9') {
                return NONE;
            }
            value = value * 10 + (c - '0');
        }
        return negative ? -value : value;
    }
}
