package io.streambench.driver;

import io.streambench.driver.workload.DatasetSource;
import io.streambench.driver.workload.JsonlDataset;
import io.streambench.driver.workload.LengthFilter;
import io.streambench.driver.workload.Tokenizer;
import io.streambench.driver.workload.Tokenizers;
import java.nio.file.Path;

/** Requests as {@code run --prompts FILE} makes them, for tests of what consumes them. */
public final class TestRequests {

    private TestRequests() {
    }

    /** The lines of a JSONL prompts file, in file order, each encoded once. */
    public static Requests jsonl(Path file, String model, int maxTokens, boolean includeUsage) {
        Tokenizer tokenizer = Tokenizers.named(Tokenizers.DEFAULT);
        return Requests.of(new DatasetSource(JsonlDataset.read(file, tokenizer), LengthFilter.NONE,
                DatasetSource.Order.FILE, null, false, 1), new ChatEncoder(model, includeUsage, maxTokens), tokenizer,
                false);
    }
}
