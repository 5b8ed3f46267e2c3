package io.streambench.client.sse;

import static io.streambench.client.sse.RecordedStreams.content;
import static io.streambench.client.sse.RecordedStreams.done;
import static io.streambench.client.sse.RecordedStreams.malformedError;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;

import io.streambench.client.Api;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What every parser does besides reporting the right events: policies, buffers, bad input. */
class SseParserBehaviourTest {

    static List<ParserStrategy> parsers() {
        return List.of(ParserStrategy.values());
    }

    /** The strategies fed pushed reads and the reference libraries reading a blocking body. */
    static List<Subject> subjects() {
        return Subject.all();
    }

    @ParameterizedTest
    @MethodSource("subjects")
    void shouldDeliverNothingAfterMalformedDataWhenPolicyIsStop(Subject parser) {
        byte[] bytes = Wire.lf()
                .event(Wire.contentChunk(0, "before"))
                .event("{\"choices\":[")
                .line(": after")
                .event(Wire.contentChunk(0, "after"))
                .event("[DONE]")
                .bytes();
        List<StreamEvent> events = parser.run(Api.CHAT, bytes, Splits.whole(bytes.length), MalformedPolicy.STOP);
        assertEquals(List.of(Feeding.withArrival(content(0, "before"), 1), Feeding.withArrival(malformedError(), 1)),
                events.stream().map(Feeding::normalized).toList());
    }

    @ParameterizedTest
    @MethodSource("subjects")
    void shouldGoOnAfterMalformedDataByDefault(Subject parser) {
        byte[] bytes = Wire.lf().event("not json").event(Wire.contentChunk(0, "after")).event("[DONE]").bytes();
        List<StreamEvent> events = parser.run(Api.CHAT, bytes, Splits.whole(bytes.length));
        assertEquals(List.of(malformedError(), content(0, "after"), done()),
                events.stream().map(e -> Feeding.normalized(Feeding.withArrival(e, 0))).toList());
    }

    @ParameterizedTest
    @MethodSource("parsers")
    void shouldReadHeapDirectAndCompositeBuffersAlikeWithoutReleasingThem(ParserStrategy parser) {
        byte[] bytes = Wire.crlf().event(Wire.roleChunk(0)).event(Wire.contentChunk(0, "héllo 😀"))
                .event("[DONE]").bytes();
        int cut = bytes.length / 2 + 1;
        ByteBuf heap = Unpooled.wrappedBuffer(bytes, 0, cut);
        ByteBuf direct = PooledByteBufAllocator.DEFAULT.directBuffer().writeBytes(bytes, cut, 7);
        CompositeByteBuf composite = Unpooled.compositeBuffer();
        composite.addComponent(true, Unpooled.wrappedBuffer(bytes, cut + 7, 3));
        composite.addComponent(true, Unpooled.wrappedBuffer(bytes, cut + 10, bytes.length - cut - 10));
        EventRecorder recorder = new EventRecorder();
        SseParser instance = parser.create(Api.CHAT, recorder);
        try {
            instance.feed(heap, 1);
            instance.feed(direct, 2);
            instance.feed(composite, 3);
            instance.end(4);
            assertEquals(0, heap.readerIndex(), "indices untouched");
            assertEquals(1, direct.refCnt(), "caller still owns the buffer");
        } finally {
            heap.release();
            direct.release();
            composite.release();
        }
        assertEquals(Feeding.run(parser, Api.CHAT, bytes, Splits.at(bytes.length, cut, cut + 7)),
                recorder.events());
    }

