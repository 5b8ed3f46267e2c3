package io.streambench.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streambench.client.Api;
import io.streambench.client.sse.EventRecorder;
import io.streambench.client.sse.MalformedPolicy;
import io.streambench.client.sse.ParserStrategy;
import io.streambench.client.sse.SseParser;
import io.streambench.client.sse.StreamEnd;
import io.streambench.client.sse.StreamEvent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Param;

/** The parser benchmark's payloads, and its parameters: what the benchmark measures is what it says. */
class ChunkPayloadTest {

    private static final Map<Api, StreamEnd> ENDS = Map.of(Api.CHAT, StreamEnd.DONE,
            Api.COMPLETIONS, StreamEnd.DONE, Api.RESPONSES, StreamEnd.RESPONSE_COMPLETED,
            Api.MESSAGES, StreamEnd.MESSAGE_STOP, Api.GEMINI, StreamEnd.BODY_END);

    @Test
    void shouldHoldTheRequestedNumberOfRealisticEventsThatEveryParserReadsAlike() {
        byte[] stream = ChunkPayload.stream(SseParserBenchmark.EVENTS);
        double bytesPerEvent = (double) stream.length / SseParserBenchmark.EVENTS;
        assertTrue(bytesPerEvent > 240 && bytesPerEvent < 290, "bytes per event " + bytesPerEvent);
        var baseline = parse(ParserStrategy.SDK_STYLE, Api.CHAT, stream);
        assertEquals(SseParserBenchmark.EVENTS, baseline.size());
        assertTrue(baseline.get(baseline.size() - 1) instanceof StreamEvent.End);
        assertTrue(baseline.stream().noneMatch(e -> e instanceof StreamEvent.Error));
        for (ParserStrategy parser : ParserStrategy.values()) {
            assertEquals(baseline, parse(parser, Api.CHAT, stream), parser.label());
        }
    }

    @Test
    void shouldGiveEveryParserTheSameEventsForEveryDialectShapeAndReadSize() {
        for (Api api : Api.values()) {
            for (ChunkPayload.Shape shape : shapes(api)) {
                String what = api.label() + " " + shape;
                byte[] stream = DialectPayload.stream(api, shape, SseParserBenchmark.EVENTS);
                assertEquals(SseParserBenchmark.EVENTS, sseEvents(stream, api), what + " SSE events");
                for (String reads : new String[] {"segment", "whole", "small"}) {
                    int[] ends = SseParserBenchmark.readEnds(reads, stream.length);
                    assertEquals(stream.length, ends[ends.length - 1], reads);
                    var expected = parse(ParserStrategy.SDK_STYLE, api, stream, ends);
                    assertTrue(expected.stream().noneMatch(e -> e instanceof StreamEvent.Error), what);
                    assertEquals(new StreamEvent.End(ENDS.get(api), stream.length), expected.get(expected.size() - 1),
                            what);
                    assertTrue(expected.stream().filter(e -> e instanceof StreamEvent.Content
                            || e instanceof StreamEvent.ToolCall).count() >= SseParserBenchmark.EVENTS - 8, what);
                    for (ParserStrategy parser : ParserStrategy.values()) {
                        if (parser.hasBlockingMode() && reads.equals("small") && api != Api.CHAT) {
                            // Thousands of thread hand-offs a stream, and the pipe does not depend on the
                            // dialect: the libraries' own reading of these reads is checked blocking, below.
                            continue;
                        }
                        assertEquals(comparable(parser, api, expected), comparable(parser, api,
                                parse(parser, api, stream, ends)), what + " " + reads + " " + parser);
                    }
                }
            }
        }
    }

    @Test
    void shouldCarryTheSameContentInEveryDialect() {
        String chat = text(Api.CHAT, ChunkPayload.Shape.SHORT);
        for (Api api : Api.values()) {
            String text = text(api, ChunkPayload.Shape.SHORT);
            // Each dialect has room for a few more or fewer content events than chat's 996.
            int common = Math.min(chat.length(), text.length()) - 200;
            assertEquals(chat.substring(0, common), text.substring(0, common), api.label());
        }
    }

    @Test
    void shouldRefuseTheShapesADialectDoesNotHaveSayingWhichHaveThem() {
        IllegalArgumentException tools = assertThrows(IllegalArgumentException.class,
                () -> DialectPayload.stream(Api.COMPLETIONS, ChunkPayload.Shape.TOOL_CALL, 1000));
        assertEquals("dialect=completions has no tool calls (legacy completions has no tools): "
                + "shape=tool-call is for chat, responses, messages, gemini", tools.getMessage());
        IllegalArgumentException padded = assertThrows(IllegalArgumentException.class,
                () -> DialectPayload.stream(Api.GEMINI, ChunkPayload.Shape.PADDED, 1000));
        assertEquals("dialect=gemini pads no event (only the OpenAI APIs send obfuscation): "
                + "shape=padded is for chat, completions, responses", padded.getMessage());
    }

