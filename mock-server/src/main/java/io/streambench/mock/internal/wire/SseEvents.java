package io.streambench.mock.internal.wire;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/**
 * The SSE lines around each event of one stream, the same for every API: the {@code : t=} send stamp when
 * the stream carries stamps, an optional {@code event:} line, {@code data: }, and the blank line that ends
 * the event, with the API's line ends (LF, or CRLF for Gemini). It counts the events it ends, which is each
 * event's sequence number for APIs that send one.
 *
 * <pre>
 * sse.stampAt(nowNanos);            // once per step: the send time written before each event
 * sse.begin(out, MESSAGE_START);    // ": t=...\nevent: message_start\ndata: "
 * out.writeBytes(json);
 * sse.end(out);                     // "\n\n"
 * </pre>
 *
 * Writes bytes only, so an event costs no allocation here.
 */
final class SseEvents {

    private static final byte[] DATA = ascii("data: ");
    private static final byte[] EVENT = ascii("event: ");
    private static final byte[] STAMP = ascii(": t=");
    private static final byte[] LF = ascii("\n");
    private static final byte[] CRLF = ascii("\r\n");

    private final boolean stamps;
    private final byte[] lineEnd;
    private long stampNanos;
    private long ended;

    /**
     * @param stamps precede each event with {@code : t=<send time>}
     * @param crlf end lines with CRLF instead of LF
     */
    SseEvents(boolean stamps, boolean crlf) {
        this.stamps = stamps;
        this.lineEnd = crlf ? CRLF : LF;
    }

    /** The send time written before the events that follow (the time of the step being written). */
    void stampAt(long nanos) {
        this.stampNanos = nanos;
    }

    /** Starts an event without an {@code event:} line (chat completions, Gemini, legacy completions). */
    void begin(ByteBuf out) {
        stamp(out);
        out.writeBytes(DATA);
    }

    /**
     * Starts a typed event (the Responses API, Anthropic Messages).
     *
     * @param type the ASCII bytes of the event's type, encoded once
     */
    void begin(ByteBuf out, byte[] type) {
        stamp(out);
        out.writeBytes(EVENT);
        out.writeBytes(type);
        out.writeBytes(lineEnd);
        out.writeBytes(DATA);
    }

    /** Ends the event begun last (its data line and the blank line) and counts it. */
    void end(ByteBuf out) {
        out.writeBytes(lineEnd);
        out.writeBytes(lineEnd);
        ended++;
    }

    /** Events ended so far in this stream: the {@code sequence_number} of the next one, counting from 0. */
    long sequence() {
        return ended;
    }

    private void stamp(ByteBuf out) {
        if (stamps) {
            out.writeBytes(STAMP);
            writeLong(out, stampNanos);
            out.writeBytes(lineEnd);
        }
    }

    /** Writes a long in decimal without allocating ({@code System.nanoTime()} may be negative). */
    static void writeLong(ByteBuf out, long v) {
        if (v < 0) {
            out.writeByte('-');
            v = -v;
        }
        long div = 1;
        while (v / div >= 10) {
            div *= 10;
        }
        while (div > 0) {
            out.writeByte((int) ('0' + (v / div) % 10));
            div /= 10;
        }
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
