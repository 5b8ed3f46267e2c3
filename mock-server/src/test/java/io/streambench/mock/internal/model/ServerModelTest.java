package io.streambench.mock.internal.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.streambench.mock.internal.stream.Script;
import io.streambench.mock.profile.ModelSettings;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/** The model's rules, under a clock the test holds: slots and queue, gaps of the batch, prefill, cache, stalls. */
class ServerModelTest {

    private static final Executor INLINE = Runnable::run;
    private static final long MS = 1_000_000;
    private static final PromptTokenizer O200K = PromptTokenizer.load("o200k_base");

    @Test
    void shouldQueueRequestsBeyondItsSlotsFirstComeFirstServed() {
        ServerModel m = new ServerModel("t", new ModelSettings(null, 0, 0, 16, 2, 0, 0), null, null);
        List<Sequence> started = new ArrayList<>();
        Sequence a = m.submit(Prompt.EMPTY, INLINE, 0, started::add);
        Sequence b = m.submit(Prompt.EMPTY, INLINE, 10 * MS, started::add);
        Sequence c = m.submit(Prompt.EMPTY, INLINE, 20 * MS, started::add);
        Sequence d = m.submit(Prompt.EMPTY, INLINE, 30 * MS, started::add);
        assertEquals(List.of(a, b), started);
        assertEquals(2, m.activeSequences());
        assertEquals(2, m.queueLength());

        a.release(100 * MS);
        assertEquals(List.of(a, b, c), started, "the first in the queue gets the slot");
        assertEquals(100 * MS, c.admittedNanos());
        assertEquals(80 * MS, c.queueWaitNanos());
        a.release(500 * MS); // again: nothing happens
        assertEquals(1, m.queueLength());

        d.cancel(150 * MS);
        assertEquals(0, m.queueLength());
        b.release(200 * MS);
        assertEquals(List.of(a, b, c), started, "a request that left the queue never starts");
        assertEquals(1, m.activeSequences());
        c.cancel(300 * MS); // its client left while it was answered: the slot is freed
        assertEquals(0, m.activeSequences());

        ModelStats.Snapshot s = m.snapshot(false);
        assertEquals(4, s.requests());
        assertEquals(3, s.admitted());
        assertEquals(2, s.queued());
        assertEquals(1, s.cancelledInQueue());
        assertEquals(2, s.maxQueueLength());
        assertEquals(80.0, s.queueWaitMs().max(), 0.8, "recorded to 1 %");
        assertEquals(80.0, s.queueWaitMsTotal(), 0.01);
    }

    @Test
    void shouldNotAdmitBeforeArrivalWhenAReleaseIsDatedBackToItsDeadline() {
        ServerModel m = new ServerModel("t", new ModelSettings(null, 0, 0, 16, 1, 0, 0), null, null);
        Sequence a = m.submit(Prompt.EMPTY, INLINE, 0, s -> { });
        Sequence b = m.submit(Prompt.EMPTY, INLINE, 50 * MS, s -> { });
        a.release(40 * MS); // its last step was due before b arrived, its write came after
        assertEquals(50 * MS, b.admittedNanos());
        assertEquals(0, b.queueWaitNanos());
    }

    @Test
    void shouldStretchEveryGapByTheOtherSequencesHoldingASlot() {
        ServerModel m = new ServerModel("t", new ModelSettings(null, 0, 0, 16, 8, 2.0, 0), null, null);
        Sequence a = m.submit(Prompt.EMPTY, INLINE, 0, s -> { });
        Script script = a.pace(new FixedScript(10 * MS, 5 * MS, 10));
        assertEquals(10 * MS, step(script), "the time to first token is the profile's");
        assertEquals(5 * MS, step(script), "alone in the batch: the profile's gap");
        Sequence b = m.submit(Prompt.EMPTY, INLINE, 0, s -> { });
        Sequence c = m.submit(Prompt.EMPTY, INLINE, 0, s -> { });
        assertEquals(5 * MS + 2 * 2 * MS, step(script), "two others: 2 x 2 ms more");
        b.release(0);
        c.release(0);
        assertEquals(5 * MS, step(script));
    }

