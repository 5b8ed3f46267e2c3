package io.streambench.driver;

/**
 * One attempt's instants ({@code System.nanoTime()}, {@code -1} for "did not happen"), from which its
 * figures derive: ttfb, ttfe, ttft and ttfa count from the send, e2e ends at the API's end marker
 * ({@code [DONE]}, {@code message_stop}...; or at the end when none came), response times count from the
 * intended send. The first token is the first generated token of any kind (reasoning included); the first
 * answer token, the first visible text or tool-call fragment after any reasoning. The instants of one attempt
 * happen in a known order on one monotonic clock, and the constructor refuses any other order: two instants
 * given in each other's place fail here instead of turning into plausible figures in requests.csv.
 *
 * <pre>{@code
 * AttemptTimes t = new AttemptTimes(runStart, intended, connect, send, headers, firstEvent, firstToken,
 *         firstAnswer, done, end, itlMax);
 * long e2e = t.e2e();          // send to [DONE]
 * long tpot = t.tpot(tokens);  // (end of answer - first token) / (tokens - 1)
 * }</pre>
 *
 * @param originNanos     the run's start; requests.csv counts {@code intended_ms} and {@code start_ms} from it
 * @param intendedNanos   when the workload meant to send the request (the origin of response times)
 * @param connectNanos    a duration: opening a new connection, 0 when a pooled one was reused, -1 when none opened
 * @param sendNanos       the request went to the socket
 * @param headersNanos    the response headers arrived
 * @param firstEventNanos the first SSE data event arrived
 * @param firstTokenNanos the first reasoning, content or tool-call event arrived
 * @param firstAnswerNanos the first content or tool-call event arrived (after any reasoning)
 * @param doneNanos       the API's end marker arrived ({@code [DONE]}, {@code message_stop}...; Gemini: the body
 *                        ended after a finish reason)
 * @param endNanos        the attempt ended (success, failure or cancel); never -1
 * @param itlMaxNanos     a duration: the largest gap between two content events, -1 with fewer than two
 */
