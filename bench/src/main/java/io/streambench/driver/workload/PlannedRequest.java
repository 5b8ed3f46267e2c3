package io.streambench.driver.workload;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * One request as a workload plans it, before it is encoded for an API: what to say, how long the answer
 * should be, when to send it (traces) and what it belongs to (prefix group, conversation).
 *
 * @param index      the request number in its source, from 0
 * @param messages   the chat messages in order (a system prefix first where there is one); never empty
 * @param tokens     requested lengths
 * @param sendOffset when to send it, in nanoseconds from the start of the stage, for a trace's schedule;
 *                   empty when the stage's own loop (closed, rate) decides
 * @param group      the prefix group, session and turn it belongs to
 * @param extraBody  fields to put into the body as they are (a dataset line's {@code temperature},
 *                   {@code tools}, ...); the body encoder adds its own fields only where these lack them.
 *                   The values are shared between requests: read them, never modify them
 */
public record PlannedRequest(long index, List<ChatMessage> messages, TokenPlan tokens, OptionalLong sendOffset,
                             Grouping group, Map<String, JsonNode> extraBody) {

    public PlannedRequest {
        if (index < 0) {
            throw new IllegalArgumentException("index must be >= 0, got " + index);
        }
        if (messages == null || messages.isEmpty()) {
            throw new IllegalArgumentException("a request needs at least one message (index " + index + ")");
        }
        messages = List.copyOf(messages);
        if (tokens == null || group == null || sendOffset == null) {
            throw new IllegalArgumentException("tokens, group and sendOffset must not be null (index " + index + ")");
        }
        if (sendOffset.isPresent() && sendOffset.getAsLong() < 0) {
            throw new IllegalArgumentException("sendOffset must be >= 0 ns, got " + sendOffset.getAsLong());
        }
        extraBody = extraBody == null ? Map.of() : Map.copyOf(extraBody);
    }

    /**
     * What a request belongs to, for per-group and per-turn figures.
     *
     * @param prefixGroup the shared system prompt it starts with, from 0; -1 for none
     * @param session     the conversation it is a turn of, from 0; -1 for none
     * @param turn        its turn in the conversation, from 0; 0 outside conversations
     */
    public record Grouping(int prefixGroup, long session, int turn) {

        /** A request of no group and no conversation. */
        public static final Grouping NONE = new Grouping(-1, -1, 0);

        public Grouping {
            if (prefixGroup < -1 || session < -1 || turn < 0) {
                throw new IllegalArgumentException("prefixGroup and session must be >= -1 and turn >= 0, got "
                        + prefixGroup + ", " + session + ", " + turn);
            }
            if (session == -1 && turn != 0) {
                throw new IllegalArgumentException("a turn needs a session, got turn " + turn);
            }
        }

        /** A request that starts with prefix group {@code group}. */
        public static Grouping prefix(int group) {
            return new Grouping(group, -1, 0);
        }
    }
}
