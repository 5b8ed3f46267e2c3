package io.streambench.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streambench.client.sse.EventRecorder;
import io.streambench.client.sse.MalformedPolicy;
import io.streambench.client.sse.SseParser;
import io.streambench.client.Api;
import io.streambench.client.sse.ParserStrategy;
import io.streambench.client.sse.StreamEvent;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Param;

class ChunkPayloadTest {

    @Test
    void shouldHoldTheRequestedNumberOfRealisticEventsThatEveryParserReadsAlike() {
        byte[] stream = ChunkPayload.stream(SseParserBenchmark.EVENTS);
        double bytesPerEvent = (double) stream.length / SseParserBenchmark.EVENTS;
        assertTrue(bytesPerEvent > 240 && bytesPerEvent < 290, "bytes per event " + bytesPerEvent);
        var baseline = parse(ParserStrategy.SDK_STYLE, stream);
        assertEquals(SseParserBenchmark.EVENTS, baseline.size());
        assertTrue(baseline.get(baseline.size() - 1) instanceof StreamEvent.End);
        assertTrue(baseline.stream().noneMatch(e -> e instanceof StreamEvent.Error));
        for (ParserStrategy parser : ParserStrategy.values()) {
            assertEquals(baseline, parse(parser, stream), parser.label());
        }
    }

    @Test
    void shouldGiveEveryParserTheSameEventsForEveryShapeAndReadSize() {
        for (ChunkPayload.Shape shape : ChunkPayload.Shape.values()) {
            byte[] stream = ChunkPayload.stream(shape, SseParserBenchmark.EVENTS);
            var baseline = parse(ParserStrategy.SDK_STYLE, stream);
            assertEquals(SseParserBenchmark.EVENTS, baseline.size(), shape.name());
            assertTrue(baseline.stream().noneMatch(e -> e instanceof StreamEvent.Error), shape.name());
            for (String reads : new String[] {"segment", "whole", "small"}) {
                int[] ends = SseParserBenchmark.readEnds(reads, stream.length);
                assertEquals(stream.length, ends[ends.length - 1], reads);
                var expected = parse(ParserStrategy.SDK_STYLE, stream, ends);
                assertEquals(SseParserBenchmark.EVENTS, expected.size(), shape + " " + reads);
                for (ParserStrategy parser : ParserStrategy.values()) {
                    assertEquals(expected, parse(parser, stream, ends), shape + " " + reads + " " + parser);
                }
            }
        }
    }

    @Test
    void shouldGiveTheBlockingReadersTheEventsAndArrivalsOfPushedReadsForEveryShapeAndReadSize() throws IOException {
        for (ChunkPayload.Shape shape : ChunkPayload.Shape.values()) {
            byte[] stream = ChunkPayload.stream(shape, SseParserBenchmark.EVENTS);
            for (String reads : new String[] {"segment", "whole", "small"}) {
                int[] ends = SseParserBenchmark.readEnds(reads, stream.length);
                List<StreamEvent> expected = pushedByReadNumber(ParserStrategy.SDK_STYLE, stream, ends);
                for (ParserStrategy library : ParserStrategy.blocking()) {
                    EventRecorder recorder = new EventRecorder();
                    PlannedReads body = new PlannedReads(stream, ends);
                    library.createBlocking(Api.CHAT_COMPLETIONS, recorder, MalformedPolicy.SKIP).readAll(body, body::arrival);
                    assertEquals(expected, recorder.events(), shape + " " + reads + " " + library);
                }
            }
        }
    }

    @Test
    void shouldBenchmarkExactlyTheRegisteredParsersAndBlockingReaders() throws NoSuchFieldException {
        assertEquals(ParserStrategy.labels(), List.of(
                SseParserBenchmark.Pushed.class.getField("parser").getAnnotation(Param.class).value()));
        assertEquals(ParserStrategy.blocking().stream().map(ParserStrategy::label).toList(), List.of(
                SseParserBenchmark.Pulled.class.getField("library").getAnnotation(Param.class).value()));
    }

    @Test
    void shouldNameShapesAsTheBenchmarkParametersDo() {
        assertEquals(ChunkPayload.Shape.TOOL_CALL, SseParserBenchmark.shape("tool-call"));
        assertEquals(ChunkPayload.Shape.SHORT, SseParserBenchmark.shape("short"));
    }

    private static java.util.List<StreamEvent> parse(ParserStrategy parser, byte[] stream, int[] ends) {
        EventRecorder recorder = new EventRecorder();
        SseParser instance = parser.create(Api.CHAT_COMPLETIONS, recorder);
        int offset = 0;
        for (int end : ends) {
            instance.feed(stream, offset, end - offset, end);
            offset = end;
        }
        instance.end(stream.length);
        return recorder.events();
    }

    private static java.util.List<StreamEvent> parse(ParserStrategy parser, byte[] stream) {
        EventRecorder recorder = new EventRecorder();
        SseParser instance = parser.create(Api.CHAT_COMPLETIONS, recorder);
        for (int offset = 0; offset < stream.length; offset += SseParserBenchmark.READ_BYTES) {
            instance.feed(stream, offset, Math.min(SseParserBenchmark.READ_BYTES, stream.length - offset), offset);
        }
        instance.end(stream.length);
        return recorder.events();
    }

    /** Read {@code k} fed with arrival {@code k + 1}, the end with {@code reads + 1}: as {@link PlannedReads} numbers them. */
    private static List<StreamEvent> pushedByReadNumber(ParserStrategy parser, byte[] stream, int[] ends) {
        EventRecorder recorder = new EventRecorder();
        SseParser instance = parser.create(Api.CHAT_COMPLETIONS, recorder);
        int offset = 0;
        long arrival = 0;
        for (int end : ends) {
            instance.feed(stream, offset, end - offset, ++arrival);
            offset = end;
        }
        instance.end(++arrival);
        return recorder.events();
    }
}
