package io.streambench.mock.wire;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/**
 * The SSE lines around each event of one stream, the same for every API: the {@code : t=} send stamp when
 * the stream carries stamps, an optional {@code event:} line, {@code data: }, and the blank line that ends
 * the event. It counts the events it ends, which is each event's sequence number for APIs that send one.
 *
 * <pre>
 * sse.stampAt(nowNanos);                 // once per step: the send time written before each event
 * sse.begin(out, MESSAGE_START_EVENT);   // ": t=...\nevent: message_start\ndata: "
 * out.writeBytes(json);
 * sse.end(out);                          // "\n\n"
 * </pre>
 *
 * Writes bytes only, so an event costs no allocation here.
 */
final class SseEvents {

    private static final byte[] DATA = ascii("data: ");
    private static final byte[] STAMP = ascii(": t=");
    private static final byte[] END = ascii("\n\n");

    private final boolean stamps;
    private long stampNanos;
    private long ended;

    /** @param stamps precede each event with {@code : t=<send time>} */
    SseEvents(boolean stamps) {
        this.stamps = stamps;
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
     * @param eventLine {@code event: <type>\n}, made once with {@link #eventLine}
     */
    void begin(ByteBuf out, byte[] eventLine) {
        stamp(out);
        out.writeBytes(eventLine);
        out.writeBytes(DATA);
    }

    /** Ends the event begun last and counts it. */
    void end(ByteBuf out) {
        out.writeBytes(END);
        ended++;
    }

    /** Events ended so far in this stream: the {@code sequence_number} of the next one, counting from 0. */
    long sequence() {
        return ended;
    }

    /** The pre-encoded {@code event:} line for {@code type}. */
    static byte[] eventLine(String type) {
        return ascii("event: " + type + "\n");
    }

    private void stamp(ByteBuf out) {
        if (stamps) {
            out.writeBytes(STAMP);
            writeLong(out, stampNanos);
            out.writeByte('\n');
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

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