public record AttemptTimes(long originNanos, long intendedNanos, long connectNanos, long sendNanos, long headersNanos,
        long firstEventNanos, long firstTokenNanos, long firstAnswerNanos, long doneNanos, long endNanos,
        long itlMaxNanos) {

    public AttemptTimes {
        // Order of the instants: origin <= intended <= send <= headers <= first event <= first token <= end,
        // done between the first event and the end; the connect happens between the intention and the send.
        inOrder("origin", originNanos, "intended", intendedNanos);
        inOrder("intended", intendedNanos, "send", sendNanos);
        inOrder("send", sendNanos, "headers", headersNanos);
        inOrder("headers", headersNanos, "first_event", firstEventNanos);
        inOrder("first_event", firstEventNanos, "first_token", firstTokenNanos);
        inOrder("first_token", firstTokenNanos, "first_answer", firstAnswerNanos);
        if (firstTokenNanos < 0 && firstAnswerNanos >= 0) {
            throw new IllegalArgumentException("an answer token without a first token: first_answer="
                    + firstAnswerNanos);
        }
        inOrder("first_event", firstEventNanos, "done", doneNanos);
        long latest = Math.max(Math.max(Math.max(intendedNanos, sendNanos), Math.max(headersNanos, firstEventNanos)),
                Math.max(Math.max(firstTokenNanos, firstAnswerNanos), doneNanos));
        inOrder("the latest instant", latest, "end", endNanos);
        if (endNanos < 0) {
            throw new IllegalArgumentException("end=" + endNanos + ": every attempt ends");
        }
        if (sendNanos < 0 && (headersNanos >= 0 || firstEventNanos >= 0 || doneNanos >= 0)) {
            throw new IllegalArgumentException("an answer to a request never sent: send=-1 headers=" + headersNanos
                    + " first_event=" + firstEventNanos + " done=" + doneNanos);
        }
        if (headersNanos < 0 && firstEventNanos >= 0) {
            throw new IllegalArgumentException("an event without response headers: first_event=" + firstEventNanos);
        }
        // the transport counts a connect of under 1 ns as 1 ns (0 means reused)
        if (connectNanos < -1 || sendNanos >= 0 && connectNanos > Math.max(1, sendNanos - intendedNanos)) {
            throw new IllegalArgumentException("connect=" + connectNanos + " ns does not fit between intended="
                    + intendedNanos + " and send=" + sendNanos);
        }
        if (itlMaxNanos < -1 || itlMaxNanos >= 0 && (firstTokenNanos < 0 || itlMaxNanos > endNanos - firstTokenNanos)) {
            throw new IllegalArgumentException("itl_max=" + itlMaxNanos + " ns does not fit between first_token="
                    + firstTokenNanos + " and end=" + endNanos);
        }
    }

    /** Instants of an attempt without reasoning: its first answer token is its first token. */
    public AttemptTimes(long originNanos, long intendedNanos, long connectNanos, long sendNanos, long headersNanos,
            long firstEventNanos, long firstTokenNanos, long doneNanos, long endNanos, long itlMaxNanos) {
        this(originNanos, intendedNanos, connectNanos, sendNanos, headersNanos, firstEventNanos, firstTokenNanos,
                firstTokenNanos, doneNanos, endNanos, itlMaxNanos);
    }

    /** Refuses {@code later} before {@code earlier} when both happened. */
    private static void inOrder(String earlierName, long earlier, String laterName, long later) {
        if (earlier >= 0 && later >= 0 && later < earlier) {
            throw new IllegalArgumentException(laterName + "=" + later + " before " + earlierName + "=" + earlier);
        }
        if (later < -1) {
            throw new IllegalArgumentException(laterName + "=" + later + " (an instant is >= 0, or -1 for none)");
        }
    }

    /** The intended send, from the run's start. */
    public long intendedSinceOrigin() {
        return intendedNanos - originNanos;
    }

    /** The send, from the run's start; -1 if never sent. */
    public long sendSinceOrigin() {
        return sendNanos < 0 ? -1 : sendNanos - originNanos;
    }

    /** Send to response headers, -1 when none came. */
    public long ttfb() {
        return sinceSend(headersNanos);
    }

    /** Where the answer ended: {@code [DONE]}, else the end of the attempt. */
    public long endOfAnswer() {
        return doneNanos >= 0 ? doneNanos : endNanos;
    }

    /** Send to the first data event. */
    public long ttfe() {
        return sinceSend(firstEventNanos);
    }

    /** Send to the end of the answer (or to the failure); -1 if never sent. */
    public long e2e() {
        return sendNanos < 0 ? -1 : endOfAnswer() - sendNanos;
    }

    /** Send to the first reasoning, content or tool-call event. */
    public long ttft() {
        return sinceSend(firstTokenNanos);
    }

    /** Send to the first content or tool-call event (the answer, after any reasoning); -1 when none came. */
    public long ttfa() {
        return sinceSend(firstAnswerNanos);
    }

    /** Intended send to the first reasoning, content or tool-call event, -1 when none came. */
    public long responseTtft() {
        return firstTokenNanos < 0 ? -1 : firstTokenNanos - intendedNanos;
    }

    /** Intended send to the end of the answer: waiting for a slot and earlier attempts included. */
    public long responseE2e() {
        return endOfAnswer() - intendedNanos;
    }

    /** Time per output token after the first, -1 without a token or with fewer than two tokens. */
    public long tpot(long outputTokens) {
        return firstTokenNanos < 0 || outputTokens < 2 ? -1 : (endOfAnswer() - firstTokenNanos) / (outputTokens - 1);
    }

    private long sinceSend(long instant) {
        return instant < 0 || sendNanos < 0 ? -1 : instant - sendNanos;
    }
}
