package io.streambench.driver;

/**
 * One attempt, as written to {@code requests.csv} (columns documented in reports/README.md). Times are
 * ns; {@code -1} means "did not happen" (no headers, no token...).
 *
 * @param requestId       run-wide request number
 * @param attempt         1 for the first attempt, 2 for the first retry...
 * @param stage           stage number, from 0
 * @param measured        false for warmup requests
 * @param intendedNanos   intended send of the request, relative to the run's start
 * @param startNanos      this attempt's send, relative to the run's start (-1 if never sent)
 * @param connectNanos    time to open a new connection, 0 when a pooled one was reused, -1 when it failed
 * @param status          HTTP status, 0 when none arrived
 * @param error           how the attempt ended
 * @param message         short error text, or null
 * @param retryAfterNanos the server's retry hint, or -1
 * @param retried         whether a retry followed
 * @param ttfb            send to headers
 * @param ttfe            send to first data event
 * @param ttft            send to first token
 * @param e2e             send to {@code [DONE]} or end of stream (or to the failure)
 * @param responseE2e     intended send to end (successful attempts only)
 * @param tpot            time per output token after the first
 * @param chunks          content (and tool-call) events
 * @param bytes           response body bytes
 * @param outputTokens    output tokens
 * @param tokenSource     {@code usage}, {@code estimate} or {@code none}
 * @param finishReason    last {@code finish_reason}, or null
 * @param itlMax          largest gap between content events
 * @param parseNanos      time spent in the parser over all reads
 * @param stampOverheadMax largest arrival minus send stamp, -1 without stamps
 * @param client          client strategy figures
 */
public record AttemptRow(long requestId, int attempt, int stage, boolean measured, long intendedNanos,
        long startNanos, long connectNanos, int status, ErrorClass error, String message, long retryAfterNanos,
        boolean retried, long ttfb, long ttfe, long ttft, long e2e, long responseE2e, long tpot, int chunks,
        long bytes, long outputTokens, String tokenSource, String finishReason, long itlMax, long parseNanos,
        long stampOverheadMax, ClientFigures client) {
}