    @Test
    void shouldReleaseTheSlotAsOfTheLastStepsDeadline() {
        ServerModel m = new ServerModel("t", new ModelSettings(null, 0, 0, 16, 1, 0, 0), null, null);
        Sequence a = m.submit(Prompt.EMPTY, INLINE, 0, s -> { });
        Sequence b = m.submit(Prompt.EMPTY, INLINE, 0, s -> { });
        Script script = a.pace(new FixedScript(10 * MS, 5 * MS, 3));
        long deadline = 0;
        while (!script.finished()) {
            deadline += script.nextStepDelayNanos();
            script.writeStep(null, deadline + 3 * MS); // every write 3 ms late
        }
        assertEquals(20 * MS, b.admittedNanos(), "released at the last deadline (10 + 5 + 5 ms), not the write");
    }

    @Test
    void shouldAddPrefillByUncachedTokensAndSkipItForCachedBlocks() {
        ServerModel m = new ServerModel("t", new ModelSettings(null, 100, 1024, 16, 0, 0, 0), O200K, INLINE);
        String system = words(40, "system");
        Prompt first = prompt(system, words(30, "first"));
        int tokens = O200K.tokenize(first).tokens();
        Sequence a = m.submit(first, INLINE, 0, s -> { });
        assertEquals(tokens, a.promptTokens());
        assertEquals(0, a.cachedTokens());
        assertEquals((long) (tokens * 0.1 * MS), a.prefillNanos(), "100 ms per 1,000 tokens");
        Script script = a.pace(new FixedScript(10 * MS, 5 * MS, 2));
        assertEquals(10 * MS + a.prefillNanos(), script.nextStepDelayNanos(), "prefill before the first token");

        // The same prompt while the first is still in prefill: nothing is computed yet, nothing is cached.
        Sequence early = m.submit(first, INLINE, a.prefillNanos() - 1, s -> { });
        assertEquals(0, early.cachedTokens());
        // After it: every full block but the partial last one (and never all of them).
        Sequence again = m.submit(first, INLINE, a.prefillNanos(), s -> { });
        int fullBlocks = tokens / 16 - (tokens % 16 == 0 ? 1 : 0);
        assertEquals(fullBlocks * 16, again.cachedTokens());
        assertEquals((long) ((tokens - again.cachedTokens()) * 0.1 * MS), again.prefillNanos());

        // Another user message after the same system prompt: only the blocks that lie wholly in the shared
        // part hit (each block's hash covers everything before it).
        Sequence other = m.submit(prompt(system, words(30, "second")), INLINE, 10_000 * MS, s -> { });
        int systemTokens = O200K.tokenize(prompt(system, "")).tokens();
        assertEquals(systemTokens / 16 * 16, other.cachedTokens());
        assertTrue(other.cachedTokens() > 0 && other.cachedTokens() < other.promptTokens());

        ModelStats.Snapshot s = m.snapshot(false);
        assertEquals(4, s.admitted());
        assertEquals(a.promptTokens() + early.promptTokens() + again.promptTokens() + other.promptTokens(),
                s.inputTokens());
        assertEquals(again.cachedTokens() + other.cachedTokens(), s.cachedTokens());
    }

    @Test
    void shouldEvictTheLeastRecentlyUsedBlocks() {
        ServerModel m = new ServerModel("t", new ModelSettings(null, 100, 8, 16, 0, 0, 0), O200K, INLINE);
        Prompt a = prompt("", words(100, "alpha"));
        Prompt b = prompt("", words(100, "beta"));
        m.submit(a, INLINE, 0, s -> { });
        assertTrue(m.submit(a, INLINE, 1_000 * MS, s -> { }).cachedTokens() > 0);
        m.submit(b, INLINE, 2_000 * MS, s -> { });
        assertEquals(0, m.submit(a, INLINE, 3_000 * MS, s -> { }).cachedTokens(), "8 blocks hold one prompt");
        assertEquals(8, m.snapshot(false).cacheBlocks());
    }

