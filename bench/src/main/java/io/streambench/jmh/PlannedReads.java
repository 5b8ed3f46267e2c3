package io.streambench.jmh;

import java.io.InputStream;
import java.util.Objects;

/**
 * A stream's bytes as a blocking body that arrives in planned reads, as a socket would deliver
 * them: a {@code read} never returns bytes of more than one planned read, and {@link #arrival}
 * says which read the bytes last returned came from. Read {@code k} (0-based) has arrival
 * {@code k + 1} and the end of the stream {@code reads + 1}: the numbering the pushed
 * {@code SseParser.feed} calls get in {@link SseParserBenchmark} and in the conformance suite, so
 * a blocking reader over this stream reports the same arrivals as a parser fed the same reads.
 * Reusable with {@link #rewind}; reads allocate nothing.
 *
 * <pre>{@code
 * PlannedReads body = new PlannedReads(bytes, new int[] {1448, 2896, bytes.length});
 * reader.readAll(body, body::arrival);
 * }</pre>
 */
public final class PlannedReads extends InputStream {

    private final byte[] bytes;
    private final int[] readEnds;
    private int position;
    private int read;
    private long arrival;

    /**
     * @param readEnds where each read ends, ascending (equal neighbours are empty reads, skipped),
     *                 the last one {@code bytes.length}
     */
    public PlannedReads(byte[] bytes, int[] readEnds) {
        int previous = 0;
        for (int end : readEnds) {
            if (end < previous || end > bytes.length) {
                throw new IllegalArgumentException("readEnds must ascend within 0.." + bytes.length + ": end=" + end);
            }
            previous = end;
        }
        if (previous != bytes.length) {
            throw new IllegalArgumentException("last read end=" + previous + ", expected length=" + bytes.length);
        }
        this.bytes = bytes;
        this.readEnds = readEnds.clone();
    }

    /** Back to the start, to be read again. */
    public void rewind() {
        position = 0;
        read = 0;
        arrival = 0;
    }

    /** The 1-based number of the read the bytes last returned belong to; reads + 1 once the end was returned. */
    public long arrival() {
        return arrival;
    }

    @Override
    public int read() {
        if (!nextBytes()) {
            return -1;
        }
        return bytes[position++] & 0xFF;
    }

    @Override
    public int read(byte[] into, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, into.length);
        if (length == 0) {
            return 0;
        }
        if (!nextBytes()) {
            return -1;
        }
        int n = Math.min(length, readEnds[read] - position);
        System.arraycopy(bytes, position, into, offset, n);
        position += n;
        return n;
    }

    /** Moves past used-up and empty reads; false at the end of the stream. */
    private boolean nextBytes() {
        while (read < readEnds.length && position == readEnds[read]) {
            read++;
        }
        arrival = read + 1L;
        return read < readEnds.length;
    }
}
