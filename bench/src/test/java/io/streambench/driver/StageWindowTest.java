package io.streambench.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.streambench.client.sse.TokenUsage;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Tokens, chunks and bytes count at their arrival, in the phase their arrival falls in. */
class StageWindowTest {

    private static final long S = 1_000_000_000L;

    @Test
    void shouldPutEachArrivalInThePhaseOfItsTimestamp() {
        // warmup [0, 1 s), window [1 s, 3 s), drain after
        StageWindow w = new StageWindow(0, S, 2 * S);
        w.arrived(1, S / 2);
        w.arrived(2, S);
        w.arrived(3, 3 * S - 1);
        w.arrived(4, 3 * S);
        w.read(100, 2 * S);
        w.ended(true, 2 * S);
        w.ended(false, 2 * S);
        w.ended(true, 4 * S);
        w.endStage(5 * S);

        StageWindow.Figures f = w.figures();
        assertEquals(1.0, f.warmupSeconds());
        assertEquals(2.0, f.windowSeconds());
        assertEquals(2.0, f.drainSeconds());
        assertEquals(new StageWindow.Counts(0, 0, 1, 1, 0), f.warmup());
        assertEquals(new StageWindow.Counts(2, 1, 5, 2, 100), f.window());
        assertEquals(new StageWindow.Counts(1, 1, 4, 1, 0), f.drain());
        assertEquals(2.5, f.tokensPerSecond());
        assertEquals(0.5, f.requestsPerSecond());
        assertEquals(10, w.tokens());
    }

    @Test
    void shouldEndTheWindowWhenTheStageStopsSendingBeforeItsDeadline() {
        StageWindow w = new StageWindow(0, 0, 10 * S);
        w.endWindow(4 * S);
        w.endWindow(6 * S);   // a later end changes nothing
        w.arrived(1, 5 * S);
        w.endStage(7 * S);

        StageWindow.Figures f = w.figures();
        assertEquals(4.0, f.windowSeconds());
        assertEquals(3.0, f.drainSeconds());
        assertEquals(1, f.drain().tokens());
    }

    @Test
    void shouldHaveAnEmptyWindowWhenStoppedDuringTheWarmup() {
        StageWindow w = new StageWindow(0, 2 * S, 5 * S);
        w.endWindow(S);
        w.endStage(S + S / 2);

        StageWindow.Figures f = w.figures();
        assertEquals(1.5, f.warmupSeconds());
        assertEquals(0.0, f.windowSeconds());
        assertEquals(0.0, f.drainSeconds());
        assertTrue(Double.isNaN(f.tokensPerSecond()));
    }

    @Test
    void shouldCountEveryArrivalWithoutAllocating() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        StageWindow w = new StageWindow(0, S, 2 * S);
        for (int i = 0; i < 20_000; i++) {
            w.arrived(1, i);
            w.read(100, S + i);
        }
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 1_000_000; i++) {
            w.arrived(1, S + i);
            w.read(100, S + i);
            w.corrected(-1, 3 * S + i);
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertTrue(allocated < 1024, () -> allocated + " bytes for a million events");
        assertEquals(20_000 + 1_000_000 - 1_000_000, w.tokens());
    }

    @Test
    void shouldCountEstimatesAsEventsArriveAndEndAtTheUsageCount() {
        StageMetrics metrics = new StageMetrics(0, new Workload.Closed(1), new StageWindow(0, 0, 10 * S));
        Stage stage = new Stage(metrics, 0, new Bounds(Duration.ofSeconds(10), 0, Duration.ZERO), new AtomicLong(), 1, false, null);
        Target target = new Target(URI.create("http://127.0.0.1:9/v1/chat/completions"), Map.of(), null,
                Requests.ofPrompt("m", "Hi", 0, true), false);
        Exchange.Shared shared = new Exchange.Shared(target, Timeouts.DEFAULTS, ClientOptions.defaults(),
                new ClientStrategies(ClientOptions.defaults()), null, new DefaultHttpHeaders(), 0, e -> { });
        Exchange exchange = new Exchange(new Request(0, stage, 0, true, 1, 0, target.requests().prepare(0)), 1, shared);

        exchange.reader().onContent(0, "Hello world", S);          // two tokens by the estimator
        assertEquals(2, metrics.counters().tokens());
        exchange.reader().onContent(0, ", again", 2 * S);          // two more
        assertEquals(4, metrics.counters().tokens());
        exchange.reader().onUsage(TokenUsage.of(TokenUsage.Source.CHUNK_USAGE, 12, 7, 0, 0, 19), 3 * S); // the server: 7
        assertEquals(7, metrics.counters().tokens());
        exchange.reader().onContent(0, " late", 4 * S);            // the usage count stands
        assertEquals(7, metrics.counters().tokens());
        assertEquals(3, metrics.counters().chunks());
    }

    @Test
    void shouldKeepTheTextForAnExactCountOnlyUntilTheStageSeesUsage() {
        StageMetrics metrics = new StageMetrics(0, new Workload.Closed(1), new StageWindow(0, 0, 10 * S));
        Stage stage = new Stage(metrics, 0, new Bounds(Duration.ofSeconds(10), 0, Duration.ZERO), new AtomicLong(), 1, false,
                null);
        Target target = new Target(URI.create("http://127.0.0.1:9/v1/chat/completions"), Map.of(), null,
                Requests.ofPrompt("m", "Hi", 0, true), false);
        Exchange.Shared shared = new Exchange.Shared(target, Timeouts.DEFAULTS, ClientOptions.defaults(),
                new ClientStrategies(ClientOptions.defaults()), null, new DefaultHttpHeaders(), 0, e -> { });
        Exchange first = new Exchange(new Request(0, stage, 0, true, 1, 0, target.requests().prepare(0)), 1, shared);
        first.reader().onContent(0, "Hello", S);
        assertEquals("Hello", first.answerText(), "kept: no usage seen yet");
        first.reader().onUsage(TokenUsage.of(TokenUsage.Source.CHUNK_USAGE, 3, 1, 0, 0, 4), 2 * S);

        Exchange second = new Exchange(new Request(1, stage, 0, true, 1, 0, target.requests().prepare(1)), 1, shared);
        second.reader().onContent(0, "Hello", 3 * S);

        assertNull(second.answerText(), "the stage's server sends usage: no text kept for a count");
    }
}
