package io.streambench.client.stack;

/**
 * A whole HTTP client stack as an application runs it: its connection pool, threads, SSE framing and JSON
 * reading, behind one interface, so that the driver ({@code run --client NAME}) and the JMH suite measure what
 * each adds to a stream. A stack opens a stream, delivers its events with the instant its API handed each to user
 * code ({@link StreamEvents}), and cancels it. Implementations are made by a {@link ClientStackProvider}.
 *
 * <pre>{@code
 * try (ClientStack stack = ClientStacks.named("okhttp").create(settings)) {
 *     OpenStream stream = stack.open(request, events);   // returns at once; events arrive on the stack's threads
 *     stream.cancel();                                   // any thread, any time; idempotent
 * }
 * }</pre>
 *
 * <p>Contract: every stream ends with exactly one {@link StreamEvents#onComplete} or {@link StreamEvents#onFailure}
 * (a cancelled stream may end with either, or with none after {@link OpenStream#cancel} returned), and one
 * stream's calls never overlap (they may come from different threads, each call happening-before the next).
 */
public interface ClientStack extends AutoCloseable {

    /** Sends {@code request} and delivers the answer to {@code events}; returns without waiting for the answer. */
    OpenStream open(StreamRequest request, StreamEvents events);

    /** Releases the stack's connections and threads; streams still open are cancelled. */
    @Override
    void close();
}
