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

    @Test
    void shouldGiveEveryParserTheSameEventsForEveryShapeAndReadSize() {
        for (ChunkPayload.Shape shape : ChunkPayload.Shape.values()) {
            byte[] stream = ChunkPayload.stream(shape, SseParserBenchmark.EVENTS);
            var baseline = parse(SseParsers.SDK_STYLE, stream);
            assertEquals(SseParserBenchmark.EVENTS, baseline.size(), shape.name());
            assertTrue(baseline.stream().noneMatch(e -> e instanceof StreamEvent.Error), shape.name());
            for (String reads : new String[] {"segment", "whole", "small"}) {
                int[] ends = SseParserBenchmark.readEnds(reads, stream.length);
                assertEquals(stream.length, ends[ends.length - 1], reads);
                var expected = parse(SseParsers.SDK_STYLE, stream, ends);
                assertEquals(SseParserBenchmark.EVENTS, expected.size(), shape + " " + reads);
                for (String parser : SseParsers.names()) {
                    assertEquals(expected, parse(parser, stream, ends), shape + " " + reads + " " + parser);
                }
            }
        }
    }

    @Test
    void shouldNameShapesAsTheBenchmarkParametersDo() {
        assertEquals(ChunkPayload.Shape.TOOL_CALL, SseParserBenchmark.shape("tool-call"));
        assertEquals(ChunkPayload.Shape.SHORT, SseParserBenchmark.shape("short"));
    }

    private static java.util.List<StreamEvent> parse(String parser, byte[] stream, int[] ends) {
        EventRecorder recorder = new EventRecorder();
        SseParser instance = SseParsers.create(parser, recorder);
        int offset = 0;
        for (int end : ends) {
            instance.feed(stream, offset, end - offset, end);
            offset = end;
        }
        instance.end(stream.length);
        return recorder.events();
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
