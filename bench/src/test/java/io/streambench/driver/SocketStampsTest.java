package io.streambench.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpClientCodec;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** A request's times start when its bytes go to the socket and end when the answer's bytes come off it. */
class SocketStampsTest {

    private static final long DRIVER_WORK_MILLIS = 30;

    /** Stands for the driver's own encoding and decoding being slow (a cold JIT, a cold CPU cache, TLS). */
    private static final class SlowCodec extends ChannelDuplexHandler {
        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
            Thread.sleep(DRIVER_WORK_MILLIS);
            ctx.write(msg, promise);
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
            Thread.sleep(DRIVER_WORK_MILLIS);
            ctx.fireChannelRead(msg);
        }
    }

    @Test
    void shouldLeaveTheDriversOwnEncodingAndDecodingOutOfTimeToFirstByte() {
        SocketStamps stamps = new SocketStamps();
        EmbeddedChannel channel = new EmbeddedChannel(stamps, new HttpClientCodec(), new SlowCodec(),
                new StreamHandler(stamps));
        StageMetrics metrics = new StageMetrics(0, new Workload.Closed(1), new StageWindow(System.nanoTime(), 0,
                TimeUnit.SECONDS.toNanos(10)));
        Stage stage = new Stage(metrics, System.nanoTime(), new Bounds(Duration.ofSeconds(10), 0, Duration.ZERO),
                new AtomicLong(), 1, false, null);
        Target target = new Target(URI.create("http://127.0.0.1:9/v1/chat/completions"), Map.of(), null,
                Requests.ofPrompt("m", "Hi", 0, true), false);
        Exchange.Shared shared = new Exchange.Shared(target, Timeouts.DEFAULTS, ClientOptions.defaults(),
                new ClientStrategies(ClientOptions.defaults()), null, new DefaultHttpHeaders(), 0, e -> { });
        Exchange exchange = new Exchange(new Request(0, stage, System.nanoTime(), true, 1, 0, target.requests().prepare(0)), 1, shared);

        exchange.start(channel, 0);
        ByteBuf request = channel.readOutbound();
        assertTrue(request.toString(StandardCharsets.US_ASCII).startsWith("POST /v1/chat/completions HTTP/1.1"));
        request.release();
        channel.writeInbound(Unpooled.copiedBuffer("HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\n"
                + "transfer-encoding: chunked\r\n\r\n", StandardCharsets.US_ASCII));

        Histogram ttfb = metrics.interval(Metric.TTFB, null);
        assertEquals(1, ttfb.getTotalCount());
        // The server answered at once; 60 ms of driver work around it must not show.
        assertTrue(ttfb.getMaxValue() < TimeUnit.MILLISECONDS.toNanos(DRIVER_WORK_MILLIS / 2),
                () -> "ttfb " + ttfb.getMaxValue() / 1e6 + " ms");
        channel.close();
        assertFalse(channel.finishAndReleaseAll());
    }
}
