package io.streambench.driver;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The stages that send on a schedule, from the calling thread: an open loop at its rate (of requests, or of
 * conversations' first turns), a trace replay at its times, each request made ahead by the {@link Planner} so that the sender only waits for the time, a slot and
 * the send. Also makes each stage's requests ahead ({@link #ahead}), closed loops' included.
 */
final class Schedules {

    private final LoadRunner runner;
    private final Requests requests;
    private final Planner planner;
    private final SessionLoop sessions;
    private final AtomicLong planIndex;

    /**
     * @param sessions  the conversations' loop, or null
     * @param planIndex the run's next plan number (never planned twice)
     */
    Schedules(LoadRunner runner, Requests requests, Planner planner, SessionLoop sessions, AtomicLong planIndex) {
        this.runner = runner;
        this.requests = requests;
        this.planner = planner;
        this.sessions = sessions;
        this.planIndex = planIndex;
    }

    /**
     * The requests of a stage made ahead by the planner, unless their bodies were encoded at start: a replay's
     * from the trace's first, a conversation's first turns of the next sessions, else the next request numbers
     * of the run (the run's plan numbers, each planned once). Waits until the first are ready, so that planning
     * them is set-up rather than delay.
     */
    Planner.Ahead ahead(Workload workload) {
        Planner.Ahead ahead;
        // A schedule keeps the most ready, so that the planner losing the CPU for a while (a busy machine, a
        // collection) does not delay its sends; a closed loop, one per stream.
        int capacity = workload instanceof Workload.Closed c
                ? Math.min(Planner.MAX_AHEAD, Math.max(Planner.AHEAD, c.concurrency())) : Planner.MAX_AHEAD;
        if (workload instanceof Workload.Replay) {
            AtomicLong traceIndex = new AtomicLong();
            ahead = planner.ahead(requests::prepare, traceIndex::getAndIncrement, capacity);
        } else if (sessions != null) {
            ahead = sessions.ahead(capacity);
        } else if (!requests.cheap()) {
            ahead = planner.ahead(requests::prepare, planIndex::getAndIncrement, capacity);
        } else {
            return null;
        }
        ahead.awaitFilled(runner::isStopped);
        return ahead;
    }

    /** The next request of a schedule: a look-up, or the planner's; null when stopped or broken first. */
    Prepared next(Planner.Ahead ahead, long index) {
        if (ahead == null) {
            return runner.prepare(index);
        }
        try {
            return ahead.take(runner::isStopped);
        } catch (IllegalStateException bug) {
            runner.broken(bug);
            return null;
        }
    }

    void runOpen(Stage stage, Workload.Open workload, SplittableRandom arrivals) {
        long intended = System.nanoTime();
        while (!runner.isStopped()) {
            Request request = stage.admit(intended, -1);
            if (request == null) {
                break;
            }
            Prepared prepared = next(stage.ahead(), request.id());
            if (prepared == null || !awaitSlot(stage, intended)) {
                stage.metrics().requestCompleted(false);
                break;
            }
            if (sessions != null) {
                stage.sessionStarted(); // a new session, which holds its slot until it ends
            }
            runner.sendAttempt(request.with(prepared), 1);
            intended += gapNanos(workload, arrivals);
        }
        runner.awaitQuiet(stage, true);
    }

    /** The time to the next intended send of an open loop. */
    private static long gapNanos(Workload.Open workload, SplittableRandom arrivals) {
        double meanGapNanos = 1e9 / workload.ratePerSecond();
        return (long) (workload.arrival() == Arrival.POISSON ? -Math.log(1 - arrivals.nextDouble()) * meanGapNanos
                : meanGapNanos);
    }

    /**
     * Sends a trace's requests, each at the stage's start plus its offset: never before, and as soon after as the
     * driver can; its lag (send minus that time) is recorded with the request.
     */
    void runReplay(Stage stage, long startNanos) {
        while (!runner.isStopped()) {
            Prepared prepared = next(stage.ahead(), -1);
            if (prepared == null) {
                // the trace's last request was sent: the measured window ends here, the drain follows
                stage.metrics().window().endWindow(System.nanoTime());
                break;
            }
            long intended = startNanos + prepared.plan().sendOffset().orElseThrow();
            Request request = stage.admit(intended, -1);
            if (request == null) {
                break;
            }
            if (!awaitSlot(stage, intended)) {
                stage.metrics().requestCompleted(false);
                break;
            }
            runner.sendAttempt(request.with(prepared), 1);
        }
        runner.awaitQuiet(stage, true);
    }

    /**
     * Waits until {@code intended}, then for a slot (the intended time stays, so the wait shows in response time
     * and lag); false when stopped first.
     */
    boolean awaitSlot(Stage stage, long intended) {
        parkUntil(intended);
        while (!runner.isStopped() && !tryAcquire(stage)) {
            // waiting for a slot
        }
        return !runner.isStopped();
    }

    private boolean tryAcquire(Stage stage) {
        try {
            return stage.slots().tryAcquire(10, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            runner.stop();
            return false;
        }
    }

    private void parkUntil(long deadlineNanos) {
        long wait;
        while (!runner.isStopped() && (wait = deadlineNanos - System.nanoTime()) > 0) {
            LockSupport.parkNanos(Math.min(wait, TimeUnit.MILLISECONDS.toNanos(50)));
            if (Thread.interrupted()) {
                runner.stop();
            }
        }
    }
}
