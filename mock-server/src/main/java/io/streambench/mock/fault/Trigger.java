package io.streambench.mock.fault;

/**
 * When a fault fires. A request is armed with the fault when the probability draw (from the request's
 * seed) passes and it is the {@code every}-th request carrying this fault; a mid-stream fault then fires
 * once {@code afterChunks} SSE events were sent or {@code afterMillis} passed since the request, whichever
 * comes first.
 *
 * @param probability chance that a request is armed, in [0, 1]
 * @param every arm only every N-th request with this fault spec (1: every request)
 * @param afterChunks SSE events sent before a mid-stream fault fires (the role chunk counts)
 * @param afterMillis time since the request after which a mid-stream fault fires; -1 for none
 */
public record Trigger(double probability, int every, int afterChunks, long afterMillis) {

    public Trigger {
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("p must be in [0, 1], got " + probability);
        }
        if (every < 1) {
            throw new IllegalArgumentException("every must be >= 1, got " + every);
        }
        if (afterChunks < 0) {
            throw new IllegalArgumentException("after_chunks must be >= 0, got " + afterChunks);
        }
        if (afterMillis < -1) {
            throw new IllegalArgumentException("after_ms must be >= 0, got " + afterMillis);
        }
    }

    /** True when a mid-stream fault with this trigger fires, given events sent and time elapsed. */
    public boolean firesAt(long eventsSent, long elapsedNanos) {
        if (afterMillis >= 0) {
            return elapsedNanos >= afterMillis * 1_000_000L || (afterChunks > 0 && eventsSent >= afterChunks);
        }
        return eventsSent >= afterChunks;
    }
}
