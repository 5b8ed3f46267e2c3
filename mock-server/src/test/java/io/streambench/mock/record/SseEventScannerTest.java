package io.streambench.mock.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseEventScannerTest {

    /** One found event: its data as text, size, hash, and where in the input it ended. */
    private record Found(String data, int bytes, long hash, int endOffset) {
    }

    private static List<Found> scan(String text, int... cuts) {
        byte[] all = text.getBytes(StandardCharsets.UTF_8);
        SseEventScanner scanner = new SseEventScanner(1 << 16);
        List<Found> found = new ArrayList<>();
        int from = 0;
        List<Integer> bounds = new ArrayList<>();
        for (int c : cuts) {
            bounds.add(c);
        }
        bounds.add(all.length);
        for (int to : bounds) {
            ByteBuf piece = Unpooled.wrappedBuffer(all, from, to - from);
            int at = piece.readerIndex();
            int end;
            while ((end = scanner.next(piece, at, piece.writerIndex())) >= 0) {
                found.add(new Found(new String(scanner.data(), StandardCharsets.UTF_8), scanner.dataBytes(),
                        scanner.hash(), from + end));
                at = end;
            }
            from = to;
        }
        return found;
    }

    @Test
    void shouldFindEachEventWithItsDataWhateverTheLineEnds() {
        for (String nl : new String[] {"\n", "\r\n", "\r"}) {
            String stream = ": t=123" + nl + "data: {\"a\":1}" + nl + nl + "event: ping" + nl + "data: {}" + nl + nl
                    + "data: [DONE]" + nl + nl;
            List<Found> found = scan(stream);
            assertEquals(List.of("{\"a\":1}", "{}", "[DONE]"), found.stream().map(Found::data).toList(), nl);
            assertEquals(stream.length(), found.get(2).endOffset(), "the last event ends with the stream");
        }
    }

    @Test
    void shouldNotCountCommentsOrBlocksWithoutData() {
        List<Found> found = scan(": ping\n\n: t=1\n\nevent: x\nid: 3\n\nretry: 10\n\ndata:x\n\n");
        assertEquals(List.of("x"), found.stream().map(Found::data).toList());
    }

    @Test
    void shouldJoinDataLinesWithLineFeedsAndSkipOneSpaceAfterTheColon() {
        List<Found> found = scan("data:  two spaces\ndata:second\ndata\n\n");
        assertEquals(" two spaces\nsecond\n", found.get(0).data());
        assertEquals(found.get(0).data().getBytes(StandardCharsets.UTF_8).length, found.get(0).bytes());
    }

    @Test
    void shouldFindTheSameEventsAtTheSameEndsWhereverTheBytesAreCut() {
        String stream = "data: {\"x\":\"\u00e9\u4e2d\"}\r\n\r\n: ping\r\n\r\nevent: e\r\ndata: [DONE]\r\n\r\n";
        List<Found> whole = scan(stream);
        int length = stream.getBytes(StandardCharsets.UTF_8).length;
        for (int a = 1; a < length; a++) {
            for (int b = a; b < length; b += 7) {
                List<Found> cut = scan(stream, a, b);
                assertEquals(whole.size(), cut.size(), "cut at " + a + " and " + b);
                for (int i = 0; i < whole.size(); i++) {
                    Found w = whole.get(i);
                    Found c = cut.get(i);
                    assertEquals(List.of(w.data(), w.bytes(), w.hash()), List.of(c.data(), c.bytes(), c.hash()));
                    // A read that stops between the blank line's CR and its LF ends the event at the CR.
                    assertTrue(c.endOffset() == w.endOffset() || (c.endOffset() == w.endOffset() - 1
                            && (c.endOffset() == a || c.endOffset() == b)), "cut at " + a + " and " + b);
                }
            }
        }
        assertEquals(2, whole.size());
    }

    @Test
    void shouldHashTheDataAsTheStaticHashDoes() {
        Found f = scan("data: hello\n\n").get(0);
        assertEquals(SseEventScanner.hash("hello".getBytes(StandardCharsets.US_ASCII)), f.hash());
        assertEquals(f.hash(), scan("data:hello\r\n\r\n").get(0).hash());
    }

    @Test
    void shouldKeepAtMostTheBytesAskedFor() {
        SseEventScanner scanner = new SseEventScanner(3);
        ByteBuf buf = Unpooled.wrappedBuffer("data: abcdef\n\n".getBytes(StandardCharsets.US_ASCII));
        scanner.next(buf, 0, buf.writerIndex());
        assertArrayEquals("abc".getBytes(StandardCharsets.US_ASCII), scanner.data());
        assertEquals(6, scanner.dataBytes());
        SseEventScanner none = new SseEventScanner(0);
        none.next(buf, 0, buf.writerIndex());
        assertEquals(null, none.data());
    }
}
