package io.streambench.mock;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.channel.uring.IoUring;
import io.netty.channel.uring.IoUringIoHandler;
import io.netty.channel.uring.IoUringServerSocketChannel;
import io.netty.channel.uring.IoUringSocketChannel;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A Netty socket transport, with what the mock (server side) and the driver (client side) need of it: whether
 * this machine has it, its event loops and its channel classes.
 *
 * <pre>
 * Transport transport = Transport.named("auto");      // epoll where available, else NIO
 * transport.requireAvailable();
 * EventLoopGroup loops = transport.newEventLoopGroup(threads);
 * new ServerBootstrap().group(loops).channel(transport.serverChannel())...
 * </pre>
 *
 * <p>Only the chosen transport's classes are initialised: naming epoll on a machine without it loads nothing
 * native until {@link #isAvailable()} asks.
 */
public enum Transport {

    /** Java NIO: everywhere. */
    NIO("nio") {
        @Override
        public boolean isAvailable() {
            return true;
        }

        @Override
        Throwable unavailabilityCause() {
            return null;
        }

        @Override
        public IoHandlerFactory ioHandlerFactory() {
            return NioIoHandler.newFactory();
        }

        @Override
        public Class<? extends ServerChannel> serverChannel() {
            return NioServerSocketChannel.class;
        }

        @Override
        public Class<? extends SocketChannel> socketChannel() {
            return NioSocketChannel.class;
        }
    },

    /** Linux epoll, native: fewer copies and wake-ups than NIO. */
    EPOLL("epoll") {
        @Override
        public boolean isAvailable() {
            return Epoll.isAvailable();
        }

        @Override
        Throwable unavailabilityCause() {
            return Epoll.unavailabilityCause();
        }

        @Override
        public IoHandlerFactory ioHandlerFactory() {
            return EpollIoHandler.newFactory();
        }

        @Override
        public Class<? extends ServerChannel> serverChannel() {
            return EpollServerSocketChannel.class;
        }

        @Override
        public Class<? extends SocketChannel> socketChannel() {
            return EpollSocketChannel.class;
        }
    },

    /** Linux io_uring, native (needs a recent kernel; chosen by name only). */
    IO_URING("io_uring") {
        @Override
        public boolean isAvailable() {
            return IoUring.isAvailable();
        }

        @Override
        Throwable unavailabilityCause() {
            return IoUring.unavailabilityCause();
        }

        @Override
        public IoHandlerFactory ioHandlerFactory() {
            return IoUringIoHandler.newFactory();
        }

        @Override
        public Class<? extends ServerChannel> serverChannel() {
            return IoUringServerSocketChannel.class;
        }

        @Override
        public Class<? extends SocketChannel> socketChannel() {
            return IoUringSocketChannel.class;
        }
    };

    /** What {@link #named} takes for "the best this machine has": {@link #best()}. */
    public static final String AUTO = "auto";

    private final String label;

    Transport(String label) {
        this.label = label;
    }

    /** The name on the command line, on {@code /stats} and in run.json: {@code nio}, {@code epoll}, {@code io_uring}. */
    public String label() {
        return label;
    }

    /** Whether this machine can run it (native library loaded, kernel support). */
    public abstract boolean isAvailable();

    /** Why it is not available, or null. */
    abstract Throwable unavailabilityCause();

    /** The I/O handler of its event loops. */
    public abstract IoHandlerFactory ioHandlerFactory();

    /** The channel class a server binds with. */
    public abstract Class<? extends ServerChannel> serverChannel();

    /** The channel class a client connects with. */
    public abstract Class<? extends SocketChannel> socketChannel();

    /** Event loops of this transport; {@code threads} 0 is Netty's default. */
    public EventLoopGroup newEventLoopGroup(int threads) {
        return new MultiThreadIoEventLoopGroup(threads, ioHandlerFactory());
    }

    /** Throws a {@link UsageException} that says why, when this machine cannot run it. */
    public Transport requireAvailable() {
        if (!isAvailable()) {
            Throwable cause = unavailabilityCause();
            throw new UsageException("transport=" + label + " is not available on this machine"
                    + (cause == null ? "" : ": " + firstLine(cause)) + "; use " + AUTO + " or nio", cause);
        }
        return this;
    }

    private static String firstLine(Throwable cause) {
        String text = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return text.lines().findFirst().orElse("").strip();
    }

    /** Epoll where available, else NIO (io_uring is chosen only by name). */
    public static Transport best() {
        return EPOLL.isAvailable() ? EPOLL : NIO;
    }

    /** A transport by its {@link #label()}, any case, or {@value #AUTO} for {@link #best()}. */
    public static Transport named(String name) {
        String key = name == null ? AUTO : name.strip().toLowerCase(Locale.ROOT);
        if (key.equals(AUTO)) {
            return best();
        }
        for (Transport t : values()) {
            if (t.label.equals(key)) {
                return t;
            }
        }
        throw new UsageException("unknown transport=" + name + ", known=" + names());
    }

    /** {@value #AUTO} and every label, for help texts and completion. */
    public static List<String> names() {
        return Stream.concat(Stream.of(AUTO), Arrays.stream(values()).map(Transport::label)).toList();
    }

    /** The {@link #label()}, so that the transport prints as users write it. */
    @Override
    public String toString() {
        return label;
    }
}