    @Test
    void shouldHoldDecodingBackByTheShareOfEachLaterPrefill() {
        ServerModel m = new ServerModel("t", new ModelSettings(null, 100, 0, 16, 4, 0, 0.5), O200K, INLINE);
        Sequence a = m.submit(prompt("", "hi"), INLINE, 0, s -> { });
        Script script = a.pace(new FixedScript(10 * MS, 5 * MS, 10));
        script.nextStepDelayNanos();
        assertEquals(5 * MS, step(script), "the stall of its own prefill is not its own");
        // b is admitted while a waits for its second step, whose deadline is set and does not move: the
        // stall lengthens the gap after it.
        Sequence b = m.submit(prompt("", words(200, "long")), INLINE, 0, s -> { });
        assertTrue(b.prefillNanos() > 10 * MS);
        assertEquals(5 * MS + b.prefillNanos() / 2, step(script));
        assertEquals(5 * MS, step(script), "once");
        assertEquals((a.prefillNanos() + b.prefillNanos()) / 2 / 1e6, m.snapshot(false).stallMsTotal(), 0.01);
    }

    @Test
    void shouldCountLongPromptsOnTheTokenizerThreadAndStartOnTheLoop() {
        ArrayDeque<Runnable> tokenizerThread = new ArrayDeque<>();
        ArrayDeque<Runnable> loop = new ArrayDeque<>();
        ServerModel m = new ServerModel("t", new ModelSettings("cl100k_base", 0, 0, 16, 0, 0, 0),
                PromptTokenizer.load("cl100k_base"), tokenizerThread::add);
        List<Sequence> started = new ArrayList<>();
        Prompt shortPrompt = prompt("", "a short question");
        Sequence s1 = m.submit(shortPrompt, loop::add, 0, started::add);
        assertTrue(s1.started(), "a short prompt is counted where it arrives and starts at once");
        Prompt longPrompt = prompt("", "x".repeat(PromptTokenizer.INLINE_CHARS) + " and more");
        Sequence s2 = m.submit(longPrompt, loop::add, 0, started::add);
        assertFalse(s2.started());
        assertEquals(1, tokenizerThread.size());
        tokenizerThread.poll().run();
        assertFalse(s2.started(), "handed back to its loop");
        loop.poll().run();
        assertTrue(s2.started());
        assertEquals(PromptTokenizer.load("cl100k_base").tokenize(longPrompt).tokens(), s2.promptTokens());
        assertEquals(List.of(s1, s2), started);
    }

    @Test
    void shouldNotStartARequestWhoseClientLeftWhileItWasCounted() {
        ArrayDeque<Runnable> tokenizerThread = new ArrayDeque<>();
        ServerModel m = new ServerModel("t", new ModelSettings("o200k_base", 0, 0, 16, 0, 0, 0),
                O200K, tokenizerThread::add);
        List<Sequence> started = new ArrayList<>();
        Sequence s = m.submit(prompt("", "y".repeat(PromptTokenizer.INLINE_CHARS + 1)), INLINE, 0, started::add);
        s.cancel(0);
        tokenizerThread.poll().run();
        assertEquals(List.of(), started);
        assertEquals(0, m.activeSequences());
        assertEquals(0, m.snapshot(false).requests());
    }

    private static long step(Script script) {
        script.writeStep(null, 0);
        return script.nextStepDelayNanos();
    }

    private static Prompt prompt(String system, String user) {
        List<Prompt.Message> m = new ArrayList<>();
        if (!system.isEmpty()) {
            m.add(new Prompt.Message("system", system));
        }
        m.add(new Prompt.Message("user", user));
        return new Prompt(m);
    }

    /** {@code n} distinct words, each a few tokens. */
    static String words(int n, String stem) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(' ').append(stem).append(i);
        }
        return sb.toString();
    }

    /** Constant delays, {@code steps} steps, writes nothing. */
    static final class FixedScript implements Script {
        private final long first;
        private final long gap;
        private final int steps;
        private int delays;
        private int written;

        FixedScript(long first, long gap, int steps) {
            this.first = first;
            this.gap = gap;
            this.steps = steps;
        }

        @Override
        public long nextStepDelayNanos() {
            return delays++ == 0 ? first : gap;
        }

        @Override
        public int writeStep(ByteBuf out, long stampNanos) {
            written++;
            return 1;
        }

        @Override
        public boolean finished() {
            return written >= steps;
        }

        @Override
        public int writeErrorEvent(ByteBuf out, long stampNanos, String message, String type, String code) {
            return 0;
        }

        @Override
        public void writeMalformed(ByteBuf out, long stampNanos, boolean invalidUtf8) {
        }
    }
}
