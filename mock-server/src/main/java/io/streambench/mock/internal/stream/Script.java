package io.streambench.mock.internal.stream;

import io.netty.buffer.ByteBuf;

/**
 * What one stream says, step by step: the only thing a {@link StreamSession} knows of an answer's content.
 * Made by a wire format ({@code io.streambench.mock.internal.wire}); the session never sees which API it speaks.
 * Confined to the stream's event loop.
 */
public interface Script {

    /** Delay of the next step after the deadline of the previous one (the first: the time to first token). */
    long nextStepDelayNanos();

    /**
     * Writes the events of the next step into {@code out}.
     *
     * @param stampNanos the send time written before each event when the stream carries send stamps
     * @return the number of SSE events written
     */
    int writeStep(ByteBuf out, long stampNanos);

    /** True once the last step has been written. */
    boolean finished();

    /**
     * Whether the next step is a stream-level opening due at once, which says nothing the model generates (the
     * Responses API's {@code response.created}): a server model adds no prefill or batch time to it.
     */
    default boolean nextStepIsOpening() {
        return false;
    }

    /**
     * Fault: the API's mid-stream error, after which the stream ends; a null message or type means the API's
     * usual one.
     *
     * @return the number of SSE events written (some APIs follow the error with a terminal event)
     */
    int writeErrorEvent(ByteBuf out, long stampNanos, String message, String type, String code);

    /** Fault: one broken event (JSON cut in the middle, or invalid UTF-8 in the text). */
    void writeMalformed(ByteBuf out, long stampNanos, boolean invalidUtf8);
}
