package io.streambench.mock.internal.http;

/**
 * An answer under way on a connection after its request was handled: a stream, a delayed non-streaming
 * answer, or a delayed start ({@code slow_headers}). The connection tells it what happens to the channel.
 */
interface Answer {

    /** The client went away: stop at once. */
    void cancel();

    /** The channel's writability changed (a slow reader started or stopped reading). */
    default void writabilityChanged() {
    }
}
