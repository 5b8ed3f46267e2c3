package io.streambench.mock.internal.stream;

/** Something a {@link Pacer} runs at a deadline: a paced stream. Confined to one event loop. */
abstract class Paced implements Runnable {

    /** The next one in the same {@link Pacer} slot; the pacer's own link. */
    Paced wheelNext;
    /** The pacer's wake-up count when this was queued: what is queued during a wake-up waits for the next. */
    long queuedInRun;

    /** When to run next, on the System.nanoTime() scale. */
    abstract long deadlineNanos();

    /** True once it has ended: the pacer then drops it instead of running it. */
    abstract boolean isOver();

    /**
     * True when the next deadline must be kept to the microsecond rather than to the pacer's slot: a stream's
     * first event, whose lateness adds to its time to first token one for one (later events share a slot's
     * wake-up: a slot's lateness shifts neighbouring events alike and leaves their gaps as they were).
     */
    boolean exactDeadline() {
        return false;
    }
}
