package io.streambench.driver.workload;

import io.streambench.mock.profile.Distribution;
import java.util.SplittableRandom;

/**
 * Multi-turn sessions ({@code --turns DIST --think-time DIST}): each session is a {@link Conversation}
 * whose turns carry the history so far, the prompts sent and the answers actually received.
 *
 * <pre>{@code
 * Conversations conversations = new Conversations(corpus, Distribution.parse("uniform:2:6"),
 *         Distribution.parse("lognormal:2000:0.5"), Distribution.parse("300"), Distribution.parse("200"),
 *         null, false, seed);
 * Conversation session = conversations.session(7);
 * PlannedRequest request = session.first();
 * while (true) {
 *     String answer = send(request);               // the text as received
 *     if (!session.hasNext()) break;
 *     sleep(session.thinkTimeNanos());
 *     request = session.next(answer);
 * }
 * }</pre>
 *
 * <p>A session's turn count, each turn's prompt length, answer length and think time are drawn when the
 * session is made, from a random source seeded by the seed and the session number alone, so they do not
 * depend on the answers or on the order sessions run in. Turn counts are at least 1 and at most
 * {@value #MAX_TURNS}; each turn's new prompt is an exact text for key
 * {@code session * MAX_TURNS + turn}, which is also the request's {@link PlannedRequest#index() index}.
 */
public final class Conversations {

    /** The most turns a session has (a larger draw is cut to this). */
    public static final int MAX_TURNS = 1024;

    private final ExactText texts;
    private final Distribution turns;
    private final Distribution thinkTimeMs;
    private final Distribution inputTokens;
    private final Distribution outputTokens;
    private final PrefixPool prefixes;
    private final boolean ignoreEos;
    private final long seed;

    /**
     * @param corpus       the text prompts are cut from
     * @param turns        turns per session
     * @param thinkTimeMs  the pause between an answer's end and the next turn, in milliseconds
     * @param inputTokens  tokens of each turn's new prompt
     * @param outputTokens answer length to ask for, or null to leave it to the server
     * @param prefixes     a shared system prompt per session, or null for none
     * @param ignoreEos    ask for exactly the drawn answer length
     * @param seed         the run's seed
     */
    public Conversations(Corpus corpus, Distribution turns, Distribution thinkTimeMs, Distribution inputTokens,
                         Distribution outputTokens, PrefixPool prefixes, boolean ignoreEos, long seed) {
        if (turns == null || thinkTimeMs == null || inputTokens == null) {
            throw new IllegalArgumentException("turns, think time and input tokens must not be null");
        }
        if (ignoreEos && outputTokens == null) {
            throw new IllegalArgumentException("ignore-eos needs an output length");
        }
        this.texts = new ExactText(corpus, Seeds.mix(seed, Seeds.PROMPTS, 1));
        this.turns = turns;
        this.thinkTimeMs = thinkTimeMs;
        this.inputTokens = inputTokens;
        this.outputTokens = outputTokens;
        this.prefixes = prefixes;
        this.ignoreEos = ignoreEos;
        this.seed = seed;
    }

    /** Session number {@code session} (from 0): the same number gives the same plan. */
    public Conversation session(long session) {
        if (session < 0 || session > Long.MAX_VALUE / MAX_TURNS) {
            throw new IllegalArgumentException("session must be between 0 and " + Long.MAX_VALUE / MAX_TURNS + ", got " + session);
        }
        SplittableRandom random = new SplittableRandom(Seeds.mix(seed, Seeds.DRAWS, session));
        int count = Math.min(MAX_TURNS, turns.sampleInt(random, 1));
        int[] inputs = new int[count];
        int[] outputs = new int[count];
        long[] thinkNanos = new long[count];
        for (int turn = 0; turn < count; turn++) {
            inputs[turn] = inputTokens.sampleInt(random, 1);
            outputs[turn] = outputTokens == null ? 0 : outputTokens.sampleInt(random, 1);
            thinkNanos[turn] = Math.round(thinkTimeMs.sample(random) * 1e6);
        }
        int group = prefixes == null ? -1 : prefixes.choose(random);
        return new Conversation(this, session, inputs, outputs, thinkNanos, group);
    }

    ExactText texts() {
        return texts;
    }

    PrefixPool prefixes() {
        return prefixes;
    }

    boolean ignoreEos() {
        return ignoreEos;
    }

    @Override
    public String toString() {
        return "conversations turns=" + turns + " think-ms=" + thinkTimeMs + " input=" + inputTokens
                + (outputTokens == null ? "" : " output=" + outputTokens);
    }
}
