package io.streambench.mock.internal.wire;

import io.netty.buffer.ByteBuf;
import io.streambench.mock.internal.profile.TokenStream;
import io.streambench.mock.internal.stream.Script;

/**
 * What one stream says and when, the same for every API: the steps of a {@link StreamPlan}, told to an
 * {@link EventEncoder} that spells them. A step is what is due at one deadline: the first (after the time
 * to first token) opens each choice and carries its first fragment; each later one (after one inter-chunk
 * gap) carries one more fragment per choice. A fragment is a few tokens of reasoning or of text, or a tool
 * call's header, or a piece of its arguments; a choice's reasoning comes before its text or tool calls. A
 * choice finishes in the step of its last fragment, and the stream's summary and end marker follow the last
 * choice's finish. An API that answers a request at once with a stream-level opening (the Responses API's
 * {@code response.created}) gets it as a step of its own before the first, due at once.
 *
 * <p>Chunk sizes and gaps are drawn here from the plan's random sources, in the same order whatever the
 * format, so a seed gives the same timing and the same text in every API.
 */
final class StreamScript implements Script {

    private final StreamPlan plan;
    private final StreamPlan.Randoms random;
    private final SseEvents sse;
    private final EventEncoder encoder;
    private final WireFormat format;
    private final Choice[] choices;
    /** False under the {@code no_finish} fault: no finish events and no summary. */
    private final boolean finishes;
    /** False under the {@code no_done} fault: no end marker. */
    private final boolean endMarker;
    /** The stream-level opening is still due as a step of its own, at once ({@code WireFormat.opensAtOnce}). */
    private boolean opening;
    private boolean first = true;
    private boolean finished;

    /** A fresh rendering of {@code plan}: the same plan always renders the same bytes (but for stamps). */
    StreamScript(StreamPlan plan, WireFormat format, boolean finishes, boolean endMarker) {
        this.plan = plan;
        this.random = plan.newRandoms();
        this.sse = new SseEvents(plan.timestamps, format.crlfLineEnds());
        this.encoder = format.newEncoder(plan, sse, random);
        this.format = format;
        this.finishes = finishes;
        this.endMarker = endMarker;
        this.opening = format.opensAtOnce();
        int n = plan.choices.size();
        this.choices = new Choice[n];
        for (int i = 0; i < n; i++) {
            StreamPlan.ChoicePlan c = plan.choices.get(i);
            choices[i] = new Choice(c, plan.openContent(random, i),
                    c.reasoningTokens() > 0 ? StreamPlan.openReasoning(random, i) : null);
        }
    }

    @Override
    public boolean finished() {
        return finished;
    }

    @Override
    public boolean nextStepIsOpening() {
        return opening;
    }

    @Override
    public long nextStepDelayNanos() {
        if (opening) {
            return 0; // drawn from nothing, so the timing of the steps after it is the same as without it
        }
        return StreamPlan.millisToNanos((first ? plan.ttftMs : plan.itlMs).sample(random.timing()));
    }

    @Override
    public int writeStep(ByteBuf out, long stampNanos) {
        sse.stampAt(stampNanos);
        long before = sse.sequence();
        if (opening) {
            opening = false;
            encoder.streamStart(out);
            return (int) (sse.sequence() - before);
        }
        if (first && !format.opensAtOnce()) {
            encoder.streamStart(out);
        }
        boolean allDone = true;
        for (int i = 0; i < choices.length; i++) {
            Choice c = choices[i];
            if (c.done) {
                continue;
            }
            if (first) {
                encoder.choiceStart(out, i, c.toolCalls());
            }
            if (c.hasFragment()) {
                writeFragment(c, out, i);
            }
            if (!c.hasFragment()) {
                if (finishes) {
                    encoder.choiceFinish(out, i, c.plan.finish());
                }
                c.done = true;
            }
            allDone &= c.done;
        }
        first = false;
        if (allDone) {
            if (finishes) {
                encoder.streamFinish(out);
            }
            if (endMarker) {
                encoder.endMarker(out);
            }
            finished = true;
        }
        return (int) (sse.sequence() - before);
    }

    @Override
    public int writeErrorEvent(ByteBuf out, long stampNanos, String message, String type, String code) {
        sse.stampAt(stampNanos);
        long before = sse.sequence();
        encoder.errorEvent(out, message, type, code);
        return (int) (sse.sequence() - before);
    }

    @Override
    public void writeMalformed(ByteBuf out, long stampNanos, boolean invalidUtf8) {
        sse.stampAt(stampNanos);
        encoder.malformedEvent(out, invalidUtf8);
    }

    private void writeFragment(Choice c, ByteBuf out, int index) {
        if (c.reasoningLeft > 0) {
            int k = Math.min(c.reasoningLeft, plan.tokensPerChunk.sampleInt(random.chunk(), 1));
            if (c.reasoningLeft == c.plan.reasoningTokens()) {
                encoder.reasoningStart(out, index);
            }
            c.reasoningLeft -= k;
            encoder.reasoning(out, index, c.reasoning, k, finishes && !c.hasFragment());
            if (c.reasoningLeft == 0) {
                encoder.reasoningStop(out, index);
            }
            return;
        }
        if (!c.toolCalls()) {
            int k = Math.min(c.tokensLeft, plan.tokensPerChunk.sampleInt(random.chunk(), 1));
            if (c.tokensLeft == c.plan.contentTokens()) {
                encoder.textStart(out, index);
            }
            c.tokensLeft -= k;
            // "last" promises the finish in this step, which the no_finish fault withholds.
            encoder.text(out, index, c.tokens, k, finishes && c.tokensLeft == 0);
            if (c.tokensLeft == 0) {
                encoder.textStop(out, index);
            }
            return;
        }
        StreamPlan.ToolCallPlan t = c.plan.toolCalls().get(c.call);
        if (c.argOffset < 0) {
            encoder.toolCallStart(out, index, c.call, t);
            c.argOffset = 0;
            return;
        }
        String args = t.arguments();
        int end = Math.min(args.length(), c.argOffset
                + plan.profile.toolCalls().argumentCharsPerChunk().sampleInt(random.chunk(), 1));
        if (end < args.length() && Character.isHighSurrogate(args.charAt(end - 1))) {
            end++; // never split a surrogate pair between fragments
        }
        encoder.toolArguments(out, index, c.call, args, c.argOffset, end);
        c.argOffset = end;
        if (end >= args.length()) {
            encoder.toolCallStop(out, index, c.call);
            c.call++;
            c.argOffset = -1;
        }
    }

    /** One choice's progress: reasoning tokens left, then text tokens left, or the tool call and arguments offset. */
    private static final class Choice {
        final StreamPlan.ChoicePlan plan;
        final TokenStream tokens;
        /** The reasoning text, or null when the choice has none. */
        final TokenStream reasoning;
        int reasoningLeft;
        int tokensLeft;
        int call;
        /** Where the next arguments fragment starts; -1 before the call's header was sent. */
        int argOffset = -1;
        boolean done;

        Choice(StreamPlan.ChoicePlan plan, TokenStream tokens, TokenStream reasoning) {
            this.plan = plan;
            this.tokens = tokens;
            this.reasoning = reasoning;
            this.reasoningLeft = plan.reasoningTokens();
            this.tokensLeft = plan.contentTokens();
        }

        boolean toolCalls() {
            return !plan.toolCalls().isEmpty();
        }

        boolean hasFragment() {
            return reasoningLeft > 0 || (toolCalls() ? call < plan.toolCalls().size() : tokensLeft > 0);
        }
    }
}
