package io.streambench.driver.workload;

import java.util.List;
import java.util.Map;

/**
 * The requests read from a dataset file, and what was left out and why (for example ShareGPT
 * conversations without a human turn answered by gpt), so a report can say so.
 *
 * @param source  the file
 * @param entries the requests, in file order; never empty
 * @param skipped how many entries were left out, by reason
 */
public record Dataset(String source, List<DatasetEntry> entries, Map<String, Integer> skipped) {

    public Dataset {
        entries = List.copyOf(entries);
        skipped = Map.copyOf(skipped);
        if (entries.isEmpty()) {
            throw new IllegalArgumentException(source + ": no requests" + (skipped.isEmpty() ? "" : " (skipped: " + skipped + ")"));
        }
    }
}
