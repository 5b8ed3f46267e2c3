package io.streambench.driver;

import io.streambench.client.sse.SendStamps;
import io.streambench.driver.workload.TokenPlan;

/**
 * One attempt's instants as they happen, and the latency metrics each gives at once (ttfe, ttft, itl, ttfa,
 * the server's send stamps); {@link #times} freezes them into {@link AttemptTimes}, and {@link #recordEnd} records
 * what the whole attempt gives (e2e, tpot). One per attempt, made with it, so that nothing here allocates per event;
 * {@link Exchange} says when each instant happened.
 */
final class Timeline {

    private final StageMetrics metrics;
    private final boolean measured;
    private final long intendedNanos;

    private long connectNanos = -1;
    private long sendNanos = -1;
    private long headersNanos = -1;
    private long firstEventNanos = -1;
    private long firstTokenNanos = -1;
    private long firstAnswerNanos = -1;
    private long lastContentNanos = -1;
    private long lastEventNanos = -1;
    private long doneNanos = -1;
    private long endNanos = -1;
    private long itlMax = -1;
    private long parseNanos;
    private long stampOverheadMax = -1;

    Timeline(StageMetrics metrics, boolean measured, long intendedNanos) {
        this.metrics = metrics;
        this.measured = measured;
        this.intendedNanos = intendedNanos;
    }

    void connected(long connectTook) {
        connectNanos = connectTook;
    }

    /** The request went to the socket at {@code nanos}; or, before it did, the instant that stands if it fails. */
    void sent(long nanos) {
        sendNanos = nanos;
        lastEventNanos = nanos;
    }

    /** A request's own figures, once, at its first send: its lag against its schedule and its lengths. */
    void recordPlan(TokenPlan tokens) {
        metrics.record(Metric.SCHEDULE_LAG, sendNanos - intendedNanos);
        metrics.record(Metric.INPUT_TOKENS, tokens.promptTokens());
        if (tokens.outputTokens() > 0) {
            metrics.record(Metric.OUTPUT_TOKENS_REQUESTED, tokens.outputTokens());
        }
    }

    void headers(long arrivalNanos) {
        headersNanos = arrivalNanos;
        lastEventNanos = arrivalNanos;
    }

    /** The response is an event stream: its headers' instant is the first byte. */
    void streamHeaders() {
        if (measured) {
            metrics.record(Metric.TTFB, headersNanos - sendNanos);
        }
    }

    boolean headersArrived() {
        return headersNanos >= 0;
    }

    boolean eventSeen() {
        return firstEventNanos >= 0;
    }

    void event(long arrivalNanos) {
        lastEventNanos = arrivalNanos;
        if (firstEventNanos < 0) {
            firstEventNanos = arrivalNanos;
            if (measured) {
                metrics.record(Metric.TTFE, arrivalNanos - sendNanos);
            }
        }
    }

    /** A content event of {@code tokens} (estimated); true when it is the first token. */
    boolean content(int tokens, long arrivalNanos) {
        event(arrivalNanos);
        boolean first = firstTokenNanos < 0;
        if (first) {
            firstTokenNanos = arrivalNanos;
            if (measured) {
                metrics.record(Metric.TTFT, arrivalNanos - sendNanos);
                metrics.record(Metric.RESPONSE_TTFT, arrivalNanos - intendedNanos);
            }
        } else {
            long gap = arrivalNanos - lastContentNanos;
            itlMax = Math.max(itlMax, gap);
            if (measured) {
                metrics.record(Metric.ITL, gap);
                metrics.record(Metric.ITL_TOKEN, gap / Math.max(1, tokens));
            }
        }
        if (measured) {
            metrics.record(Metric.TOKENS_PER_CHUNK, tokens);
        }
        lastContentNanos = arrivalNanos;
        return first;
    }

    /** The first answer token (text or a tool call, after any reasoning); call after {@link #content}. */
    void answer(long arrivalNanos) {
        if (firstAnswerNanos < 0) {
            firstAnswerNanos = arrivalNanos;
            if (measured) {
                metrics.record(Metric.TTFA, arrivalNanos - sendNanos);
            }
        }
    }

    /** The API's end marker arrived (the first one counts). */
    void done(long arrivalNanos) {
        if (doneNanos < 0) {
            doneNanos = arrivalNanos;
        }
    }

    boolean doneSeen() {
        return doneNanos >= 0;
    }

    /** The server's send stamp of the event that arrived at {@code arrivalNanos}, or {@link SendStamps#NONE}. */
    void stamp(long stamp, long arrivalNanos) {
        if (stamp != SendStamps.NONE) {
            long overhead = arrivalNanos - stamp;
            stampOverheadMax = Math.max(stampOverheadMax, overhead);
            if (measured) {
                metrics.record(Metric.STAMP_OVERHEAD, overhead);
            }
        }
    }

    /** A read that arrived at {@code arrivalNanos} was parsed by {@code parsedNanos}. */
    void parsed(long arrivalNanos, long parsedNanos) {
        parseNanos += parsedNanos - arrivalNanos;
        if (measured) {
            metrics.record(Metric.PARSE, parsedNanos - arrivalNanos);
        }
    }

    void ended(long nowNanos) {
        endNanos = nowNanos;
    }

    /**
     * The deadline nearest after {@code now}: the total one, and before the first token the ttft one, after it the
     * idle one (from the last event).
     */
    long nextDeadline(Timeouts timeouts) {
        long total = sendNanos + timeouts.total().toNanos();
        long phase = firstTokenNanos < 0 ? sendNanos + timeouts.ttft().toNanos()
                : lastEventNanos + timeouts.idle().toNanos();
        return Math.min(total, phase);
    }

    long sendNanos() {
        return sendNanos;
    }

    long firstTokenNanos() {
        return firstTokenNanos;
    }

    long lastEventNanos() {
        return lastEventNanos;
    }

    long lastContentNanos() {
        return lastContentNanos;
    }

    /** Where the answer ended: {@code [DONE]}, else the end of the attempt. */
    long answerEndNanos() {
        return doneNanos >= 0 ? doneNanos : endNanos;
    }

    /** The instants; IllegalArgumentException when they are out of order (a bug of the driver). */
    AttemptTimes times(long runStartNanos) {
        return new AttemptTimes(runStartNanos, intendedNanos, connectNanos, sendNanos, headersNanos, firstEventNanos,
                firstTokenNanos, firstAnswerNanos, doneNanos, endNanos, itlMax);
    }

    /** What a successful measured attempt gives as a whole, once it ended. */
    void recordEnd(AttemptTimes times, long outputTokens, long reasoningTokens) {
        metrics.record(Metric.E2E, times.e2e());
        metrics.record(Metric.RESPONSE_E2E, times.responseE2e());
        metrics.record(Metric.OUTPUT_TOKENS, outputTokens);
        if (reasoningTokens > 0) {
            metrics.record(Metric.REASONING_TOKENS, reasoningTokens);
        }
        long tpot = times.tpot(outputTokens);
        if (tpot >= 0) {
            metrics.record(Metric.TPOT, tpot);
        }
    }

    AttemptRow.Overhead overhead() {
        return new AttemptRow.Overhead(parseNanos, stampOverheadMax);
    }
}
