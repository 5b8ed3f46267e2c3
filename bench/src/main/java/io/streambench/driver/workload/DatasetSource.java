package io.streambench.driver.workload;

import io.streambench.mock.profile.Distribution;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Requests from a dataset's entries that pass a length filter, in file order or a seeded shuffle, cycled
 * round robin: request {@code i} is kept entry {@code i mod n}.
 *
 * <pre>{@code
 * RequestSource source = new DatasetSource(ShareGptDataset.read(file, tokenizer),
 *         new LengthFilter(4, 1024, 4, 1024), DatasetSource.Order.SHUFFLE, null, false, seed);
 * }</pre>
 *
 * <p>Answer length, first that applies: the entry's own {@code max_tokens}; {@code outputTokens} drawn
 * for the request; the answer length the dataset recorded (ShareGPT); none (the server decides).
 */
public final class DatasetSource implements RequestSource {

    /** The order entries are sent in. */
    public enum Order {
        /** As in the file. */
        FILE,
        /** Shuffled once with the seed. */
        SHUFFLE
    }

    private final List<DatasetEntry> entries;
    private final Map<String, Integer> filteredOut;
    private final Distribution outputTokens;
    private final boolean ignoreEos;
    private final long seed;
    private final String label;

    /**
     * @param dataset      the file's entries
     * @param filter       which entries to keep
     * @param order        file order or a seeded shuffle
     * @param outputTokens answer length to ask for where an entry states none, or null
     * @param ignoreEos    ask for exactly the answer length (every kept entry then needs one)
     * @param seed         the run's seed
     * @throws IllegalArgumentException when no entry passes the filter, or an answer length is needed and missing
     */
    public DatasetSource(Dataset dataset, LengthFilter filter, Order order, Distribution outputTokens,
                         boolean ignoreEos, long seed) {
        List<DatasetEntry> kept = new ArrayList<>();
        Map<String, Integer> rejected = new TreeMap<>();
        for (DatasetEntry entry : dataset.entries()) {
            String why = filter.rejects(entry);
            if (why == null) {
                kept.add(entry);
            } else {
                rejected.merge(why, 1, Integer::sum);
            }
        }
        if (kept.isEmpty()) {
            throw new IllegalArgumentException(dataset.source() + ": no entry passes the filter (" + filter + "): "
                    + dataset.entries().size() + " read, left out " + rejected);
        }
        if (ignoreEos && outputTokens == null) {
            for (DatasetEntry entry : kept) {
                if (entry.outputTokens().isEmpty()) {
                    throw new IllegalArgumentException(entry.origin() + ": ignore-eos needs an answer length "
                            + "(give the line max_tokens, or set an output length)");
                }
            }
        }
        if (order == Order.SHUFFLE) {
            Collections.shuffle(kept, new Random(Seeds.mix(seed, Seeds.SHUFFLE, 0)));
        }
        this.entries = List.copyOf(kept);
        this.filteredOut = Map.copyOf(rejected);
        this.outputTokens = outputTokens;
        this.ignoreEos = ignoreEos;
        this.seed = seed;
        this.label = "dataset " + dataset.source() + " (" + entries.size() + " of " + dataset.entries().size()
                + (order == Order.SHUFFLE ? ", shuffled" : "") + ")";
    }

    @Override
    public PlannedRequest plan(long index) {
        if (index < 0) {
            throw new IndexOutOfBoundsException("index must be >= 0, got " + index);
        }
        DatasetEntry entry = entries.get((int) (index % entries.size()));
        int output;
        if (entry.maxTokens().isPresent()) {
            output = entry.maxTokens().getAsInt();
        } else if (outputTokens != null) {
            output = outputTokens.sampleInt(new SplittableRandom(Seeds.mix(seed, Seeds.DRAWS, index)), 1);
        } else {
            output = entry.answerTokens().orElse(0);
        }
        TokenPlan tokens = new TokenPlan(0, 0, entry.promptTokens(), output, ignoreEos);
        return new PlannedRequest(index, entry.messages(), tokens, OptionalLong.empty(),
                PlannedRequest.Grouping.NONE, entry.extraBody());
    }

    /** The entries kept, in the order they are sent. */
    public List<DatasetEntry> entries() {
        return entries;
    }

    /** How many entries the filter left out, by reason. */
    public Map<String, Integer> filteredOut() {
        return filteredOut;
    }

    /** The number of entries kept, unless an answer length is drawn per request (from more than one value). */
    @Override
    public OptionalLong period() {
        return RequestSource.periodUnlessDrawn(entries.size(), outputTokens);
    }

    @Override
    public OptionalLong size() {
        return OptionalLong.empty();
    }

    @Override
    public String label() {
        return label;
    }
}
