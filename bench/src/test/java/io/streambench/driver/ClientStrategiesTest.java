package io.streambench.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.DefaultEventLoop;
import io.netty.channel.EventLoop;
import io.streambench.client.accumulate.AccumulateStrategy;
import io.streambench.client.flush.FlushStrategy;
import io.streambench.client.sse.ParserStrategy;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The per-stream strategies as the driver runs them: a timer ticks exactly the time-based flush policies. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class ClientStrategiesTest {

    private final EventLoop loop = new DefaultEventLoop();
    private final StageMetrics metrics = new StageMetrics(0, new Workload.Closed(1),
            new StageWindow(System.nanoTime(), 0, -1));

    @AfterEach
    void stopLoop() {
        loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @ParameterizedTest
    @EnumSource(FlushStrategy.class)
    void shouldShowTextThatWaitsThroughAPauseOnlyWhenThePolicyIsTimeBased(FlushStrategy flush) throws Exception {
        ClientStrategies.Session session =
                new ClientStrategies(new ClientOptions(ParserStrategy.BYTES_SCAN, flush.policy(), null, 0)).newSession(metrics, true);
        loop.submit(() -> {
            session.start(loop);
            // Text arrives right after the start: within the interval, below the size threshold, no read end.
            session.onText("short", System.nanoTime());
        }).sync();
        // Well past the 50 ms interval: a ticked policy has shown the text by now, the others wait for more.
        Thread.sleep(FlushStrategy.DEFAULT_INTERVAL_MILLIS * 4L);
        long flushes = loop.submit(() -> session.figures().flushes()).get();
        loop.submit(() -> session.end(true)).sync();

        boolean shownAtOnce = flush == FlushStrategy.IMMEDIATE;
        assertEquals(flush.policy().timeBased() || shownAtOnce ? 1 : 0, flushes, flush + " before the end");
        assertEquals(1, loop.submit(() -> session.figures().flushes()).get(), flush + " after the end");
    }

    @Test
    void shouldTickTheIntervalAndHybridPoliciesOnly() {
        for (FlushStrategy flush : FlushStrategy.values()) {
            boolean expected = flush == FlushStrategy.INTERVAL || flush == FlushStrategy.HYBRID;
            assertEquals(expected, flush.policy().timeBased(), flush.label());
        }
    }

    @Test
    void shouldKeepAnswersWithTheLimitGivenOrTheStrategysDefault() throws Exception {
        ClientStrategies.Session limited = new ClientStrategies(new ClientOptions(ParserStrategy.BYTES_SCAN, null,
                AccumulateStrategy.BOUNDED, 4)).newSession(metrics, true);
        ClientStrategies.Session byDefault = new ClientStrategies(new ClientOptions(ParserStrategy.BYTES_SCAN, null,
                AccumulateStrategy.BOUNDED, 0)).newSession(metrics, true);
        String answer = "x".repeat(AccumulateStrategy.DEFAULT_MAX_CHARS + 1);
        limited.onText(answer, 0);
        byDefault.onText(answer, 0);

        assertEquals(new ClientFigures(0, -1, 4, true), limited.figures());
        assertEquals(new ClientFigures(0, -1, AccumulateStrategy.DEFAULT_MAX_CHARS, true), byDefault.figures());
        assertSame(ClientFigures.NONE, new ClientStrategies(ClientOptions.defaults()).newSession(metrics, true)
                .figures());
        assertTrue(AccumulateStrategy.BOUNDED.limited());
    }
}
