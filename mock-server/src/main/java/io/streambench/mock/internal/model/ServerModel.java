package io.streambench.mock.internal.model;

import io.netty.util.internal.logging.InternalLogger;
import io.netty.util.internal.logging.InternalLoggerFactory;
import io.streambench.mock.profile.ModelSettings;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * The "server" behind one profile: counts each prompt, admits it to one of a fixed number of slots (the
 * sequences it decodes at once) or queues it, first come first served, decides its cached tokens and prefill
 * time when it is admitted, and tells its stream how much the batch stretches each gap. Shared by every event
 * loop of the mock.
 *
 * <pre>
 * Sequence s = model.submit(prompt, loop, arrivalNanos, admitted -&gt; startTheAnswer(admitted));
 * ...
 * s.release(endNanos);             // the answer ended: the slot goes to the next in the queue
 * </pre>
 *
 * <p>Admission, release and cancellation take a lock: they happen once per request, not per event. What a
 * stream reads at every step, the number of sequences holding a slot and the stall clock, are volatile fields
 * written under that lock, so the per-event path takes no lock. Times come in as arguments, never from the
 * clock, so the same model runs under a simulated clock ({@code CapacityDemoLimitTest}).
 */
public final class ServerModel {

    private static final InternalLogger LOG = InternalLoggerFactory.getInstance(ServerModel.class);

    private final String name;
    private final ModelSettings settings;
    /** Null when the profile counts no tokens. */
    private final PromptTokenizer tokenizer;
    /** Where long prompts are tokenized; null when the profile counts no tokens. */
    private final Executor tokenizerThread;
    /** Null without a prefix cache. */
    private final PrefixCache cache;
    private final int slots;
    private final long itlNanosPerSequence;

    private final Object lock = new Object();
    /** Guarded by {@link #lock}. */
    private final ArrayDeque<Sequence> queue = new ArrayDeque<>();
    /** Guarded by {@link #lock}. */
    private final ModelStats stats = new ModelStats();
    /** Sequences holding a slot; written under {@link #lock}, read by streams at every step. */
    private volatile int active;
    /** Decoding stall caused by prefills so far, in ns; written under {@link #lock}, read at every step. */
    private volatile long stallNanos;

    /**
     * @param tokenizer counts prompts; null when {@code settings} count no tokens
     * @param tokenizerThread tokenizes prompts too long to count on the thread they arrive on
     */
    ServerModel(String name, ModelSettings settings, PromptTokenizer tokenizer, Executor tokenizerThread) {
        if (settings.countsTokens() && (tokenizer == null || tokenizerThread == null)) {
            throw new IllegalArgumentException("model '" + name + "' counts tokens: it needs a tokenizer");
        }
        this.name = name;
        this.settings = settings;
        this.tokenizer = settings.countsTokens() ? tokenizer : null;
        this.tokenizerThread = tokenizerThread;
        this.cache = settings.cacheBlocks() > 0 ? new PrefixCache(settings.cacheBlocks()) : null;
        this.slots = settings.sequences() > 0 ? settings.sequences() : Integer.MAX_VALUE;
        this.itlNanosPerSequence = settings.itlNanosPerSequence();
    }

    /** The profile's name. */
    public String name() {
        return name;
    }

    /** The settings it runs with. */
    public ModelSettings settings() {
        return settings;
    }

    /**
     * A request arrives: it is counted (on this thread, or on the tokenizer thread when its uncached text is
     * long), then admitted to a free slot at once or queued. {@code onAdmitted} runs on {@code loop} when it
     * has its slot: right here when it was admitted as it arrived, else as a task of {@code loop}.
     *
     * @param loop the thread of the request's connection; call this method on it
     * @param arrivalNanos when the request arrived, on the {@code System.nanoTime()} scale: a request admitted
     *     at once is admitted as of then
     */
    public Sequence submit(Prompt prompt, Executor loop, long arrivalNanos, Consumer<Sequence> onAdmitted) {
        Sequence s = new Sequence(this, loop, arrivalNanos, onAdmitted);
        if (tokenizer == null) {
            arrive(s, true);
            return s;
        }
        TokenizedPrompt tokens = tokenizer.tokenizeIfShort(prompt);
        if (tokens != null) {
            counted(s, tokens);
            arrive(s, true);
            return s;
        }
        try {
            tokenizerThread.execute(() -> {
                try {
                    counted(s, tokenizer.tokenize(prompt));
                } catch (RuntimeException e) {
                    LOG.warn("model {}: could not tokenize a prompt; it is admitted uncounted", name, e);
                }
                arrive(s, false);
            });
        } catch (RejectedExecutionException e) {
            // The server is closing: the connection goes with it.
        }
        return s;
    }

