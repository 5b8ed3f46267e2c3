package io.streambench.client.sse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.streambench.client.Api;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The conformance suite streambench's own parsers pass, for a parser of yours: each recorded stream of each API
 * your parser reads ({@link ParserFactory#apis}), cut into reads every way below, must yield the expected events,
 * each with the arrival of the read whose bytes completed it. Extend it in your tests and name your parser:
 *
 * <pre>{@code
 * class MyParserConformanceTest extends ParserConformanceKit {
 *     protected ParserFactory parser() {
 *         return ParserFactory.named("com.acme.MyParser");   // or new MyParserFactory()
 *     }
 * }
 * }</pre>
 *
 * <p>How arrival is checked: read {@code k} (0-based) is fed with arrival {@code k + 1} and {@code end} with
 * {@code reads + 1}. Fed one byte at a time, the arrivals say which byte completed each event: it must be the byte
 * at which {@code sdk-style} completes it (the end of the event's blank line). Every other cut must then report
 * the read holding that byte. Cuts: one byte at a time, whole, 1,448-byte segments, 25 seeded random cut plans,
 * every single cut for streams up to {@value #EVERY_CUT_MAX_BYTES} bytes, and every pair of cuts for the small
 * streams. A parser that does not report comments ({@link ParserFactory#reportsComments}) is checked without them;
 * malformed data is compared by its kind, not its message.
 */
public abstract class ParserConformanceKit {

    private static final int EVERY_CUT_MAX_BYTES = 4096;
    private static final Map<String, List<StreamEvent>> BASELINE = new ConcurrentHashMap<>();

    /** The parser under test. */
    protected abstract ParserFactory parser();

    /** One test per recorded stream, then one per small stream cut at every pair of points. */
    @TestFactory
    public Stream<DynamicTest> conformance() {
        ParserFactory parser = parser();
        Stream<DynamicTest> streams = RecordedStreams.all().stream().filter(c -> parser.apis().contains(c.api()))
                .map(c -> DynamicTest.dynamicTest(c.toString(), () -> cutEveryWay(parser, c)));
        Stream<DynamicTest> pairs = RecordedStreams.small().stream().filter(c -> parser.apis().contains(c.api()))
                .map(c -> DynamicTest.dynamicTest(c + " (every pair of cuts)", () -> {
                    List<StreamEvent> bytewise = bytewise(parser, c);
                    for (int[] plan : Splits.everyTwoCuts(c.bytes().length)) {
                        assertPlan(parser, c, bytewise, plan);
                    }
                }));
        return Stream.concat(streams, pairs);
    }

    private static void cutEveryWay(ParserFactory parser, RecordedStreams.Case stream) {
        List<StreamEvent> bytewise = bytewise(parser, stream);
        int length = stream.bytes().length;
        List<int[]> plans = new ArrayList<>();
        plans.add(Splits.whole(length));
        plans.add(Splits.segments(length, Splits.TCP_SEGMENT_BYTES));
        plans.addAll(Splits.random(length, 20, 64, 17));
        plans.addAll(Splits.random(length, 5, 4000, 23));
        if (length <= EVERY_CUT_MAX_BYTES) {
            plans.addAll(Splits.everyCut(length));
        }
        for (int[] plan : plans) {
            assertPlan(parser, stream, bytewise, plan);
        }
    }

    /** Feeds one byte at a time; checks the events, and that each completes at the baseline's byte. */
    private static List<StreamEvent> bytewise(ParserFactory parser, RecordedStreams.Case stream) {
        byte[] bytes = stream.bytes();
        List<StreamEvent> baseline = BASELINE.computeIfAbsent(stream.toString(),
                name -> Feeding.run(ParserStrategy.SDK_STYLE, stream.api(), bytes, Splits.bytewise(bytes.length)));
        List<StreamEvent> comparable = parser.reportsComments() ? baseline : withoutComments(baseline);
        List<StreamEvent> own = run(parser, stream.api(), bytes, Splits.bytewise(bytes.length));
        List<StreamEvent> expected = parser.reportsComments() ? stream.expected() : withoutComments(stream.expected());
        assertEquals(withoutArrival(expected), withoutArrival(own), "events of " + parser.label() + " fed bytewise");
        for (int e = 0; e < own.size(); e++) {
            if (own.get(e).arrivalNanos() != comparable.get(e).arrivalNanos()) {
                fail(parser.label() + " completed event " + e + " (" + own.get(e) + ") at byte "
                        + own.get(e).arrivalNanos() + ", expected at " + comparable.get(e).arrivalNanos());
            }
        }
        return own;
    }

    private static void assertPlan(ParserFactory parser, RecordedStreams.Case stream, List<StreamEvent> bytewise,
            int[] plan) {
        List<StreamEvent> expected = new ArrayList<>();
        for (StreamEvent event : bytewise) {
            expected.add(Feeding.withArrival(event, readHolding(plan, event.arrivalNanos())));
        }
        List<StreamEvent> actual = normalized(run(parser, stream.api(), stream.bytes(), plan));
        if (!normalized(expected).equals(actual)) {
            assertEquals(normalized(expected), actual, parser.label() + " cut at " + Arrays.toString(plan));
        }
    }

    /** Read {@code k} gets arrival {@code k + 1}; {@code end} gets {@code reads + 1}. */
    private static List<StreamEvent> run(ParserFactory parser, Api api, byte[] bytes, int[] plan) {
        EventRecorder recorder = new EventRecorder();
        SseParser instance = parser.create(api, recorder);
        int reads = plan.length - 1;
        for (int k = 0; k < reads; k++) {
            instance.feed(bytes, plan[k], plan[k + 1] - plan[k], k + 1);
        }
        instance.end(reads + 1);
        return List.copyOf(recorder.events());
    }

    /** The 1-based read that holds 1-based byte {@code position}; past the end means end(). */
    private static long readHolding(int[] plan, long position) {
        int reads = plan.length - 1;
        if (position > plan[reads]) {
            return reads + 1;
        }
        int index = Arrays.binarySearch(plan, (int) position);
        return index >= 0 ? index : -index - 1;
    }

    private static List<StreamEvent> withoutComments(List<StreamEvent> events) {
        return events.stream().filter(e -> !(e instanceof StreamEvent.Comment)).toList();
    }

    private static List<StreamEvent> withoutArrival(List<StreamEvent> events) {
        return normalized(events.stream().map(e -> Feeding.withArrival(e, 0)).toList());
    }

    private static List<StreamEvent> normalized(List<StreamEvent> events) {
        return events.stream().map(Feeding::normalized).toList();
    }
}
