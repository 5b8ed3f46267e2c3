package io.streambench.mock.internal.model;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts prompts with a real BPE tokenizer (jtokkit, the driver's tokenizer, so both sides count the same
 * tokens) and remembers the tokens of the messages it saw recently. Thread-safe.
 *
 * <p>Tokenizing costs about 0.28 µs a token on the 2-core machine this was measured on when it was quiet (more
 * when busy; {@code PromptTokenizerBenchmark}): a 1,000-token prompt counted on an event loop would hold up
 * every stream of that loop for about a pacing slot (0.26 ms), a 10,000-token one for ten. So a prompt is
 * tokenized where it arrives only when what is not cached is short ({@link #INLINE_CHARS}); otherwise the
 * server hands it to its tokenizer thread. Messages repeat (a shared system prompt, every earlier turn of a
 * conversation), so each message's tokens are kept, by its text, in a bounded least-recently-used cache: a
 * repeated message costs a hash and a comparison (about 50 times less than tokenizing it), not a tokenization.
 *
 * <p>Special tokens such as {@code <|endoftext|>} count as the plain text they are, as the driver counts them.
 */
public final class PromptTokenizer {

    /**
     * Uncached text up to this many characters is tokenized on the calling thread: about 280 tokens of English
     * prose, about 75 µs; longer goes to the tokenizer thread, whose hand-over and return cost two thread
     * wake-ups (about 20 µs of CPU each on that machine) and do not hold the loop up.
     */
    static final int INLINE_CHARS = 1024;
    /** Tokens kept in the message cache, about 1 MiB of token ids (plus the texts they are keyed by). */
    private static final long CACHE_TOKENS = 256 * 1024;
    private static final int[] NONE = new int[0];

    private final String name;
    private final Encoding encoding;
    /** Message text to its token ids, least recently used first; guarded by itself. */
    private final LinkedHashMap<String, int[]> cache = new LinkedHashMap<>(256, 0.75f, true);
    private long cachedTokens;

    private PromptTokenizer(String name, Encoding encoding) {
        this.name = name;
        this.encoding = encoding;
    }

    /** Loads encoding {@code name} (o200k_base takes about a second: call it off the event loops). */
    public static PromptTokenizer load(String name) {
        EncodingType type = switch (name) {
            case "o200k_base" -> EncodingType.O200K_BASE;
            case "cl100k_base" -> EncodingType.CL100K_BASE;
            default -> throw new IllegalArgumentException("unknown tokenizer '" + name + "'");
        };
        Encoding encoding = Encodings.newLazyEncodingRegistry().getEncoding(type);
        // The first encodings of a fresh JVM run interpreted, at several times the cost: warmed here, the first
        // long prompt a server counts does not arrive late at its first token.
        String sample = "Warm-up text, with punctuation; numbers 1234 and words: naïve café 東京. ".repeat(40);
        for (int i = 0; i < 200; i++) {
            encoding.countTokensOrdinary(sample);
        }
        return new PromptTokenizer(name, encoding);
    }

    /** The encoding's name. */
    String name() {
        return name;
    }

    /**
     * The tokens of {@code prompt}, or null when the part of it not in the cache is longer than
     * {@link #INLINE_CHARS}: tokenize that with {@link #tokenize} on another thread.
     */
    TokenizedPrompt tokenizeIfShort(Prompt prompt) {
        return tokenize(prompt, INLINE_CHARS);
    }

    /** The tokens of {@code prompt}, however long. */
    public TokenizedPrompt tokenize(Prompt prompt) {
        return tokenize(prompt, Long.MAX_VALUE);
    }

    private TokenizedPrompt tokenize(Prompt prompt, long maxUncachedChars) {
        List<Prompt.Message> messages = prompt.messages();
        int n = messages.size();
        int[][] ids = new int[n][];
        String[] roles = new String[n];
        long uncached = 0;
        synchronized (cache) {
            for (int i = 0; i < n; i++) {
                Prompt.Message m = messages.get(i);
                roles[i] = m.role();
                ids[i] = m.tokenIds() != null ? m.tokenIds() : m.text().isEmpty() ? NONE : cache.get(m.text());
                if (ids[i] == null) {
                    uncached += m.text().length();
                }
            }
        }
        if (uncached > maxUncachedChars) {
            return null;
        }
        for (int i = 0; i < n; i++) {
            if (ids[i] == null) {
                String text = messages.get(i).text();
                ids[i] = encoding.encodeOrdinary(text).toArray();
                remember(text, ids[i]);
            }
        }
        return new TokenizedPrompt(ids, roles);
    }

    private void remember(String text, int[] ids) {
        if (ids.length > CACHE_TOKENS / 4) {
            return; // one huge message would empty the cache for everything else
        }
        synchronized (cache) {
            int[] old = cache.put(text, ids);
            cachedTokens += ids.length - (old == null ? 0 : old.length);
            var it = cache.entrySet().iterator();
            while (cachedTokens > CACHE_TOKENS && it.hasNext()) {
                Map.Entry<String, int[]> eldest = it.next();
                cachedTokens -= eldest.getValue().length;
                it.remove();
            }
        }
    }
}