    private void counted(Sequence s, TokenizedPrompt tokens) {
        s.promptTokens = tokens.tokens();
        if (cache != null) {
            s.blockHashes = tokens.blockHashes(settings.blockTokens());
        }
    }

    private void arrive(Sequence s, boolean onLoop) {
        synchronized (lock) {
            if (s.state == Sequence.State.CANCELLED) {
                return;
            }
            stats.arrived();
            if (active >= slots) {
                s.state = Sequence.State.QUEUED;
                queue.add(s);
                stats.queued(queue.size());
                return;
            }
            admit(s, s.arrivalNanos);
        }
        if (onLoop) {
            s.start();
        } else {
            s.loop.execute(s::start);
        }
    }

    /** Gives {@code s} a slot as of {@code atNanos}: its cached tokens, prefill and stall are decided here. */
    private void admit(Sequence s, long atNanos) {
        s.state = Sequence.State.ADMITTED;
        s.admittedNanos = atNanos;
        if (s.promptTokens >= 0) {
            int cached = 0;
            if (cache != null) {
                int hits = cache.leadingHits(s.blockHashes, atNanos);
                if (hits > 0 && (long) hits * settings.blockTokens() >= s.promptTokens) {
                    hits--; // every token cached: the last one is computed anyway, as vLLM does
                }
                cached = hits * settings.blockTokens();
            }
            s.cachedTokens = cached;
            s.prefillNanos = settings.prefillNanos(s.promptTokens - cached);
            if (cache != null) {
                cache.store(s.blockHashes, atNanos + s.prefillNanos);
            }
            if (settings.prefillStall() > 0) {
                stallNanos += (long) (settings.prefillStall() * s.prefillNanos);
            }
        }
        active++;
        stats.admitted(s.admittedNanos - s.arrivalNanos, Math.max(0, s.promptTokens), s.cachedTokens,
                s.prefillNanos);
    }

    /** {@code s}'s answer ended at {@code atNanos}: its slot goes to the queue's first request. */
    void release(Sequence s, long atNanos) {
        List<Sequence> admitted = null;
        synchronized (lock) {
            if (s.state != Sequence.State.ADMITTED) {
                return;
            }
            s.state = Sequence.State.RELEASED;
            active--;
            while (active < slots && !queue.isEmpty()) {
                Sequence next = queue.poll();
                // Not before it arrived: a release may be dated back to its deadline.
                admit(next, atNanos - next.arrivalNanos < 0 ? next.arrivalNanos : atNanos);
                if (admitted == null) {
                    admitted = new ArrayList<>(1);
                }
                admitted.add(next);
            }
        }
        if (admitted != null) {
            // Always as a task: the stream that released may be inside its own write on this very loop.
            for (Sequence next : admitted) {
                next.loop.execute(next::start);
            }
        }
    }

    /** The client of {@code s} left: it leaves the queue, or releases its slot. */
    void cancel(Sequence s, long nowNanos) {
        synchronized (lock) {
            switch (s.state) {
                case COUNTING -> {
                    s.state = Sequence.State.CANCELLED;
                    return;
                }
                case QUEUED -> {
                    queue.remove(s);
                    s.state = Sequence.State.CANCELLED;
                    stats.cancelledInQueue();
                    return;
                }
                case ADMITTED -> {
                    // released below, outside this block: release takes the lock itself
                }
                default -> {
                    return;
                }
            }
        }
        release(s, nowNanos);
    }

    /** What the other sequences holding a slot add to a gap now, in ns. */
    long batchNanos() {
        int others = active - 1;
        return others > 0 ? others * itlNanosPerSequence : 0;
    }

    /** The stall clock: decoding stall caused by prefills so far, in ns. */
    long stallNanos() {
        return stallNanos;
    }

    /** Sequences holding a slot now. */
    public int activeSequences() {
        return active;
    }

    /** Requests waiting for a slot now. */
    public int queueLength() {
        synchronized (lock) {
            return queue.size();
        }
    }

    /**
     * Reads its figures.
     *
     * @param resetWindow start new queue-wait and prefill windows after reading (counters keep counting)
     */
    public ModelStats.Snapshot snapshot(boolean resetWindow) {
        synchronized (lock) {
            int limit = slots == Integer.MAX_VALUE ? 0 : slots;
            return stats.snapshot(limit, active, queue.size(), cache == null ? 0 : cache.size(),
                    stallNanos, resetWindow);
        }
    }
}
