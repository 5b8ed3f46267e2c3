package io.streambench.driver.workload;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Replays a trace: request {@code i} is record {@code i} of the slice, sent at its scheduled offset, with
 * a prompt of exactly its input length and its output length as the answer length.
 *
 * <pre>{@code
 * Trace trace = TraceFormat.detect(file).read(file);
 * TraceSource source = new TraceSource(trace, new TraceSlice(0, 1000, 10), corpus, 512, true, seed);
 * PlannedRequest request = source.plan(0);   // request.sendOffset() is its time in the schedule
 * }</pre>
 *
 * <p>Prompts replay Mooncake's prefix reuse: the text of hash id {@code h} is a fixed block of
 * {@code blockTokens} tokens ({@link ExactText#text} for key {@code h}; 512 is Mooncake's block size), so
 * requests that share hash ids share those blocks' exact text, and distinct ids give distinct blocks.
 * A prompt is its blocks in order; the last one, where the input length ends inside it, is cut to its
 * leading tokens. A record with fewer hash ids than its length needs gets a text of its own for the rest;
 * one with more is an error. Records without hash ids get a text of their own throughout. Every prompt is
 * counted once when it is built, and built again each time it is planned (only the blocks are cached).
 */
public final class TraceSource implements RequestSource {

    private static final int CACHED_BLOCKS = 2048;

    private final String source;
    private final List<TraceRecord> records;
    private final TraceSlice slice;
    private final ExactText blocks;
    private final ExactText tails;
    private final Tokenizer tokenizer;
    private final int blockTokens;
    private final boolean ignoreEos;
    private final Map<Long, String> blockCache = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, String> eldest) {
            return size() > CACHED_BLOCKS;
        }
    };

    /**
     * @param trace       the records
     * @param slice       which of them, and how fast
     * @param corpus      the text prompts are cut from
     * @param blockTokens tokens per hash id, at least 1 (Mooncake: 512)
     * @param ignoreEos   ask for exactly each record's output length
     * @param seed        the run's seed: the text of each hash id depends on it
     * @throws IllegalArgumentException when a record has more hash ids than its input length fills, or the
     *                                  slice is empty
     */
    public TraceSource(Trace trace, TraceSlice slice, Corpus corpus, int blockTokens, boolean ignoreEos, long seed) {
        if (blockTokens < 1) {
            throw new IllegalArgumentException("block tokens must be >= 1, got " + blockTokens);
        }
        this.source = trace.source();
        this.records = slice.of(trace);
        this.slice = slice;
        this.blocks = new ExactText(corpus, Seeds.mix(seed, Seeds.BLOCKS, 0));
        this.tails = new ExactText(corpus, Seeds.mix(seed, Seeds.TAILS, 0));
        this.tokenizer = corpus.tokenizer();
        this.blockTokens = blockTokens;
        this.ignoreEos = ignoreEos;
        for (TraceRecord record : records) {
            long needed = ((long) record.inputTokens() + blockTokens - 1) / blockTokens;
            if (record.hashIds().size() > needed) {
                throw new IllegalArgumentException(record.origin() + ": " + record.hashIds().size()
                        + " hash_ids, but input_length " + record.inputTokens() + " fills only " + needed
                        + " blocks of " + blockTokens + " tokens");
            }
        }
    }

    @Override
    public PlannedRequest plan(long index) {
        if (index < 0 || index >= records.size()) {
            throw new IndexOutOfBoundsException("request " + index + " of a trace slice of " + records.size());
        }
        TraceRecord record = records.get((int) index);
        String prompt = prompt(record, index);
        TokenPlan tokens = new TokenPlan(0, 0, record.inputTokens(), record.outputTokens(), ignoreEos);
        return new PlannedRequest(index, List.of(ChatMessage.user(prompt)), tokens,
                OptionalLong.of(slice.offsetNanos(record, records.get(0))), PlannedRequest.Grouping.NONE, Map.of());
    }

    /** The prompt of {@code record}: its hash blocks, then a text of its own for what they leave. */
    String prompt(TraceRecord record, long index) {
        StringBuilder prompt = new StringBuilder();
        int left = record.inputTokens();
        for (long id : record.hashIds()) {
            if (left >= blockTokens) {
                prompt.append(block(id));
                left -= blockTokens;
            } else {
                prompt.append(blocks.leading(id, blockTokens, left));
                left = 0;
            }
        }
        if (left > 0) {
            prompt.append(tails.text(index, left));
        }
        String text = prompt.toString();
        int counted = tokenizer.count(text);
        if (counted != record.inputTokens()) {
            // Blocks start with a space and a letter and end on a non-space, so they never merge; if they
            // ever did, this says where rather than sending a prompt of the wrong length.
            throw new IllegalStateException(record.origin() + ": built a prompt of " + counted + " tokens for input_length "
                    + record.inputTokens() + " (" + tokenizer.name() + ")");
        }
        return text;
    }

    private String block(long id) {
        synchronized (blockCache) {
            String cached = blockCache.get(id);
            if (cached != null) {
                return cached;
            }
        }
        String text = blocks.text(id, blockTokens);
        synchronized (blockCache) {
            blockCache.put(id, text);
        }
        return text;
    }

    /** The records of the slice, in order. */
    public List<TraceRecord> records() {
        return records;
    }

    @Override
    public OptionalLong size() {
        return OptionalLong.of(records.size());
    }

    @Override
    public String label() {
        return "trace " + source + " (" + records.size() + " requests, x" + slice.timeScale() + ")";
    }
}
