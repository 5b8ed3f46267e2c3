package io.streambench.driver;

import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * An attempt's timeouts as one timer, re-armed to the nearest deadline: the total one, and the ttft one before the
 * first token, the idle one after it ({@link Timeline#nextDeadline}). Its {@link #run} means "the timer fired". One
 * per attempt, the task of every re-arming, so that a re-armed timer allocates nothing of its own. On another client
 * stack the attempt's events come on the stack's threads under the {@link Exchange}'s lock ({@link StackAttempt}),
 * and so does the check.
 */
final class AttemptTimer implements Runnable {

    private final Exchange exchange;
    private final Timeline timeline;
    private final Timeouts timeouts;
    private ScheduledFuture<?> future;

    AttemptTimer(Exchange exchange, Timeline timeline, Timeouts timeouts) {
        this.exchange = exchange;
        this.timeline = timeline;
        this.timeouts = timeouts;
    }

    /** Arms the timer on {@code loop} for the nearest deadline after {@code nowNanos}. */
    void arm(EventExecutor loop, long nowNanos) {
        long deadline = timeline.nextDeadline(timeouts);
        future = loop.schedule(this, Math.max(0, deadline - nowNanos), TimeUnit.NANOSECONDS);
    }

    void cancel() {
        if (future != null) {
            future.cancel(false);
        }
    }

    @Override
    public void run() {
        if (!exchange.detached()) {
            check();
        } else {
            synchronized (exchange) {
                check();
            }
        }
    }

    /** The nearest deadline may have passed: ends the attempt if one did, else re-arms. */
    private void check() {
        if (exchange.finished()) {
            return;
        }
        long now = System.nanoTime();
        long send = timeline.sendNanos();
        long ttft = timeouts.ttft().toNanos();
        long idle = timeouts.idle().toNanos();
        if (now - send >= timeouts.total().toNanos()) {
            end(ErrorClass.TOTAL_TIMEOUT, "no end within " + timeouts.total().toMillis() + " ms", now);
        } else if (timeline.firstTokenNanos() < 0 && now - send >= ttft) {
            end(ErrorClass.TTFT_TIMEOUT, "no token within " + timeouts.ttft().toMillis() + " ms", now);
        } else if (timeline.firstTokenNanos() >= 0 && now - timeline.lastEventNanos() >= idle) {
            end(ErrorClass.IDLE_TIMEOUT, "no event for " + timeouts.idle().toMillis() + " ms", now);
        } else {
            arm(exchange.timerLoop(), now);
        }
    }

    private void end(ErrorClass timeout, String text, long nowNanos) {
        exchange.finish(timeout, text, nowNanos, false);
    }
}
