package io.streambench.mock.testing;

import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * Bounded waits for tests: poll until something the server does on its own threads has happened,
 * and fail naming what was awaited when it does not happen in time. For the mock's and the
 * driver's tests alike (the bench module gets this class with the mock's test jar).
 *
 * <pre>{@code
 * Await.until(() -> stats.snapshot(false).streamsCancelled() == 1, "stream cancelled");
 * Await.untilSteady(() -> stats.snapshot(false).bytesSent(), 200, "production stops", 5_000);
 * }</pre>
 */
public final class Await {

    /** How long {@link #until(BooleanSupplier, String)} waits: ample for loopback work on a loaded 2-core machine. */
    public static final long DEFAULT_TIMEOUT_MILLIS = 5_000;
    private static final long POLL_MILLIS = 10;

    private Await() {
    }

    /** Polls {@code condition} until it holds, for at most {@link #DEFAULT_TIMEOUT_MILLIS}. */
    public static void until(BooleanSupplier condition, String what) throws InterruptedException {
        until(condition, what, DEFAULT_TIMEOUT_MILLIS);
    }

    /** Polls {@code condition} until it holds, for at most {@code timeoutMillis}. */
    public static void until(BooleanSupplier condition, String what, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeoutMillis + " ms waiting for: " + what);
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    /**
     * Waits until {@code value} stays the same for {@code quietMillis}, for at most
     * {@code timeoutMillis}: for "it has stopped", such as the bytes a server sends to a reader
     * that no longer reads.
     */
    public static void untilSteady(LongSupplier value, long quietMillis, String what, long timeoutMillis)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        long before = value.getAsLong();
        while (true) {
            Thread.sleep(quietMillis);
            long after = value.getAsLong();
            if (after == before) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeoutMillis + " ms waiting for: " + what
                        + " (still moving: " + before + " -> " + after + " in " + quietMillis + " ms)");
            }
            before = after;
        }
    }
}
