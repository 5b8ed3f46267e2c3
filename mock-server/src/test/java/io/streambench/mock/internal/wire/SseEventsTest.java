package io.streambench.mock.internal.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SseEventsTest {

    private static final byte[] MESSAGE_START = SseEvents.ascii("message_start");

    private final ByteBuf out = Unpooled.buffer();

    @AfterEach
    void release() {
        out.release();
    }

    private String written() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void shouldFrameDataOnlyAndTypedEventsAndCountThemAsSequenceNumbers() {
        SseEvents sse = new SseEvents(false, false);
        assertEquals(0, sse.sequence());
        sse.begin(out);
        out.writeBytes("{}".getBytes(StandardCharsets.US_ASCII));
        sse.end(out);
        sse.begin(out, MESSAGE_START);
        out.writeBytes("{\"type\":\"message_start\"}".getBytes(StandardCharsets.US_ASCII));
        sse.end(out);
        assertEquals("data: {}\n\nevent: message_start\ndata: {\"type\":\"message_start\"}\n\n", written());
        assertEquals(2, sse.sequence());
    }

    @Test
    void shouldEndEveryLineWithCrlfForApisThatDo() {
        SseEvents sse = new SseEvents(true, true);
        sse.stampAt(5);
        sse.begin(out);
        out.writeBytes("{}".getBytes(StandardCharsets.US_ASCII));
        sse.end(out);
        sse.begin(out, MESSAGE_START);
        sse.end(out);
        assertEquals(": t=5\r\ndata: {}\r\n\r\n: t=5\r\nevent: message_start\r\ndata: \r\n\r\n", written());
    }

    @Test
    void shouldStampEveryEventWithTheTimeOfItsStepWhenAsked() {
        SseEvents sse = new SseEvents(true, false);
        sse.stampAt(-1234567890123L);
        sse.begin(out, MESSAGE_START);
        sse.end(out);
        sse.stampAt(7);
        sse.begin(out);
        sse.end(out);
        assertEquals(": t=-1234567890123\nevent: message_start\ndata: \n\n: t=7\ndata: \n\n", written());
    }

    @Test
    void shouldWriteLongsInDecimal() {
        for (long v : new long[] {0, 9, 10, 99, 100, Long.MAX_VALUE, -1, Long.MIN_VALUE + 1}) {
            out.clear();
            SseEvents.writeLong(out, v);
            assertEquals(Long.toString(v), written());
        }
    }
}