    @Test
    void shouldGiveTheBlockingReadersTheEventsAndArrivalsOfPushedReadsForEveryDialectShapeAndReadSize()
            throws IOException {
        for (Api api : Api.values()) {
            for (ChunkPayload.Shape shape : shapes(api)) {
                byte[] stream = DialectPayload.stream(api, shape, SseParserBenchmark.EVENTS);
                for (String reads : new String[] {"segment", "whole", "small"}) {
                    int[] ends = SseParserBenchmark.readEnds(reads, stream.length);
                    List<StreamEvent> expected = pushedByReadNumber(api, stream, ends);
                    for (ParserStrategy library : ParserStrategy.blocking()) {
                        EventRecorder recorder = new EventRecorder();
                        PlannedReads body = new PlannedReads(stream, ends);
                        library.createBlocking(api, recorder, MalformedPolicy.SKIP).readAll(body, body::arrival);
                        assertEquals(comparable(library, api, expected), comparable(library, api, recorder.events()),
                                api + " " + shape + " " + reads + " " + library);
                    }
                }
            }
        }
    }

    @Test
    void shouldOfferEveryShapeAsABenchmarkParameter() throws NoSuchFieldException {
        assertEquals(Arrays.stream(ChunkPayload.Shape.values())
                .map(s -> s.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')).toList(),
                List.of(SseParserBenchmark.class.getField("shape").getAnnotation(Param.class).value()));
    }

    @Test
    void shouldNameShapesAsTheBenchmarkParametersDo() {
        assertEquals(ChunkPayload.Shape.TOOL_CALL, SseParserBenchmark.shape("tool-call"));
        assertEquals(ChunkPayload.Shape.SHORT, SseParserBenchmark.shape("short"));
    }

    /**
     * OkHttp's reader waits for the byte after a CR to tell CR from CRLF, so on Gemini's CRLF streams it
     * completes an event a read later when a read ends between the two (ParserConformanceTest checks that
     * exactly): its events are compared without their arrivals there.
     */
    private static List<?> comparable(ParserStrategy parser, Api api, List<StreamEvent> events) {
        if (parser != ParserStrategy.OKHTTP_SSE || api != Api.GEMINI) {
            return events;
        }
        return events.stream().map(e -> e.toString().replaceAll("arrivalNanos=\\d+", "")).toList();
    }

    private static List<ChunkPayload.Shape> shapes(Api api) {
        return Arrays.stream(ChunkPayload.Shape.values()).filter(shape -> !(shape == ChunkPayload.Shape.TOOL_CALL
                && api == Api.COMPLETIONS) && !(shape == ChunkPayload.Shape.PADDED
                && (api == Api.MESSAGES || api == Api.GEMINI))).toList();
    }

    /** The events of a body, counted as a client dispatches them: blocks ended by a blank line. */
    private static int sseEvents(byte[] stream, Api api) {
        String text = new String(stream, StandardCharsets.UTF_8);
        String blank = api == Api.GEMINI ? "\r\n\r\n" : "\n\n";
        assertTrue(text.endsWith(blank), "ends with a blank line");
        return text.split(blank, -1).length - 1;
    }

    /** The answer's text as the baseline reads it. */
    private static String text(Api api, ChunkPayload.Shape shape) {
        StringBuilder text = new StringBuilder();
        parse(ParserStrategy.SDK_STYLE, api, DialectPayload.stream(api, shape, SseParserBenchmark.EVENTS))
                .forEach(e -> {
                    if (e instanceof StreamEvent.Content content) {
                        text.append(content.text());
                    }
                });
        return text.toString();
    }

    private static List<StreamEvent> parse(ParserStrategy parser, Api api, byte[] stream, int[] ends) {
        EventRecorder recorder = new EventRecorder();
        SseParser instance = parser.create(api, recorder);
        int offset = 0;
        for (int end : ends) {
            instance.feed(stream, offset, end - offset, end);
            offset = end;
        }
        instance.end(stream.length);
        return recorder.events();
    }

    private static List<StreamEvent> parse(ParserStrategy parser, Api api, byte[] stream) {
        return parse(parser, api, stream, SseParserBenchmark.readEnds("segment", stream.length));
    }

    /** Read {@code k} fed with arrival {@code k + 1}, the end with {@code reads + 1}: as {@link PlannedReads} numbers them. */
    private static List<StreamEvent> pushedByReadNumber(Api api, byte[] stream, int[] ends) {
        EventRecorder recorder = new EventRecorder();
        SseParser instance = ParserStrategy.SDK_STYLE.create(api, recorder);
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
