package io.streambench.driver;

import io.streambench.driver.workload.Conversation;
import io.streambench.driver.workload.PlannedRequest;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs conversations: each session sends its turns one after another, each turn's request carrying the earlier
 * prompts and the answers exactly as received, after the session's think time (counted from the end of the last
 * answer, which is that turn's intended send). Closed loop: {@code concurrency} sessions in progress, a new one
 * starting on a slot when one ends; open loop ({@link Schedules#runOpen}): new sessions at a rate, each holding
 * an in-flight slot from its first turn to its end. A session ends after its last turn, when a turn fails (the next one would carry no
 * answer), or when the stage admits no more requests. Every turn after the first is planned on the planner
 * thread, during the think time.
 */
final class SessionLoop {

    private final LoadRunner runner;
    private final Requests requests;
    private final Planner planner;
    /**
     * The next session number: a session is planned from it alone, whichever stage or slot runs it, and each
     * number once (those made ahead and not run at a stage's end are skipped).
     */
    private final AtomicLong nextSession = new AtomicLong();

    SessionLoop(LoadRunner runner, Requests requests, Planner planner) {
        this.runner = runner;
        this.requests = requests;
        this.planner = planner;
    }

    /** First turns of the next sessions, made ahead. */
    Planner.Ahead ahead(int capacity) {
        return planner.ahead(requests::first, nextSession::getAndIncrement, capacity);
    }

    void runClosed(Stage stage, int slots, Duration ramp) {
        Ramp.startSpread(slots, ramp, runner::isStopped, slot -> startSession(stage, slot));
        runner.awaitQuiet(stage, true);
    }

    /**
     * Slot {@code slot} is free: a new session starts now, its first turn made ahead by the planner, or by the
     * planner now when none is ready.
     */
    private void startSession(Stage stage, int slot) {
        Request request = runner.isStopped() ? null : stage.admit(System.nanoTime(), slot);
        if (request == null) {
            stage.streams().countDown();
            return;
        }
        Prepared first;
        try {
            first = stage.ahead().poll();
        } catch (IllegalStateException bug) {
            runner.broken(bug);
            first = null;
        }
        if (first != null || runner.isStopped()) {
            sendFirst(request, first);
        } else {
            planner.execute(() -> sendFirst(request, first(nextSession.getAndIncrement())));
        }
    }

    private Prepared first(long session) {
        try {
            return requests.first(session);
        } catch (RuntimeException bug) {
            runner.broken(bug);
            return null;
        }
    }

    /** Sends a session's first turn; without one (the run broke) the turn ends at once, and so the session. */
    private void sendFirst(Request request, Prepared first) {
        if (first == null) {
            request.stage().requestEnded(false);
            sessionEnded(request.stage(), request.stream(), 0);
        } else {
            runner.sendAttempt(request.with(first), 1);
        }
    }

    /**
     * A turn ended for good: the session's next turn is planned from its answer and sent after the think time,
     * or the session ends.
     *
     * @param pauseNanos a closed-loop slot's wait after a failure before its next session
     * @param last       the turn's last attempt, null when none ended
     */
    void turnEnded(Request request, boolean ok, long pauseNanos, Exchange last) {
        Stage stage = request.stage();
        Conversation session = request.prepared().session();
        String answer = last == null ? null : last.answerText();
        if (!ok || answer == null || !session.hasNext() || runner.isStopped()) {
            sessionEnded(stage, request.stream(), pauseNanos);
            return;
        }
        long due = last.answerEndNanos() + Math.max(0, session.thinkTimeNanos());
        if (due >= stage.endNanos()) {
            // the stage ends before the next turn: so does the session, and its slot starts no other
            stageEnded(stage, request.stream());
            return;
        }
        planner.execute(() -> {
            Prepared next;
            try {
                PlannedRequest plan = session.next(answer);
                next = requests.encode(plan, session);
            } catch (RuntimeException bug) {
                runner.broken(bug);
                sessionEnded(stage, request.stream(), 0);
                return;
            }
            Runnable send = () -> sendTurn(stage, request.stream(), due, next);
            long wait = due - System.nanoTime();
            if (wait <= 0) {
                send.run();
            } else {
                runner.later(wait, send, () -> stageEnded(stage, request.stream()));
            }
        });
    }

    private void sendTurn(Stage stage, int slot, long due, Prepared next) {
        Request request = runner.isStopped() ? null : stage.admit(due, slot);
        if (request == null) {
            stageEnded(stage, slot);
            return;
        }
        runner.sendAttempt(request.with(next), 1);
    }

    /** A session ended with its stage (or the run): its slot is done. */
    private void stageEnded(Stage stage, int slot) {
        if (slot < 0) {
            stage.sessionEnded();
        } else {
            stage.streams().countDown();
        }
    }

    /** A session ended: an open loop frees its slot; a closed loop's slot starts the next session (after a pause). */
    private void sessionEnded(Stage stage, int slot, long pauseNanos) {
        if (slot < 0) {
            stage.sessionEnded();
            return;
        }
        runner.afterPause(stage, pauseNanos, () -> startSession(stage, slot), () -> stage.streams().countDown());
    }
}
