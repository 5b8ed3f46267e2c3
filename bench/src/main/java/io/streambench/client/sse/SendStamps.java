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

    /** The stamp's nanos if {@code comment} is {@code t=}, an optional minus and digits that fit a long, else {@link #NONE}. */
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
        if (i == length) {
            return NONE;
        }
        long value = 0;
        for (; i < length; i++) {
            int digit = comment.charAt(i) - '0';
            if (digit < 0 || digit > 9 || value > (Long.MAX_VALUE - digit) / 10) {
                return NONE;
            }
            value = value * 10 + digit;
        }
        return negative ? -value : value;
    }
}
