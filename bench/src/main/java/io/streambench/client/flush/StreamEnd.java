package io.streambench.client.flush;

/** How a stream ended; every ending flushes what is still waiting. */
public enum StreamEnd {
    /** {@code [DONE]} or the end of the body. */
    FINISH,
    /** An error event or a transport error. */
    ERROR,
    /** The user or the driver stopped reading. */
    CANCEL
}
