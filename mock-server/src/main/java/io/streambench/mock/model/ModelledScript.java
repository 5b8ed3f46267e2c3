package io.streambench.mock.model;

import io.netty.buffer.ByteBuf;
import io.streambench.mock.stream.Script;

/**
 * A stream's script with the model's timing added to its delays, for as long as its sequence holds a slot:
 * the prefill before the first step, then on every gap the cost of the other sequences in the batch and the
 * decoding stalls caused by the prefills of requests admitted since. The content is the wrapped script's.
 *
 * <p>{@code StreamSession} asks for the next delay right after it wrote a step and adds it to that step's
 * deadline, so each deadline stays absolute (the previous deadline plus a gap) while the gap follows the batch
 * as it is at that moment, as a server's next decoding step takes as long as the batch it runs. A deadline,
 * once set, never moves: a stall that begins during a gap lengthens the next one. It also knows when its
 * last step was due, so the slot is released as of that deadline, not as of the write, however late the write.
 */
final class ModelledScript implements Script {

    private final Sequence sequence;
    private final Script script;
    private long delays;
    /** The deadline of the step being written next, from the sequence's admission. */
    private long deadlineNanos;
    /** The model's stall clock when the previous gap was drawn. */
    private long stallSeen;

    ModelledScript(Sequence sequence, Script script) {
        this.sequence = sequence;
        this.script = script;
        this.deadlineNanos = sequence.admittedNanos;
    }

    @Override
    public long nextStepDelayNanos() {
        long delay = script.nextStepDelayNanos();
        ServerModel model = sequence.model;
        if (delays == 0) {
            delay += sequence.prefillNanos;
        } else {
            long stall = model.stallNanos();
            if (delays == 1) {
                stallSeen = stall; // stalls during its own prefill did not hold up a decoding step of this one
            }
            delay += model.batchNanos() + (stall - stallSeen);
            stallSeen = stall;
        }
        delays++;
        deadlineNanos += delay;
        return delay;
    }

    @Override
    public int writeStep(ByteBuf out, long stampNanos) {
        int events = script.writeStep(out, stampNanos);
        if (script.finished()) {
            // Released as of the deadline (never in the future): the next request's clock starts when the
            // model, not the late write, freed the slot.
            sequence.release(deadlineNanos - stampNanos < 0 ? deadlineNanos : stampNanos);
        }
        return events;
    }

    @Override
    public boolean finished() {
        return script.finished();
    }

    @Override
    public void writeErrorEvent(ByteBuf out, long stampNanos, String message, String type, String code) {
        script.writeErrorEvent(out, stampNanos, message, type, code);
    }

    @Override
    public void writeMalformed(ByteBuf out, long stampNanos, boolean invalidUtf8) {
        script.writeMalformed(out, stampNanos, invalidUtf8);
    }
}
