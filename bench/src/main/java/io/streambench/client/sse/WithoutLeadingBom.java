package io.streambench.client.sse;

import java.io.IOException;
import java.io.InputStream;

/**
 * A body without its leading UTF-8 byte order mark (EF BB BF), for the reference readers, which
 * would read it as part of the first field name. The start is read a byte at a time until the BOM
 * is matched or ruled out, so no more is read ahead than the decision needs; bytes that only looked
 * like the start of a BOM are passed on, not lost. {@link LeadingBom} does the same for pushed bytes.
 */
final class WithoutLeadingBom extends InputStream {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final InputStream in;
    private boolean settled;
    // What was read while settling and is not a BOM: at most the BOM's first two bytes and one more.
    private final byte[] held = new byte[BOM.length];
    private int heldFrom;
    private int heldTo;

    WithoutLeadingBom(InputStream in) {
        this.in = in;
    }

    @Override
    public int read() throws IOException {
        settle();
        if (heldFrom < heldTo) {
            return held[heldFrom++] & 0xFF;
        }
        return in.read();
    }

    @Override
    public int read(byte[] into, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        settle();
        if (heldFrom < heldTo) {
            int n = Math.min(length, heldTo - heldFrom);
            System.arraycopy(held, heldFrom, into, offset, n);
            heldFrom += n;
            return n;
        }
        return in.read(into, offset, length);
    }

    private void settle() throws IOException {
        int matched = 0;
        while (!settled) {
            int b = in.read();
            if (b == (BOM[matched] & 0xFF)) {
                settled = ++matched == BOM.length;
            } else {
                settled = true;
                System.arraycopy(BOM, 0, held, 0, matched);
                heldTo = matched;
                if (b >= 0) {
                    held[heldTo++] = (byte) b;
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
