package io.streambench.driver;

/**
 * Why a run stopped before its bounds: its first {@code requests} requests all failed the same way, one that
 * neither retrying nor waiting changes (see {@link FailFast}).
 *
 * @param requests how many requests failed alike (the fail-fast count)
 * @param error    their error class
 * @param status   their HTTP status, 0 when none arrived
 * @param answer   the first one's {@link ErrorSummary}, e.g. {@code HTTP 404 "Unknown request URL: POST /v1"}
 */
public record EarlyStop(int requests, ErrorClass error, int status, String answer) {
}
