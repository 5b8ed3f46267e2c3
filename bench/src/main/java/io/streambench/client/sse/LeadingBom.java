package io.streambench.client.sse;

/**
 * Drops a UTF-8 byte order mark (EF BB BF) at the very start of a stream, also when it is split
 * across reads. Bytes that only looked like the start of one are passed on, not lost.
 */
final class LeadingBom {

    /** Where the bytes go once the start of the stream is settled. */
    interface Target {
        void accept(byte[] bytes, int offset, int length);
    }

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private int matched;
    private boolean settled;

    /** True once the BOM was dropped or ruled out; from then on callers may bypass this class. */
    boolean settled() {
        return settled;
    }

    void feed(byte[] bytes, int offset, int length, Target target) {
        int i = offset;
        int end = offset + length;
        while (!settled && i < end) {
            if (bytes[i] == BOM[matched]) {
                i++;
                matched++;
                settled = matched == BOM.length;
            } else {
                settled = true;
                if (matched > 0) {
                    target.accept(BOM, 0, matched);
                }
            }
        }
        if (i < end) {
            target.accept(bytes, i, end - i);
        }
    }
}
