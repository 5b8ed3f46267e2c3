package io.streambench.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streambench.client.sse.EventRecorder;
import io.streambench.client.sse.SseParser;
import io.streambench.client.sse.SseParsers;
import io.streambench.client.sse.StreamEvent;

import org.junit.jupiter.api.Test;

class ChunkPayloadTest {

    @Test
    void shouldHoldTheRequestedNumberOfRealisticEventsThatEveryParserReadsAlike() {
        byte[] stream = ChunkPayload.stream(SseParserBenchmark.EVENTS);
        double bytesPerEvent = (double) stream.length / SseParserBenchmark.EVENTS;
        assertTrue(bytesPerEvent > 240 && bytesPerEvent < 290, "bytes per event " + bytesPerEvent);
        var baseline = parse(SseParsers.SDK_STYLE, stream);
        assertEquals(SseParserBenchmark.EVENTS, baseline.size());
        assertTrue(baseline.get(baseline.size() - 1) instanceof StreamEvent.Done);
        assertTrue(baseline.stream().noneMatch(e -> e instanceof StreamEvent.Error));
        for (String parser : SseParsers.names()) {
            assertEquals(baseline, parse(parser, stream), parser);
        }
    }

    private static java.util.List<StreamEvent> parse(String parser, byte[] stream) {
        EventRecorder recorder = new EventRecorder();
        SseParser instance = SseParsers.create(parser, recorder);
        for (int offset = 0; offset < stream.length; offset += SseParserBenchmark.READ_BYTES) {
            instance.feed(stream, offset, Math.min(SseParserBenchmark.READ_BYTES, stream.length - offset), offset);
        }
        instance.end(stream.length);
        return recorder.events();
    }
}
