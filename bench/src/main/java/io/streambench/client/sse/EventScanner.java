package io.streambench.client.sse;

/**
 * {@code bytes-scan}'s hand-written reader of a dialect's common events, straight from the bytes into the
 * dialect's {@link EventScratch}. It checks the JSON grammar as strictly as Jackson for everything it accepts
 * and declines the rest, which Jackson then reads, so that Jackson, not the scan, has the last word on what is
 * malformed.
 */
interface EventScanner {

    /** Reads {@code bytes[offset, offset + length)} into the scratch; false means "use Jackson". */
    boolean scan(byte[] bytes, int offset, int length);
}
