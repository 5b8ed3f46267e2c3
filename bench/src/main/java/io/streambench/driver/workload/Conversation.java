package io.streambench.driver.workload;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * One session of a {@link Conversations} workload: turn {@code k}'s request carries the system prefix (if
 * any), every earlier prompt and the answer received to it, exactly as received, then the new prompt.
 * Used by one stream at a time (not thread-safe).
 */
public final class Conversation {

    private final Conversations plan;
    private final long session;
    private final int[] inputs;
    private final int[] outputs;
    private final long[] thinkNanos;
    private final int prefixGroup;
    private final List<ChatMessage> history = new ArrayList<>();
    private int historyTokens;
    private int sent;
    private String lastPrompt;

    Conversation(Conversations plan, long session, int[] inputs, int[] outputs, long[] thinkNanos, int prefixGroup) {
        this.plan = plan;
        this.session = session;
        this.inputs = inputs;
        this.outputs = outputs;
        this.thinkNanos = thinkNanos;
        this.prefixGroup = prefixGroup;
        if (prefixGroup >= 0) {
            history.add(ChatMessage.system(plan.prefixes().text(prefixGroup)));
        }
    }

    /** The session number. */
    public long session() {
        return session;
    }

    /** How many turns the session has, at least 1. */
    public int turns() {
        return inputs.length;
    }

    /** The first turn's request. */
    public PlannedRequest first() {
        if (sent != 0) {
            throw new IllegalStateException("session " + session + ": first() already called");
        }
        return plan(0);
    }

    /** Whether another turn follows the one last planned. */
    public boolean hasNext() {
        return sent > 0 && sent < inputs.length;
    }

    /** The pause before the next turn, in nanoseconds, counted from the end of the last answer. */
    public long thinkTimeNanos() {
        if (!hasNext()) {
            throw new IllegalStateException("session " + session + ": no next turn");
        }
        return thinkNanos[sent];
    }

    /**
     * The next turn's request, after the answer to the last one.
     *
     * @param answer the last turn's answer exactly as received (its text content), never null
     */
    public PlannedRequest next(String answer) {
        if (answer == null) {
            throw new IllegalArgumentException("session " + session + ": the answer to turn " + (sent - 1) + " is null");
        }
        if (!hasNext()) {
            throw new IllegalStateException("session " + session + ": no turn after " + (sent - 1) + " of " + inputs.length
                    + (sent == 0 ? " (call first() to start)" : ""));
        }
        history.add(ChatMessage.user(lastPrompt));
        history.add(ChatMessage.assistant(answer));
        historyTokens += inputs[sent - 1] + plan.texts().tokenizer().count(answer);
        return plan(sent);
    }

    private PlannedRequest plan(int turn) {
        long key = session * Conversations.MAX_TURNS + turn;
        lastPrompt = plan.texts().text(key, inputs[turn]);
        List<ChatMessage> messages = new ArrayList<>(history.size() + 1);
        messages.addAll(history);
        messages.add(ChatMessage.user(lastPrompt));
        int prefixTokens = prefixGroup >= 0 ? plan.prefixes().tokens() : 0;
        TokenPlan tokens = new TokenPlan(prefixTokens, historyTokens, inputs[turn], outputs[turn], plan.ignoreEos());
        sent = turn + 1;
        return new PlannedRequest(key, messages, tokens, OptionalLong.empty(),
                new PlannedRequest.Grouping(prefixGroup, session, turn), Map.of());
    }
}
