package io.streambench.driver.workload;

import java.util.List;
import java.util.Map;

/**
 * The requests of a trace file in time order, and the records left out and why (for example BurstGPT's
 * failed requests, logged with 0 response tokens), so a report can say so.
 *
 * @param source  the file
 * @param format  how it was read
 * @param records the requests, timestamps never decreasing; never empty
 * @param skipped how many records were left out, by reason
 */
public record Trace(String source, TraceFormat format, List<TraceRecord> records, Map<String, Integer> skipped) {

    public Trace {
        records = List.copyOf(records);
        skipped = Map.copyOf(skipped);
        if (records.isEmpty()) {
            throw new IllegalArgumentException(source + ": no requests in the trace" + (skipped.isEmpty() ? "" : " (skipped: " + skipped + ")"));
        }
    }
}
