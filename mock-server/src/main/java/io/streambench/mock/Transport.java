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
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * A Netty socket transport, with what the mock (server side) and the driver (client side) need of it: whether
 * this machine has it, its event loops and its channel classes.
 *
 * <pre>
 * Transport transport = Transport.named("auto").requireAvailable();    // epoll where available, else NIO
 * EventLoopGroup loops = transport.newEventLoopGroup(threads);
 * new ServerBootstrap().group(loops).channel(transport.serverChannel())...
 * </pre>
 *
 * <p>Only the chosen transport's native code is loaded: its availability is asked for when needed, its event
 * loops made when asked for.
 */
public enum Transport implements Choice {

    /** Java NIO: everywhere. */
    NIO(() -> null, NioIoHandler::newFactory, NioServerSocketChannel.class, NioSocketChannel.class),
    /** Linux epoll, native: fewer copies and wake-ups than NIO. */
    EPOLL(Epoll::unavailabilityCause, EpollIoHandler::newFactory, EpollServerSocketChannel.class,
            EpollSocketChannel.class),
    /** Linux io_uring, native (needs a recent kernel; chosen by name only). */
    IO_URING(IoUring::unavailabilityCause, IoUringIoHandler::newFactory, IoUringServerSocketChannel.class,
            IoUringSocketChannel.class);

    /** What {@link #named} takes for "the best this machine has": {@link #best()}. */
    public static final String AUTO = "auto";

    /** Why this machine cannot run it (the native library's own answer), or null when it can. */
    private final Supplier<Throwable> unavailabilityCause;
    private final Supplier<IoHandlerFactory> ioHandlers;
    private final Class<? extends ServerChannel> serverChannel;
    private final Class<? extends SocketChannel> socketChannel;

    Transport(Supplier<Throwable> unavailabilityCause, Supplier<IoHandlerFactory> ioHandlers,
            Class<? extends ServerChannel> serverChannel, Class<? extends SocketChannel> socketChannel) {
        this.unavailabilityCause = unavailabilityCause;
        this.ioHandlers = ioHandlers;
        this.serverChannel = serverChannel;
        this.socketChannel = socketChannel;
    }

    /** The name on the command line, on {@code /stats} and in run.json: {@code nio}, {@code epoll}, {@code io_uring}. */
    @Override
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether this machine can run it (native library loaded, kernel support). */
    public boolean isAvailable() {
        return unavailabilityCause.get() == null;
    }

    /** The I/O handler of its event loops. */
    public IoHandlerFactory ioHandlerFactory() {
        return ioHandlers.get();
    }

    /** The channel class a server binds with. */
    public Class<? extends ServerChannel> serverChannel() {
        return serverChannel;
    }

    /** The channel class a client connects with. */
    public Class<? extends SocketChannel> socketChannel() {
        return socketChannel;
    }

    /** Event loops of this transport; {@code threads} 0 is Netty's default. */
    public EventLoopGroup newEventLoopGroup(int threads) {
        return new MultiThreadIoEventLoopGroup(threads, ioHandlerFactory());
    }

    /** This transport; a {@link UsageException} that says why when this machine cannot run it. */
    public Transport requireAvailable() {
        Throwable cause = unavailabilityCause.get();
        if (cause != null) {
            throw new UsageException("transport=" + label() + " is not available on this machine: "
                    + firstLine(cause) + "; use " + AUTO + " or nio", cause);
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

    /**
     * A transport by its {@link #label()}, in any case, or {@value #AUTO} for {@link #best()}.
     *
     * @throws UsageException naming the known transports, for an unknown name
     */
    public static Transport named(String name) {
        String key = name == null ? AUTO : name.strip().toLowerCase(Locale.ROOT);
        if (key.equals(AUTO)) {
            return best();
        }
        for (Transport t : values()) {
            if (t.label().equals(key)) {
                return t;
            }
        }
        throw new UsageException("unknown transport=" + name + ", known=" + names());
    }

    /** {@value #AUTO} and every label, for help texts and completion. */
    public static List<String> names() {
        return Stream.concat(Stream.of(AUTO), Choice.labels(Transport.class).stream()).toList();
    }

    /** The {@link #label()}, so that the transport prints as users write it. */
    @Override
    public String toString() {
        return label();
    }
}
