package io.streambench.mock.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.streambench.mock.internal.model.ServerModels;
import io.streambench.mock.internal.stats.ServerStats;
import io.streambench.mock.profile.ProfileLoader;
import io.streambench.mock.testing.LeakTracking;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A stream's clock starts at the socket read that completed its request ({@link ReadStamps}), not once the
 * request has been decoded and routed: the mock's own work is inside the time to first token it promises, as a
 * client that stamps its reads and writes at the socket counts it. Made visible by a handler behind the stamps
 * that holds every read 30 ms, as a slow decoder would: the first event (its send stamp is the server's
 * {@code System.nanoTime()}, the clock of this JVM) still comes the profile's 50 ms after the client sent the
 * request, plus the wake-up's lateness, not 80 ms.
 */
@ExtendWith(LeakTracking.class)
class ClockStartTest {

    private static final long HOLD_MILLIS = 30;

    @Test
    void shouldStartTheClockAtTheReadThatCompletedTheRequest() throws Exception {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try {
            MockServerInitializer mock = new MockServerInitializer(ProfileLoader.parse(
                    "profiles: {fifty: {ttft_ms: 50, itl_ms: 1, output_tokens: 2, timestamps: true}}"),
                    new ServerStats(), "nio", 0, 1 << 20, null, new LongAdder(), ServerModels.of(Map.of()));
            Channel server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline().addLast(mock); // lays out the mock's pipeline at once
                            ch.pipeline().addAfter("stamps", "slow", new SlowReads());
                        }
                    })
                    .bind("127.0.0.1", 0).sync().channel();
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", ((InetSocketAddress) server.localAddress())
                        .getPort()), 5_000);
                socket.setSoTimeout(10_000);
                double fastest = Double.MAX_VALUE;
                for (int i = 0; i < 4; i++) {
                    long sent = send(socket.getOutputStream());
                    long stamp = firstStamp(socket);
                    if (i > 0) { // the first warms the path
                        fastest = Math.min(fastest, (stamp - sent) / 1e6);
                    }
                }
                assertTrue(fastest >= 50 - 0.01, fastest + " ms: early");
                assertTrue(fastest < 50 + HOLD_MILLIS * 0.6, "first event " + fastest + " ms after sending: the "
                        + HOLD_MILLIS + " ms the read was held are not inside the 50 ms");
            } finally {
                server.close().sync();
            }
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS);
        }
    }

    /** Holds each read, as a slow decoder below the stamps would. */
    private static final class SlowReads extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
            Thread.sleep(HOLD_MILLIS);
            ctx.fireChannelRead(msg);
        }
    }

    private static long send(OutputStream out) throws Exception {
        String body = "{\"model\":\"fifty\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
        byte[] request = ("POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + body.length() + "\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII);
        out.write(request);
        out.flush();
        return System.nanoTime();
    }

    /** Reads the response to its end; the send stamp of its first event. */
    private static long firstStamp(Socket socket) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                StandardCharsets.UTF_8));
        long first = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (first == 0 && line.startsWith(": t=")) {
                first = Long.parseLong(line.substring(4));
            }
            if (line.equals("0")) { // the last chunk
                assertEquals("", in.readLine());
                break;
            }
        }
        assertTrue(first != 0, "a stamped event");
        return first;
    }
}
