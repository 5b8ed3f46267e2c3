package io.streambench.client.sse;

/**
 * What one event of a dialect says, as read so far, reused for every event of a stream so that reading an
 * event allocates nothing once the buffers have grown. Readers (a {@link TokenAssembler}, a hand-written
 * scanner) fill it in wire order; only {@link #emitTo} decides what listeners see and in which order, so
 * every strategy reports the same sequence whatever the key order in the JSON. Its token counts, as read
 * and as a listener gets them, are the {@link UsageCounts} it is.
 */
abstract class EventScratch extends UsageCounts {

    // A top-level "error": every dialect has one (an object, or from some providers a string).
    boolean hasError;
    final CharSlice errorMessage = new CharSlice(64);
    final CharSlice errorType = new CharSlice(32);
    final CharSlice errorCode = new CharSlice(32);

    /** Forgets the last event (not what the stream as a whole has said, such as Gemini's calls so far). */
    abstract void reset();

    void resetError() {
        hasError = false;
        errorMessage.clear();
        errorType.absent();
        errorCode.absent();
    }

    /** The error read, as an {@link StreamError.Kind#API} error (cold path: it allocates). */
    StreamError apiError() {
        return new StreamError(StreamError.Kind.API, errorMessage.toString(), errorType.present ? errorType.toString() : null,
                errorCode.present ? errorCode.toString() : null);
    }

    /**
     * Reports the event read.
     *
     * @param eventName the event's {@code event:} field, or null when it had none
     */
    abstract void emitTo(SseListener listener, CharSequence eventName, long arrivalNanos);

    /** The body ended; a dialect without an end marker reports its end here. */
    void endOfBody(SseListener listener, long arrivalNanos) {
    }
}