    @ParameterizedTest
    @MethodSource("subjects")
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldNeverThrowOnGarbageOrCorruptedStreams(Subject parser) {
        Random random = new Random(99);
        List<RecordedStreams.Case> inputs = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            byte[] noise = new byte[1 + random.nextInt(400)];
            random.nextBytes(noise);
            // Noise in every dialect, a stream corrupted in its own.
            inputs.add(new RecordedStreams.Case("noise", Api.values()[i % Api.values().length], noise, List.of()));
        }
        for (RecordedStreams.Case stream : RecordedStreams.all()) {
            if (stream.bytes().length > 8192) {
                continue;
            }
            for (int i = 0; i < 5; i++) {
                byte[] corrupted = stream.bytes().clone();
                for (int flips = 0; flips < 1 + corrupted.length / 50; flips++) {
                    corrupted[random.nextInt(corrupted.length)] = (byte) random.nextInt(256);
                }
                inputs.add(new RecordedStreams.Case(stream.name(), stream.api(), corrupted, List.of()));
            }
        }
        for (RecordedStreams.Case input : inputs) {
            int[] plan = Splits.random(input.bytes().length, 1, 32, input.bytes().length).get(0);
            assertDoesNotThrow(() -> parser.run(input.api(), input.bytes(), plan), input.toString());
        }
    }

    @ParameterizedTest
    @MethodSource("subjects")
    @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void shouldEndCleanlyWhenTheBodyStopsAfterABareCr(Subject parser) {
        byte[] bytes = Wire.cr().event(Wire.contentChunk(0, "x")).bytes();
        List<StreamEvent> events = parser.run(Api.CHAT, bytes, Splits.whole(bytes.length));
        assertEquals(1, events.size());
    }

    @Test
    void shouldDropCommentsOnlyInTheOkHttpAdapterBecauseItsReaderSkipsThem() {
        byte[] bytes = Wire.lf().line(": t=7").event("[DONE]").bytes();
        assertEquals(List.of(new StreamEvent.End(StreamEnd.DONE, 1)),
                Feeding.run(ParserStrategy.OKHTTP_SSE, Api.CHAT, bytes, Splits.whole(bytes.length)));
        assertFalse(ParserStrategy.OKHTTP_SSE.reportsComments());
        Arrays.stream(ParserStrategy.values()).filter(strategy -> strategy != ParserStrategy.OKHTTP_SSE)
                .forEach(strategy -> assertTrue(strategy.reportsComments(), strategy.label()));
    }

    @Test
    void shouldNameEveryStrategyAndRejectUnknownNames() {
        assertEquals(List.of("sdk-style", "lines-streaming", "bytes-jackson", "bytes-nonblocking", "bytes-scan",
                "okhttp-sse", "launchdarkly"), ParserStrategy.labels());
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ParserStrategy.named("bytes-magic"));
        assertTrue(error.getMessage().startsWith("unknown parser=bytes-magic, known=[sdk-style"), error.getMessage());
        assertEquals(List.of(ParserStrategy.OKHTTP_SSE, ParserStrategy.LAUNCHDARKLY), ParserStrategy.blocking());
        UnsupportedOperationException blocking = assertThrows(UnsupportedOperationException.class,
                () -> ParserStrategy.SDK_STYLE.createBlocking(Api.CHAT, new EventRecorder(),
                        MalformedPolicy.SKIP));
        assertEquals("parser=sdk-style has no blocking mode, those that have: [okhttp-sse, launchdarkly]",
                blocking.getMessage());
        for (ParserStrategy strategy : ParserStrategy.values()) {
            assertEquals(EnumSet.allOf(Api.class), strategy.apis(), strategy.label());
        }
    }

    @Test
    void shouldReadSendStampsAndNothingElse() {
        assertEquals(1732406400123456789L, SendStamps.parse("t=1732406400123456789"));
        assertEquals(-42, SendStamps.parse("t=-42"));
        assertEquals(SendStamps.NONE, SendStamps.parse("t="));
        assertEquals(SendStamps.NONE, SendStamps.parse("t=12x"));
        assertEquals(SendStamps.NONE, SendStamps.parse("keep-alive"));
        assertEquals(SendStamps.NONE, SendStamps.parse("t=12345678901234567890"));
    }

    @Test
    void shouldScanCommonChunksByHandAndLeaveTheRestToJackson() {
        ChunkScanner scanner = new ChunkScanner(new ChunkScratch());
        assertTrue(scan(scanner, Wire.contentChunk(0, "héllo \"😀\"")));
        assertTrue(scan(scanner, Wire.roleChunk(0)));
        assertTrue(scan(scanner, Wire.finishChunk(0, "stop")));
        assertTrue(scan(scanner, "{\"choices\":[{\"index\":1,\"delta\":{\"content\":\"x\"},\"usage\":null}],\"usage\":null}"));
        assertFalse(scan(scanner, Wire.usageChunk(1, 2)), "usage object");
        assertFalse(scan(scanner, "{\"error\":{\"message\":\"m\"}}"), "error object");
        assertFalse(scan(scanner, "{\"choices\":[{\"delta\":{\"tool_calls\":[]}}]}"), "tool calls");
        assertFalse(scan(scanner, "{\"choices\":[{\"delta\":{\"con\\u0074ent\":\"x\"}}]}"), "escaped key");
        assertFalse(scan(scanner, "{\"choices\":[{\"index\":-1}]}"), "negative index");
        assertFalse(scan(scanner, "{\"a\":\"\\x\"}"), "bad escape");
        assertFalse(scan(scanner, "{\"a\":01}"), "leading zero");
        assertFalse(scan(scanner, "{\"a\":1,}"), "trailing comma");
        assertFalse(scan(scanner, "{} x"), "trailing data");
        byte[] overlong = {'{', '"', 'a', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'};
        assertFalse(scanner.scan(overlong, 0, overlong.length), "overlong UTF-8");
    }

    @Test
    void shouldScanEachDialectsTokenEventsByHandAndLeaveTheRestToJackson() {
        ResponsesScanner responses = new ResponsesScanner(new ResponsesScratch());
        assertTrue(scan(responses, "{\"type\":\"response.output_text.delta\",\"item_id\":\"msg_1\",\"output_index\":0,"
                + "\"content_index\":0,\"delta\":\"Fog\",\"logprobs\":[],\"obfuscation\":\"a9Xk1\",\"sequence_number\":4}"));
        assertTrue(scan(responses, "{\"type\":\"response.content_part.added\",\"item_id\":\"msg_1\",\"output_index\":0,"
                + "\"content_index\":0,\"part\":{\"type\":\"output_text\",\"annotations\":[],\"text\":\"\"},\"sequence_number\":3}"));
        assertFalse(scan(responses, "{\"type\":\"response.output_item.added\",\"output_index\":0,\"item\":{}}"), "item");
        assertFalse(scan(responses, "{\"type\":\"response.completed\",\"response\":{}}"), "response");
        assertFalse(scan(responses, "{\"type\":\"error\",\"code\":\"x\",\"message\":\"m\"}"), "flat error");
        assertFalse(scan(responses, "{\"type\":\"x\",\"a\":" + "[".repeat(40) + "]".repeat(40) + "}"), "too deep");
        MessagesScanner messages = new MessagesScanner(new MessagesScratch());
        assertTrue(scan(messages, "{\"type\":\"content_block_delta\",\"index\":1,\"delta\":{\"type\":\"input_json_delta\","
                + "\"partial_json\":\"{\\\"city\\\": \"}}"));
        assertTrue(scan(messages, "{\"type\":\"message_stop\"}"));
        assertFalse(scan(messages, "{\"type\":\"message_start\",\"message\":{}}"), "message");
        assertFalse(scan(messages, "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{}}"), "block");
        assertFalse(scan(messages, "{\"type\":\"message_delta\",\"delta\":{},\"usage\":{\"output_tokens\":9}}"), "usage");
        GeminiScanner gemini = new GeminiScanner(new GeminiScratch());
        assertTrue(scan(gemini, "{\"candidates\": [{\"content\": {\"parts\": [{\"text\": \"Fog\",\"thought\": true,"
                + "\"thoughtSignature\": \"c2ln\"}],\"role\": \"model\"},\"finishReason\": \"STOP\",\"index\": 0}],"
                + "\"usageMetadata\": {\"promptTokenCount\": 9,\"candidatesTokenCount\": 6,\"totalTokenCount\": 42,"
                + "\"promptTokensDetails\": [{\"modality\": \"TEXT\",\"tokenCount\": 9}],\"thoughtsTokenCount\": 27},"
                + "\"modelVersion\": \"gemini-2.5-flash\",\"responseId\": \"q7Rk\"}"));
        assertFalse(scan(gemini, "{\"candidates\": [{\"content\": {\"parts\": [{\"functionCall\": {\"name\": \"f\","
                + "\"args\": {}}}]}}]}"), "function call");
        assertFalse(scan(gemini, "{\"error\": {\"code\": 503}}"), "error");
        assertFalse(scan(gemini, "{\"usageMetadata\": {\"totalTokenCount\": 12345678901}}"), "count past 9 digits");
    }

    private static boolean scan(EventScanner scanner, String json) {
        byte[] bytes = RecordedStreams.utf8(json);
        return scanner.scan(bytes, 0, bytes.length);
    }
}
