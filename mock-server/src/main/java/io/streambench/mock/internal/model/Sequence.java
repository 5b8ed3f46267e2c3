package io.streambench.mock.internal.model;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.streambench.mock.internal.stream.Script;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * One request in a {@link ServerModel}: counted, perhaps queued, then admitted to a slot of the batch until it
 * is {@linkplain #release released}. What admission decided (prompt and cached tokens, prefill time, when) is
 * read once {@link ServerModel#submit}'s callback runs.
 *
 * <pre>
 * Sequence s = model.submit(prompt, ctx.executor(), arrivalNanos, admitted -&gt; {
 *     Script paced = admitted.pace(format.script(plan, faults));   // gaps of the batch
 *     ... start the stream at admitted.admittedNanos(); release it when the answer ends ...
 * });
 * if (!s.started()) { ... the request waits: s.cancel(now) if the client leaves ... }
 * </pre>
 */
public final class Sequence {

    /** Where a sequence is; changed under the model's lock only. */
    enum State { COUNTING, QUEUED, ADMITTED, RELEASED, CANCELLED }

    final ServerModel model;
    final Executor loop;
    final long arrivalNanos;
    private final Consumer<Sequence> onAdmitted;

    /** Set by the thread that counted the prompt, before {@link ServerModel} looks at it under its lock. */
    int promptTokens = -1;
    long[] blockHashes;

    /** Guarded by the model's lock; the loop reads them after admission handed the sequence over. */
    State state = State.COUNTING;
    long admittedNanos;
    int cachedTokens;
    long prefillNanos;

    /** Confined to {@link #loop}. */
    private boolean started;
    private boolean cancelled;

    Sequence(ServerModel model, Executor loop, long arrivalNanos, Consumer<Sequence> onAdmitted) {
        this.model = model;
        this.loop = loop;
        this.arrivalNanos = arrivalNanos;
        this.onAdmitted = onAdmitted;
    }

    /** Runs the callback of {@link ServerModel#submit}, on {@link #loop}, unless the client left meanwhile. */
    void start() {
        if (cancelled) {
            return;
        }
        started = true;
        onAdmitted.accept(this);
    }

    /** Whether the callback ran (at once, when the request was admitted as it arrived). */
    public boolean started() {
        return started;
    }

    /** Whether the prompt was counted with the tokenizer (else {@link #promptTokens()} means nothing). */
    public boolean counted() {
        return promptTokens >= 0;
    }

    /** The prompt's tokens, counted with the profile's tokenizer; -1 when the model counts none. */
    public int promptTokens() {
        return promptTokens;
    }

    /** The prompt's tokens found in the prefix cache, a whole number of blocks. */
    public int cachedTokens() {
        return cachedTokens;
    }

    /** The prefill time of the uncached tokens, in ns, added to the first token's delay. */
    public long prefillNanos() {
        return prefillNanos;
    }

    /** When it got its slot, on the {@code System.nanoTime()} scale: the start of its stream's clock. */
    public long admittedNanos() {
        return admittedNanos;
    }

    /** How long it waited in the queue, in ns. */
    public long queueWaitNanos() {
        return admittedNanos - arrivalNanos;
    }

    /** {@code script}, its gaps stretched by the batch: the stream's script while it holds its slot. */
    public Script pace(Script script) {
        return new ModelledScript(this, script);
    }

    /**
     * How long the whole answer of {@code script} takes from admission, in ns: the wait before a non-streaming
     * answer. Replays the script; the batch is taken as it is now for every step (nothing is paced, so nothing
     * could see it change).
     */
    public long answerDelayNanos(Script script) {
        ByteBuf scratch = Unpooled.buffer(4096);
        try {
            long total = prefillNanos;
            int steps = 0;
            while (!script.finished()) {
                boolean opening = script.nextStepIsOpening();
                total += script.nextStepDelayNanos();
                scratch.clear();
                script.writeStep(scratch, 0);
                if (!opening) {
                    steps++; // an opening is no decoding step: the batch does not stretch it
                }
            }
            return total + Math.max(0, steps - 1) * model.batchNanos();
        } finally {
            scratch.release();
        }
    }

    /** The answer ended at {@code nowNanos}: its slot goes to the next request in the queue. Idempotent. */
    public void release(long nowNanos) {
        model.release(this, nowNanos);
    }

    /** The client left: out of the queue, or its slot released. Call on {@link #loop}; idempotent. */
    public void cancel(long nowNanos) {
        cancelled = true;
        model.cancel(this, nowNanos);
    }
}
