package io.streambench.client.sse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The one suite every parser passes: each recorded stream of each dialect, cut into reads every way
 * listed below, yields the expected events, and each event carries the arrival time of the read that
 * completed it. A strategy runs the streams of every dialect it claims ({@link ParserStrategy#apis}).
 *
 * <p>How arrival is checked: read {@code k} (0-based) is fed with arrival {@code k + 1} and
 * {@code end} with {@code reads + 1}. Fed one byte at a time, a parser's arrivals say which byte
 * completed each event; every other cut must then report the read holding that byte. The
 * completing bytes must be the baseline's ({@code sdk-style}), with one documented exception:
 * {@code okhttp-sse} waits for the byte after a CR.
 *
 * <p>Cuts: whole, one byte at a time, 1,448-byte segments, random reads (seeded), every single
 * cut for streams up to {@value #EVERY_CUT_MAX_BYTES} bytes, every pair of cuts for the small streams.
 * The reference adapters fed pushed reads pay two thread hand-offs per read, so they get every
 * single cut only up to {@value #ADAPTER_EVERY_CUT_MAX_BYTES} bytes, and are fed one byte at a time
 * only up to {@value #ADAPTER_BYTEWISE_MAX_BYTES} bytes; above that their cuts are checked against
 * the baseline's completing bytes. The same libraries reading a blocking body ({@link Subject})
 * pay no hand-off and get the full suite.
 */
class ParserConformanceTest {

    private static final int EVERY_CUT_MAX_BYTES = 4096;
    private static final int ADAPTER_EVERY_CUT_MAX_BYTES = 2048;
    private static final int ADAPTER_BYTEWISE_MAX_BYTES = 16 * 1024;
    private static final Map<String, List<StreamEvent>> BASELINE_BYTEWISE = new ConcurrentHashMap<>();

    static Stream<Arguments> parsersAndStreams() {
        return Subject.all().stream().flatMap(subject -> RecordedStreams.all().stream()
                .filter(c -> subject.parser().apis().contains(c.api())).map(c -> Arguments.of(subject, c)));
    }

    static Stream<Arguments> parsersAndSmallStreams() {
        return Subject.all().stream().flatMap(subject -> RecordedStreams.small().stream()
                .filter(c -> subject.parser().apis().contains(c.api())).map(c -> Arguments.of(subject, c)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("parsersAndStreams")
    void shouldReportTheSameEventsHoweverTheStreamIsCut(Subject parser, RecordedStreams.Case stream) {
        List<StreamEvent> bytewise = checkBytewise(parser, stream);
        List<int[]> plans = new ArrayList<>();
        int length = stream.bytes().length;
        plans.add(Splits.whole(length));
        plans.add(Splits.segments(length, Splits.TCP_SEGMENT_BYTES));
        plans.addAll(Splits.random(length, 20, 64, 17));
        plans.addAll(Splits.random(length, 5, 4000, 23));
        if (length <= (parser.threadBridged() ? ADAPTER_EVERY_CUT_MAX_BYTES : EVERY_CUT_MAX_BYTES)) {
            plans.addAll(Splits.everyCut(length));
        }
        for (int[] plan : plans) {
            assertPlan(parser, stream, bytewise, plan);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("parsersAndSmallStreams")
    void shouldReportTheSameEventsForEveryPairOfCuts(Subject parser, RecordedStreams.Case stream) {
        List<StreamEvent> bytewise = checkBytewise(parser, stream);
        for (int[] plan : Splits.everyTwoCuts(stream.bytes().length)) {
            assertPlan(parser, stream, bytewise, plan);
        }
    }

    /** Feeds one byte at a time; checks the events and that the completing bytes are the baseline's. */
    private static List<StreamEvent> checkBytewise(Subject parser, RecordedStreams.Case stream) {
        byte[] bytes = stream.bytes();
        List<StreamEvent> baseline = BASELINE_BYTEWISE.computeIfAbsent(stream.toString(),
                name -> Feeding.run(ParserStrategy.SDK_STYLE, stream.api(), bytes, Splits.bytewise(bytes.length)));
        List<StreamEvent> comparable = parser.parser().reportsComments() ? baseline : withoutComments(baseline);
        if (parser.threadBridged() && bytes.length > ADAPTER_BYTEWISE_MAX_BYTES) {
            return comparable;
        }
        List<StreamEvent> own = parser.run(stream.api(), bytes, Splits.bytewise(bytes.length));
        assertEquals(expected(parser, stream), withoutArrival(own), "events of " + parser + " fed bytewise");
        for (int e = 0; e < own.size(); e++) {
            long ownArrival = own.get(e).arrivalNanos();
            long baseArrival = comparable.get(e).arrivalNanos();
            boolean crLookahead = parser.parser() == ParserStrategy.OKHTTP_SSE && ownArrival == baseArrival + 1
                    && bytes[(int) baseArrival - 1] == '\r';
            if (ownArrival != baseArrival && !crLookahead) {
                fail(parser + " completed event " + e + " (" + own.get(e) + ") at byte " + ownArrival
                        + ", baseline at " + baseArrival);
            }
        }
        return own;
    }

    private static void assertPlan(Subject parser, RecordedStreams.Case stream, List<StreamEvent> bytewise,
                                   int[] plan) {
        List<StreamEvent> expected = new ArrayList<>();
        for (StreamEvent event : bytewise) {
            expected.add(Feeding.withArrival(event, readHolding(plan, event.arrivalNanos())));
        }
        List<StreamEvent> actual = normalized(parser.run(stream.api(), stream.bytes(), plan));
        if (!expected.equals(actual)) {
            assertEquals(normalized(expected), actual, parser + " cut at " + Arrays.toString(plan));
        }
    }

    /** The 1-based read that holds 1-based byte {@code position}; past the end means end(). */
    private static long readHolding(int[] plan, long position) {
        int reads = plan.length - 1;
        if (position > plan[reads]) {
            return reads + 1;
        }
        // Read j (0-based) holds bytes plan[j] < p <= plan[j + 1]; it was fed with arrival j + 1.
        int index = Arrays.binarySearch(plan, (int) position);
        return index >= 0 ? index : -index - 1;
    }

    private static List<StreamEvent> expected(Subject parser, RecordedStreams.Case stream) {
        List<StreamEvent> expected = stream.expected();
        return parser.parser().reportsComments() ? expected : withoutComments(expected);
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
