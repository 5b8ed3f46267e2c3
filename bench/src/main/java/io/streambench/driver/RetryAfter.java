package io.streambench.driver;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.TimeUnit;

/** Reads a response's {@code retry-after-ms} and {@code retry-after} (seconds or an HTTP date) headers. */
public final class RetryAfter {

    /** Returned when there is no usable hint. */
    public static final long NONE = -1;

    private RetryAfter() {
    }

    /**
     * The wait the server asked for, in ns, or {@link #NONE}.
     *
     * @param retryAfterMs the {@code retry-after-ms} header, or null
     * @param retryAfter   the {@code retry-after} header, or null
     * @param now          the current time, for HTTP dates
     */
    public static long nanos(String retryAfterMs, String retryAfter, Instant now) {
        if (retryAfterMs != null) {
            try {
                double ms = Double.parseDouble(retryAfterMs.trim());
                if (ms >= 0 && !Double.isInfinite(ms)) {
                    return (long) (ms * 1_000_000);
                }
            } catch (NumberFormatException e) {
                // fall through to retry-after
            }
        }
        if (retryAfter == null) {
            return NONE;
        }
        String text = retryAfter.trim();
        try {
            double seconds = Double.parseDouble(text);
            return seconds >= 0 && !Double.isInfinite(seconds) ? (long) (seconds * 1e9) : NONE;
        } catch (NumberFormatException e) {
            return date(text, now);
        }
    }

    private static long date(String text, Instant now) {
        try {
            Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            long millis = at.toEpochMilli() - now.toEpochMilli();
            return millis < 0 ? 0 : TimeUnit.MILLISECONDS.toNanos(millis);
        } catch (DateTimeParseException e) {
            return NONE;
        }
    }
}
