package io.streambench.driver.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streambench.mock.profile.Distribution;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConversationTest {

    private static final Tokenizer TOKENIZER = Tokenizers.named("o200k_base");
    private static final Corpus CORPUS = Corpus.bundled(TOKENIZER);

    private static Conversations conversations(String turns, PrefixPool prefixes, long seed) {
        return new Conversations(CORPUS, Distribution.parse(turns), Distribution.parse("1500"),
                Distribution.parse("uniform:50:150"), Distribution.parse("200"), prefixes, true, seed);
    }

    @Test
    void shouldCarryBothEarlierAnswersExactlyAsReceivedInTheThirdTurn() {
        Conversation session = conversations("3", null, 1).session(0);
        assertEquals(3, session.turns());
        PlannedRequest first = session.first();
        // Answers as a stream delivers them: leading space, line breaks, characters outside the BMP.
        String answer0 = " Sure!\n\nHere is the first answer — with “quotes” and an emoji 😀.\n";
        String answer1 = "Second answer:\r\n  1. indented\t<|endoftext|> and trailing spaces   ";
        assertTrue(session.hasNext());
        assertEquals(1_500_000_000L, session.thinkTimeNanos());
        PlannedRequest second = session.next(answer0);
        PlannedRequest third = session.next(answer1);
        assertFalse(session.hasNext());

        String prompt0 = first.messages().get(0).content();
        String prompt1 = second.messages().get(2).content();
        String prompt2 = third.messages().get(4).content();
        assertEquals(List.of(ChatMessage.user(prompt0), ChatMessage.assistant(answer0), ChatMessage.user(prompt1),
                ChatMessage.assistant(answer1), ChatMessage.user(prompt2)), third.messages());
        assertEquals(TOKENIZER.count(prompt0) + TOKENIZER.count(answer0) + TOKENIZER.count(prompt1) + TOKENIZER.count(answer1),
                third.tokens().historyTokens());
        assertEquals(third.tokens().inputTokens(), TOKENIZER.count(prompt2));
        assertEquals(new PlannedRequest.Grouping(-1, 0, 2), third.group());
        assertEquals(200, third.tokens().outputTokens());
        assertNotEquals(prompt0, prompt1);
        assertNotEquals(prompt1, prompt2);
    }

    @Test
    void shouldKeepTheSessionsSystemPromptFirstInEveryTurn() {
        PrefixPool prefixes = new PrefixPool(CORPUS, 4, 300, 2);
        Conversation session = conversations("4", prefixes, 2).session(5);
        List<PlannedRequest> turns = new ArrayList<>();
        turns.add(session.first());
        while (session.hasNext()) {
            turns.add(session.next("answer " + turns.size()));
        }
        assertEquals(4, turns.size());
        int group = turns.get(0).group().prefixGroup();
        for (PlannedRequest turn : turns) {
            assertEquals(ChatMessage.system(prefixes.text(group)), turn.messages().get(0));
            assertEquals(300, turn.tokens().prefixTokens());
            assertEquals(group, turn.group().prefixGroup());
            assertEquals(TOKENIZER.count(turn.messages().get(turn.messages().size() - 1).content()), turn.tokens().inputTokens());
        }
        assertEquals(1 + 2 * 3 + 1, turns.get(3).messages().size());
    }

    @Test
    void shouldPlanTheSameSessionWhateverTheAnswers() {
        Conversations conversations = conversations("uniform:2:8", null, 3);
        Conversation a = conversations.session(11);
        Conversation b = conversations.session(11);
        assertEquals(a.turns(), b.turns());
        assertEquals(a.first(), b.first());
        PlannedRequest nextA = a.next("one answer");
        PlannedRequest nextB = b.next("a quite different answer");
        assertEquals(nextA.messages().get(2), nextB.messages().get(2), "the new prompt does not depend on the answer");
        assertEquals(nextA.tokens().inputTokens(), nextB.tokens().inputTokens());
        assertNotEquals(conversations.session(12).first().messages(), conversations.session(11).first().messages());
        assertNotEquals(conversations("uniform:2:8", null, 4).session(11).first().messages(), conversations.session(11).first().messages(), "another seed");
    }

    @Test
    void shouldDrawTurnCountsOfAtLeastOne() {
        Conversations conversations = conversations("normal:1:3", null, 5);
        int[] seen = new int[8];
        for (long s = 0; s < 200; s++) {
            int turns = conversations.session(s).turns();
            assertTrue(turns >= 1 && turns <= Conversations.MAX_TURNS);
            seen[Math.min(7, turns)]++;
        }
        assertTrue(seen[1] > 50 && seen[3] > 5, "a spread of turn counts");
    }

    @Test
    void shouldRefuseTurnsOutOfOrder() {
        Conversation session = conversations("2", null, 6).session(0);
        assertThrows(IllegalStateException.class, () -> session.next("too early"));
        assertThrows(IllegalStateException.class, session::thinkTimeNanos);
        session.first();
        assertThrows(IllegalStateException.class, session::first);
        assertThrows(IllegalArgumentException.class, () -> session.next(null));
        session.next("fine");
        assertThrows(IllegalStateException.class, () -> session.next("one too many"));
    }
}
