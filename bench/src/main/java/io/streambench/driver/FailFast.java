package io.streambench.driver;

/**
 * Decides from a run's first N requests whether to stop it: when all N failed the same way and that way does
 * not change by retrying or waiting (a 4xx status other than 408, 409 and 429, a TLS failure, a refused
 * connection, a 2xx that is not an event stream), the rest of the run would only repeat it, and against a
 * paid API a wrong URL or key would cost money and invite a ban. Any other ending decides "go on".
 *
 * <pre>{@code
 * FailFast failFast = new FailFast(10);
 * EarlyStop stop = failFast.requestEnded(error, status, message, refused);   // any event loop
 * if (stop != null) { runner.stop(); }
 * }</pre>
 */
final class FailFast {

    private final int limit;
    private volatile boolean deciding;
    private int failed;
    private String key;
    private EarlyStop first;

    /** @param limit requests that must fail alike before the run stops; 0 never stops */
    FailFast(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("fail-fast count must be >= 0, got " + limit);
        }
        this.limit = limit;
        this.deciding = limit > 0;
    }

    /** True while every request so far failed the same stopping way and fewer than N ended: a stop may come. */
    boolean deciding() {
        return deciding;
    }

    /**
     * A request ended (its last attempt). Returns why to stop when this was the N-th request in a row to fail
     * the same stopping way, else null. Cancelled requests neither count nor decide. Thread-safe.
     *
     * @param refused the connection was refused (error class {@code connect})
     */
    EarlyStop requestEnded(ErrorClass error, int status, String message, boolean refused) {
        if (!deciding || error == ErrorClass.CANCELLED) {
            return null;
        }
        synchronized (this) {
            if (!deciding) {
                return null;
            }
            String k = key(error, status, refused);
            if (k == null || (key != null && !key.equals(k))) {
                deciding = false;
                return null;
            }
            if (key == null) {
                key = k;
                first = new EarlyStop(limit, error, status, ErrorSummary.of(error, status, message));
            }
            if (++failed < limit) {
                return null;
            }
            deciding = false;
            return first;
        }
    }

    /** What makes two failures "the same", or null for an ending that never stops a run. */
    private static String key(ErrorClass error, int status, boolean refused) {
        return switch (error) {
            case HTTP_STATUS -> status >= 400 && status < 500 && status != 408 && status != 409 && status != 429
                    ? "http " + status : null;
            case TLS -> "tls";
            case NOT_SSE -> "not_sse";
            case CONNECT -> refused ? "refused" : null;
            default -> null;
        };
    }
}
