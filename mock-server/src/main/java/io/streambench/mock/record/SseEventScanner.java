package io.streambench.mock.record;

import io.netty.buffer.ByteBuf;
import java.util.Arrays;

/**
 * Finds the SSE events in a byte stream, whatever the API: fed the bytes as they are written or read (split
 * anywhere), it says where each event ends and gives its data's size, a 64-bit FNV-1a hash of it and, when asked,
 * a copy. Both ends of a gateway measurement use it, the mock on what it writes and the driver on what it reads,
 * so the two sides count the same events the same way.
 *
 * <pre>
 * SseEventScanner scanner = new SseEventScanner(4096);
 * int at = buf.readerIndex();
 * int end;
 * while ((end = scanner.next(buf, at, buf.writerIndex())) >= 0) {
 *     record(scanner.dataBytes(), scanner.hash(), scanner.data());
 *     at = end;
 * }
 * </pre>
 *
 * An event is a block ended by a blank line that holds at least one {@code data} field, as the WHATWG rules
 * dispatch it: comment lines ({@code : t=...}, {@code : ping}) and blocks without data are not events. Its data
 * is the values of its data lines joined with LF, so LF, CR and CRLF line ends, and one optional space after
 * the colon, give the same size and hash. Allocates nothing per byte; a kept copy is one array per event.
 */
public final class SseEventScanner {

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    private static final byte[] DATA = {'d', 'a', 't', 'a'};

    private static final int LINE_START = 0;
    private static final int NAME = 1;
    private static final int VALUE_FIRST = 2;
    private static final int VALUE = 3;
    private static final int SKIP = 4;

    private final int keepBytes;
    private int state = LINE_START;
    private boolean afterCr;
    private int nameLength;
    private boolean nameIsData;
    private boolean blockHasData;
    private int dataLines;
    private int bytes;
    private long hash = FNV_OFFSET;
    private byte[] kept;
    private int keptLength;
    private boolean truncated;

    private int doneBytes;
    private long doneHash;
    private byte[] doneData;

    /** @param keepBytes copy at most this many bytes of each event's data; 0 to copy nothing */
    public SseEventScanner(int keepBytes) {
        if (keepBytes < 0) {
            throw new IllegalArgumentException("keepBytes must be >= 0, got " + keepBytes);
        }
        this.keepBytes = keepBytes;
        this.kept = keepBytes == 0 ? null : new byte[Math.min(keepBytes, 512)];
    }

    /**
     * Scans {@code buf} from {@code from} to {@code to} (indices, not moved) up to the end of the next event.
     *
     * @return the index just past the event's last byte, or -1 when no event ended before {@code to} (every byte
     *     up to it was consumed)
     */
    public int next(ByteBuf buf, int from, int to) {
        for (int i = from; i < to; i++) {
            byte b = buf.getByte(i);
            if (afterCr) {
                afterCr = false;
                if (b == '\n') {
                    continue; // the LF of a CRLF whose CR ended the line
                }
            }
            if (b == '\n' || b == '\r') {
                afterCr = b == '\r';
                if (endLine()) {
                    if (afterCr && i + 1 < to && buf.getByte(i + 1) == '\n') {
                        afterCr = false;
                        i++; // the event's CRLF ends here, not in the next slice
                    }
                    return i + 1;
                }
                continue;
            }
            switch (state) {
                case LINE_START -> {
                    if (b == ':') {
                        state = SKIP; // a comment
                    } else {
                        state = NAME;
                        nameLength = 0;
                        nameIsData = true;
                        name(b);
                    }
                }
                case NAME -> name(b);
                case VALUE_FIRST -> {
                    state = VALUE;
                    if (b != ' ') {
                        data(b);
                    }
                }
                case VALUE -> data(b);
                default -> {
                    // SKIP: another field's value, or a comment
                }
            }
        }
        return -1;
    }

    /** Size in bytes of the data of the event {@link #next} found last (its lines joined with LF). */
    public int dataBytes() {
        return doneBytes;
    }

    /** FNV-1a 64 of that data. */
    public long hash() {
        return doneHash;
    }

    /** A copy of that data (at most the bytes asked for), or null when nothing is kept. */
    public byte[] data() {
        return doneData;
    }

    private void name(byte b) {
        if (b == ':') {
            if (nameIsData && nameLength == DATA.length) {
                startDataLine();
                state = VALUE_FIRST;
            } else {
                state = SKIP;
            }
            return;
        }
        nameIsData &= nameLength < DATA.length && b == DATA[nameLength];
        nameLength++;
    }

    private void startDataLine() {
        if (dataLines > 0) {
            data((byte) '\n');
        }
        dataLines++;
        blockHasData = true;
    }

    private void data(byte b) {
        bytes++;
        hash = (hash ^ (b & 0xff)) * FNV_PRIME;
        if (kept != null && keptLength < keepBytes) {
            if (keptLength == kept.length) {
                kept = Arrays.copyOf(kept, Math.min(keepBytes, kept.length * 2));
            }
            kept[keptLength++] = b;
        } else if (kept != null) {
            truncated = true;
        }
    }

    /** Ends a line; true when it was the blank line that ends an event. */
    private boolean endLine() {
        int was = state;
        state = LINE_START;
        if (was == NAME && nameIsData && nameLength == DATA.length) {
            startDataLine(); // "data" alone on its line: an empty value
            return false;
        }
        if (was != LINE_START) {
            return false;
        }
        if (!blockHasData) {
            return false; // a blank line after comments or fields without data: no event
        }
        doneBytes = bytes;
        doneHash = hash;
        doneData = kept == null ? null : Arrays.copyOf(kept, keptLength);
        blockHasData = false;
        dataLines = 0;
        bytes = 0;
        hash = FNV_OFFSET;
        keptLength = 0;
        return true;
    }

    /** Whether the data of some event was longer than the bytes kept (its copy is cut). */
    public boolean truncated() {
        return truncated;
    }

    /** FNV-1a 64 of {@code bytes}, as {@link #hash()} computes it over an event's data. */
    public static long hash(byte[] bytes) {
        long h = FNV_OFFSET;
        for (byte b : bytes) {
            h = (h ^ (b & 0xff)) * FNV_PRIME;
        }
        return h;
    }
}
