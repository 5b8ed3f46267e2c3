package io.streambench.report;

import java.time.Instant;

/**
 * When a run recorded measured values in one stage: from the start of its first interval log interval that
 * holds a value to the end of its last one (epoch milliseconds; interval logs are written once a second, so
 * this is known to about a second). {@code merge} adds only runs whose windows overlap.
 */
record MeasuredWindow(long startMillis, long endMillis) {

    MeasuredWindow {
        if (endMillis < startMillis) {
            throw new IllegalArgumentException("window ends before it starts: " + startMillis + " > " + endMillis);
        }
    }

    /** The smallest window holding both. */
    MeasuredWindow union(MeasuredWindow other) {
        return other == null ? this : new MeasuredWindow(Math.min(startMillis, other.startMillis),
                Math.max(endMillis, other.endMillis));
    }

    Instant start() {
        return Instant.ofEpochMilli(startMillis);
    }

    Instant end() {
        return Instant.ofEpochMilli(endMillis);
    }

    @Override
    public String toString() {
        return start() + " to " + end();
    }
}
