package io.streambench.driver.workload;

import java.util.List;

/**
 * One request of a trace file.
 *
 * @param timestampNanos when the trace says it arrived, in nanoseconds on the trace's own clock
 * @param inputTokens    prompt length, at least 1
 * @param outputTokens   answer length, at least 1
 * @param hashIds        Mooncake block hashes: block {@code k} of the prompt ({@code blockTokens} tokens from
 *                       {@code k * blockTokens}) is the same text wherever the same id appears; empty when
 *                       the trace has none
 * @param origin         {@code file:line}, for error messages
 */
public record TraceRecord(long timestampNanos, int inputTokens, int outputTokens, List<Long> hashIds, String origin) {

    public TraceRecord {
        if (inputTokens < 1 || outputTokens < 1) {
            throw new IllegalArgumentException(origin + ": input and output lengths must be >= 1, got input="
                    + inputTokens + " output=" + outputTokens);
        }
        hashIds = List.copyOf(hashIds);
    }
}
