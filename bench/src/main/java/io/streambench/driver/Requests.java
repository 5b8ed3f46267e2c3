package io.streambench.driver;

import io.streambench.driver.workload.Conversation;
import io.streambench.driver.workload.Conversations;
import io.streambench.driver.workload.FixedPrompt;
import io.streambench.driver.workload.PlannedRequest;
import io.streambench.driver.workload.RequestSource;
import io.streambench.driver.workload.Tokenizer;
import io.streambench.driver.workload.Tokenizers;
import java.util.OptionalLong;

/**
 * What a run sends: where its requests come from (a {@link RequestSource}, or {@link Conversations} whose turns
 * carry the answers received), how each becomes a body ({@link RequestEncoder}), and the tokenizer that counts
 * prompts and, when a server sends no usage, answers. A source whose plans repeat with a short
 * {@link RequestSource#period() period} (a fixed prompt, a small dataset) has its bodies encoded once, here;
 * any other plans and encodes each request on the driver's planner thread, ahead of its send.
 *
 * <pre>{@code
 * Requests requests = Requests.of(new SyntheticSource(corpus, input, output, null, false, seed),
 *         new ChatEncoder("m", true, 0), tokenizer, false);
 * }</pre>
 */
public final class Requests {

    /** A period of at most this many requests is encoded once, at start. */
    static final int MAX_CACHED = 10_000;

    private final RequestSource source;
    private final Conversations sessions;
    private final RequestEncoder encoder;
    private final Tokenizer tokenizer;
    private final boolean answerLengthHeader;
    private final Prepared[] cached;

    private Requests(RequestSource source, Conversations sessions, RequestEncoder encoder, Tokenizer tokenizer,
            boolean answerLengthHeader, Prepared[] cached) {
        if ((source == null) == (sessions == null) || encoder == null || tokenizer == null) {
            throw new IllegalArgumentException("one of source and sessions, an encoder and a tokenizer are required");
        }
        this.source = source;
        this.sessions = sessions;
        this.encoder = encoder;
        this.tokenizer = tokenizer;
        this.answerLengthHeader = answerLengthHeader;
        this.cached = cached;
    }

    /**
     * Independent requests from {@code source}.
     *
     * @param answerLengthHeader send each planned answer length as {@code x-mock-output-tokens} too, so that a
     *                           mock answers exactly that many tokens (the embedded mock)
     */
    public static Requests of(RequestSource source, RequestEncoder encoder, Tokenizer tokenizer,
            boolean answerLengthHeader) {
        Prepared[] cached = null;
        OptionalLong period = source.period();
        if (period.isPresent() && period.getAsLong() <= MAX_CACHED) {
            cached = new Prepared[(int) period.getAsLong()];
            for (int i = 0; i < cached.length; i++) {
                PlannedRequest plan = source.plan(i);
                cached[i] = new Prepared(plan, encoder.encode(plan), null);
            }
        }
        return new Requests(source, null, encoder, tokenizer, answerLengthHeader, cached);
    }

    /** Multi-turn sessions: each turn's request carries the earlier prompts and the answers received. */
    public static Requests sessions(Conversations conversations, RequestEncoder encoder, Tokenizer tokenizer,
            boolean answerLengthHeader) {
        return new Requests(null, conversations, encoder, tokenizer, answerLengthHeader, null);
    }

    /** One chat request with a single user message, counted with the default tokenizer. */
    public static Requests ofPrompt(String model, String prompt, int maxTokens, boolean includeUsage) {
        Tokenizer tokenizer = Tokenizers.named(Tokenizers.DEFAULT);
        return of(new FixedPrompt(prompt, tokenizer, null, false, 0), new ChatEncoder(model, includeUsage, maxTokens),
                tokenizer, false);
    }

    /**
     * The first {@code n} requests (first turns of sessions), encoded once and cycled, without the answer length
     * header: what the client warm-up sends to its own mock, which sets its answers' length itself.
     */
    public Requests sample(int n) {
        Prepared[] sample = new Prepared[n];
        for (int i = 0; i < n; i++) {
            Prepared p = sessions != null ? first(i) : prepare(source.size().isPresent() ? i % source.size().getAsLong() : i);
            sample[i] = new Prepared(p.plan(), p.body(), null);
        }
        RequestSource replay = new RequestSource() {
            @Override
            public PlannedRequest plan(long index) {
                return sample[(int) (index % n)].plan();
            }

            @Override
            public OptionalLong size() {
                return OptionalLong.empty();
            }

            @Override
            public String label() {
                return "sample of " + Requests.this.label();
            }
        };
        return new Requests(replay, null, encoder, tokenizer, false, sample);
    }

    /** Whether requests come as conversations. */
    public boolean conversations() {
        return sessions != null;
    }

    /** Whether {@link #prepare} is a look-up (bodies encoded at start) rather than work for the planner. */
    boolean cheap() {
        return cached != null;
    }

    /** Request {@code index} of the source, planned and encoded; null past the end of a finite source. */
    Prepared prepare(long index) {
        if (cached != null) {
            return cached[(int) (index % cached.length)];
        }
        OptionalLong size = source.size();
        if (size.isPresent() && index >= size.getAsLong()) {
            return null;
        }
        return encode(source.plan(index), null);
    }

    /** The first turn of session {@code session}. */
    Prepared first(long session) {
        Conversation conversation = sessions.session(session);
        return encode(conversation.first(), conversation);
    }

    /** {@code plan} encoded. */
    Prepared encode(PlannedRequest plan, Conversation session) {
        return new Prepared(plan, encoder.encode(plan), session);
    }

    /** How many requests a finite source has (a trace); empty for an endless one. */
    public OptionalLong size() {
        return source == null ? OptionalLong.empty() : source.size();
    }

    /** The tokenizer prompts were counted with, which counts answers that come without usage. */
    public Tokenizer tokenizer() {
        return tokenizer;
    }

    /** Whether each planned answer length is also sent as {@code x-mock-output-tokens}. */
    public boolean answerLengthHeader() {
        return answerLengthHeader;
    }

    /** Body {@code n} of those encoded at start ({@code n} below {@link #encodedAtStart()}); do not modify it. */
    public byte[] body(int n) {
        return cached[n].body();
    }

    /** How many bodies were encoded at start; 0 when every request is encoded as it comes. */
    public int encodedAtStart() {
        return cached == null ? 0 : cached.length;
    }

    /** Where requests come from, for reports. */
    public String label() {
        return source != null ? source.label() : sessions.toString();
    }

    @Override
    public String toString() {
        return label() + " (" + tokenizer.name() + ")";
    }
}
