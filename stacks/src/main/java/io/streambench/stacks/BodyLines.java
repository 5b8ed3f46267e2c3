package io.streambench.stacks;

import io.streambench.client.sse.SendStamps;

/**
 * Reads the two lines a stack that drops SSE comments and {@code [DONE]} hides from its users, from the body bytes
 * as they are read off the socket: the mock's send stamps ({@code : t=<nanos>}, queued in order, one per event that
 * follows) and {@code data: [DONE]}. The stack then delivers its events; each takes the oldest stamp
 * ({@link #nextStamp}). Only the first bytes of each line are kept. Safe for one reading thread and one delivering
 * thread.
 */
final class BodyLines {

    private static final byte[] STAMP = {':', ' ', 't', '='};
    private static final byte[] DONE = {'d', 'a', 't', 'a', ':', ' ', '[', 'D', 'O', 'N', 'E', ']'};

    /** The start of the line being read: enough for a stamp's digits or {@code [DONE]}. */
    private final byte[] line = new byte[32];
    private int length;
    private long[] stamps = new long[16];
    private int head;
    private int size;
    private boolean done;

    /** Scans bytes just read, in order. */
    synchronized void scan(byte[] bytes, int offset, int count) {
        for (int i = offset; i < offset + count; i++) {
            byte b = bytes[i];
            if (b == '\n') {
                endLine();
            } else if (b != '\r' && length < line.length) {
                line[length++] = b;
            }
        }
    }

    private void endLine() {
        if (startsWith(STAMP)) {
            long stamp = digits();
            if (stamp != SendStamps.NONE) {
                push(stamp);
            }
        } else if (length == DONE.length && startsWith(DONE)) {
            done = true;
        }
        length = 0;
    }

    private boolean startsWith(byte[] prefix) {
        if (length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (line[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** The stamp's value, or NONE when the line holds more than digits (or was cut). */
    private long digits() {
        if (length == STAMP.length || length == line.length) {
            return SendStamps.NONE;
        }
        long value = 0;
        for (int i = STAMP.length; i < length; i++) {
            int digit = line[i] - '0';
            if (digit < 0 || digit > 9) {
                return SendStamps.NONE;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    private void push(long stamp) {
        if (size == stamps.length) {
            long[] grown = new long[size * 2];
            for (int i = 0; i < size; i++) {
                grown[i] = stamps[(head + i) % stamps.length];
            }
            stamps = grown;
            head = 0;
        }
        stamps[(head + size) % stamps.length] = stamp;
        size++;
    }

    /** The oldest stamp no event took yet, or {@link SendStamps#NONE}. */
    synchronized long nextStamp() {
        if (size == 0) {
            return SendStamps.NONE;
        }
        long stamp = stamps[head];
        head = (head + 1) % stamps.length;
        size--;
        return stamp;
    }

    /** Whether {@code data: [DONE]} was read. */
    synchronized boolean sawDone() {
        return done;
    }
}
