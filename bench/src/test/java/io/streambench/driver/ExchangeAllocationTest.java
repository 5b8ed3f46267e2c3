package io.streambench.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The driver's per-event path (a read, its parse, the listener calls, the metrics) allocates nothing. */
class ExchangeAllocationTest {

    private static final long S = 1_000_000_000L;

    @Test
    void shouldTakeReadsAndEventsWithoutAllocating() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        StageMetrics metrics = new StageMetrics(0, new Workload.Closed(1), new StageWindow(0, 0, 1000 * S));
        metrics.sawUsage();  // the stage's server sends usage: no text kept, whose buffer would grow
        Stage stage = new Stage(metrics, 0, new Bounds(Duration.ofSeconds(10), 0, Duration.ZERO), new AtomicLong(), 1,
                false, null);
        Target target = new Target(URI.create("http://127.0.0.1:9/v1/chat/completions"), Map.of(), null,
                Requests.ofPrompt("m", "Hi", 0, true), false);
        Exchange.Shared shared = new Exchange.Shared(target, Timeouts.DEFAULTS, ClientOptions.defaults(),
                new ClientStrategies(ClientOptions.defaults()), null, new DefaultHttpHeaders(), 0, e -> { });
        Exchange exchange = new Exchange(new Request(0, stage, 0, true, 1, 0, target.requests().prepare(0)), 1, shared);
        DefaultHttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        head.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/event-stream");
        exchange.onHeaders(head, S);
        ByteBuf read = Unpooled.copiedBuffer("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi there\"}}]}\n\n"
                + ": sent 12345\n\n", StandardCharsets.UTF_8);
        try {
            long t = 2 * S;
            for (int i = 0; i < 50_000; i++) {
                read.readerIndex(0);
                exchange.onBody(read, t++, false);
            }
            long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < 200_000; i++) {
                read.readerIndex(0);
                exchange.onBody(read, t++, false);
            }
            long allocated = threads.getCurrentThreadAllocatedBytes() - before;

            assertTrue(allocated < 4096, () -> allocated + " bytes for 200000 reads");
            assertEquals(250_000, metrics.counters().chunks());
        } finally {
            read.release();
        }
    }
}
