package io.streambench.driver.workload;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Collects a trace's records as a reader parses them: checks order and ranges, counts what it skips. */
final class TraceRows {

    private final Path file;
    private final List<TraceRecord> records = new ArrayList<>();
    private final Map<String, Integer> skipped = new TreeMap<>();
    private long lastNanos = Long.MIN_VALUE;
    private String lastOrigin;

    TraceRows(Path file) {
        this.file = file;
    }

    /**
     * Adds one parsed row. A row with 0 input or output tokens is counted under {@code zeroReason} and left
     * out (BurstGPT logs failed requests with 0 response tokens); negative values and timestamps that go
     * back in time are errors.
     */
    void add(double timestamp, double unitNanos, long input, long output, List<Long> hashIds, String origin,
             String inputName, String outputName) {
        if (!(timestamp >= 0) || Double.isInfinite(timestamp)) {
            throw new IllegalArgumentException(origin + ": timestamp must be a number >= 0, got " + timestamp);
        }
        long nanos = Math.round(timestamp * unitNanos);
        if (nanos < lastNanos) {
            throw new IllegalArgumentException(origin + ": timestamps must not decrease (this one is before "
                    + lastOrigin + "'s); sort the trace by time");
        }
        lastNanos = nanos;
        lastOrigin = origin;
        checkRange(input, inputName, origin);
        checkRange(output, outputName, origin);
        if (input == 0 || output == 0) {
            skipped.merge((input == 0 ? inputName : outputName) + " 0", 1, Integer::sum);
            return;
        }
        records.add(new TraceRecord(nanos, (int) input, (int) output, hashIds, origin));
    }

    Trace trace(TraceFormat format) {
        return new Trace(file.toString(), format, records, skipped);
    }

    private static void checkRange(long value, String name, String origin) {
        if (value < 0 || value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(origin + ": " + name + " must be between 0 and " + Integer.MAX_VALUE
                    + ", got " + value);
        }
    }

    /** {@code text} as a whole number ({@code 12} or {@code 12.0}), or an error naming the field. */
    static long whole(String text, String name, String origin) {
        try {
            double value = Double.parseDouble(text.strip());
            if (value != Math.rint(value) || Double.isInfinite(value)) {
                throw new NumberFormatException();
            }
            return (long) value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(origin + ": " + name + " must be a whole number, got '" + text + "'");
        }
    }

    /** {@code text} as a number, or an error naming the field. */
    static double number(String text, String name, String origin) {
        try {
            double value = Double.parseDouble(text.strip());
            if (!Double.isFinite(value)) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(origin + ": " + name + " must be a number, got '" + text + "'");
        }
    }
}
