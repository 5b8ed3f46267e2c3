package io.streambench.driver.workload;

/**
 * Keeps dataset entries whose prompt and answer lengths lie within bounds (inclusive).
 *
 * @param minPromptTokens at least 0
 * @param maxPromptTokens at least {@code minPromptTokens}
 * @param minOutputTokens at least 0
 * @param maxOutputTokens at least {@code minOutputTokens}
 */
public record LengthFilter(int minPromptTokens, int maxPromptTokens, int minOutputTokens, int maxOutputTokens) {

    /** Keeps everything. */
    public static final LengthFilter NONE = new LengthFilter(0, Integer.MAX_VALUE, 0, Integer.MAX_VALUE);

    public LengthFilter {
        if (minPromptTokens < 0 || maxPromptTokens < minPromptTokens) {
            throw new IllegalArgumentException("prompt token bounds must be 0 <= min <= max, got min="
                    + minPromptTokens + " max=" + maxPromptTokens);
        }
        if (minOutputTokens < 0 || maxOutputTokens < minOutputTokens) {
            throw new IllegalArgumentException("output token bounds must be 0 <= min <= max, got min="
                    + minOutputTokens + " max=" + maxOutputTokens);
        }
    }

    /** Whether it bounds answer lengths at all (then every entry must know its answer length). */
    public boolean boundsOutput() {
        return minOutputTokens > 0 || maxOutputTokens < Integer.MAX_VALUE;
    }

    /** Why {@code entry} is left out ({@code "prompt too short"}, ...), or null when it is kept. */
    String rejects(DatasetEntry entry) {
        if (entry.promptTokens() < minPromptTokens) {
            return "prompt too short";
        }
        if (entry.promptTokens() > maxPromptTokens) {
            return "prompt too long";
        }
        if (boundsOutput()) {
            int output = entry.outputTokens().orElseThrow(() -> new IllegalArgumentException(entry.origin()
                    + ": has no answer length to filter on (give it max_tokens, or drop the output-length filter)"));
            if (output < minOutputTokens) {
                return "output too short";
            }
            if (output > maxOutputTokens) {
                return "output too long";
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "prompt " + minPromptTokens + ".." + (maxPromptTokens == Integer.MAX_VALUE ? "" : maxPromptTokens)
                + " tokens" + (boundsOutput() ? ", output " + minOutputTokens + ".."
                + (maxOutputTokens == Integer.MAX_VALUE ? "" : maxOutputTokens) + " tokens" : "");
    }
}
