package io.streambench.driver;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.LongFunction;
import java.util.function.LongSupplier;

/**
 * The driver's own thread for planning and encoding requests (cutting prompts, counting them, encoding bodies,
 * a conversation's next turn), so that event loops only send and read, and a sender thread never builds a body
 * between a request's scheduled time and its send. {@link Ahead} keeps the next requests of a schedule ready.
 *
 * <pre>{@code
 * try (Planner planner = new Planner()) {
 *     Planner.Ahead next = planner.ahead(requests::prepare, counter::getAndIncrement, Planner.AHEAD);
 *     Prepared p = next.take(() -> stopped);   // ready, or waits for the planner
 * }
 * }</pre>
 */
final class Planner implements AutoCloseable {

    /** Requests a closed loop keeps ready ahead of its sends: at least this many, one per stream, up to MAX_AHEAD. */
    static final int AHEAD = 64;
    /** Requests a schedule (open loop, replay) keeps ready: at most a few tens of MB of bodies and prompts. */
    static final int MAX_AHEAD = 1024;

    private final ExecutorService thread = Executors.newSingleThreadExecutor(task -> {
        Thread t = new Thread(task, "streambench-planner");
        t.setDaemon(true);
        return t;
    });

    /** Runs {@code task} on the planner thread, after the tasks before it; nothing once closed. */
    void execute(Runnable task) {
        try {
            thread.execute(task);
        } catch (RejectedExecutionException closed) {
            // the run is over: nothing is planned any more
        }
    }

    /**
     * A queue of requests made by {@code make} ahead of their use, for the numbers {@code claim} hands out in
     * order (a counter that others may also claim from, so that no number is planned twice).
     */
    Ahead ahead(LongFunction<Prepared> make, LongSupplier claim, int capacity) {
        Ahead ahead = new Ahead(make, claim, capacity);
        ahead.refill();
        return ahead;
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }

    /**
     * Requests made in number order on the planner thread, taken in that order: by a sender thread
     * ({@link #take}, which waits) or by event loops ({@link #poll}, which does not).
     */
    final class Ahead {
        private final LongFunction<Prepared> make;
        private final LongSupplier claim;
        private final BlockingQueue<Object> ready;
        private final AtomicBoolean filling = new AtomicBoolean();
        private volatile boolean ended;

        private Ahead(LongFunction<Prepared> make, LongSupplier claim, int capacity) {
            this.make = make;
            this.claim = claim;
            this.ready = new ArrayBlockingQueue<>(capacity + 1);
        }

        private void refill() {
            if (!ended && ready.remainingCapacity() > 1 && filling.compareAndSet(false, true)) {
                execute(this::fill);
            }
        }

        private void fill() {
            try {
                while (!ended && ready.remainingCapacity() > 1) {
                    Prepared p = make.apply(claim.getAsLong());
                    if (p == null) {
                        ended = true;
                        ready.add(End.END);
                    } else {
                        ready.add(p);
                    }
                }
            } catch (RuntimeException bug) {
                // a plan that cannot be made (a bug, or a source's own check): the consumer throws it
                ended = true;
                ready.add(new End(bug));
            } finally {
                filling.set(false);
            }
            refill();
        }

        /** Waits until the planner has filled the queue, or the source ended, or {@code stopped} turns true. */
        void awaitFilled(BooleanSupplier stopped) {
            while (!ended && ready.remainingCapacity() > 1 && !stopped.getAsBoolean()) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            }
        }

        /**
         * The next request if one is ready, else null (never waits: for event loops); null past the end too.
         *
         * @throws IllegalStateException when the planner could not make it (its cause says why)
         */
        Prepared poll() {
            return next(ready.poll());
        }

        /**
         * The next request, waiting for the planner if it is not ready; null past the end of the source, or when
         * {@code stopped} turns true while waiting.
         *
         * @throws IllegalStateException when the planner could not make it (its cause says why)
         */
        Prepared take(BooleanSupplier stopped) {
            Object item = null;
            try {
                while (item == null && !stopped.getAsBoolean()) {
                    item = ready.poll(10, TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
            return next(item);
        }

        private Prepared next(Object item) {
            if (item instanceof End end) {
                ready.add(end); // stays the answer to every later take
                if (end.failure != null) {
                    throw new IllegalStateException("planning a request failed: " + end.failure.getMessage(), end.failure);
                }
                return null;
            }
            if (item != null) {
                refill();
            }
            return (Prepared) item;
        }
    }

    /** The end of a source, or the failure that ended its planning. */
    private record End(RuntimeException failure) {
        static final End END = new End(null);
    }
}
