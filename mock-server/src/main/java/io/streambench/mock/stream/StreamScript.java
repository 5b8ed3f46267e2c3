package io.streambench.mock.stream;

import io.netty.buffer.ByteBuf;
import io.streambench.mock.profile.JsonText;
import io.streambench.mock.profile.Token;
import io.streambench.mock.profile.TokenStream;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * The sequence of SSE events of one answer, written step by step into buffers. A step is the set of
 * events due at one deadline: the first step (after the time to first token) carries each choice's role
 * chunk and first content event; each later step (after one inter-chunk gap) one more event per choice;
 * a choice's finish chunk follows its last content event, and the usage chunk and {@code [DONE]} follow
 * the last finish.
 *
 * <p>Content events are encoded from byte templates made once per stream ({@code data: {...,"delta":
 * {"content":"} ... {@code "},"logprobs":null,...}\n\n}) with the pre-escaped bytes of each token copied in
 * between, so content events allocate nothing on the heap. Tool-call fragments (the rare case) are built
 * as strings. Public so that a benchmark can measure exactly
 * that ({@code ChunkEncodeBenchmark}); the server drives it through {@link StreamSession}.
 */
public final class StreamScript {

    private static final byte[] DATA = bytes("data: ");
    private static final byte[] CONTENT_OPEN = bytes("{\"content\":\"");
    private static final byte[] CONTENT_CLOSE = bytes("\"},\"logprobs\":null,\"finish_reason\":null}]");
    private static final byte[] OPEN_ROLE_TEXT = bytes("{\"role\":\"assistant\",\"content\":\"\",\"refusal\":null}");
    private static final byte[] OPEN_ROLE_TOOLS = bytes("{\"role\":\"assistant\",\"content\":null}");
    private static final byte[] NOT_FINISHED = bytes(",\"logprobs\":null,\"finish_reason\":null}]");
    private static final byte[] USAGE_NULL = bytes(",\"usage\":null");
    private static final byte[] OBFUSCATION = bytes(",\"obfuscation\":\"");
    private static final byte[] EVENT_END = bytes("}\n\n");
    private static final byte[] DONE = bytes("data: [DONE]\n\n");
    private static final byte[] STAMP = bytes(": t=");
    private static final byte[] PAD = padTable(8192);

    private final StreamPlan plan;
    private final StreamPlan.Randoms random;
    private final byte[][] heads;
    private final Choice[] choices;
    private final boolean usageNull;
    private boolean first = true;
    private boolean finished;
    private int eventsInStep;
    private boolean omitDone;
    private boolean omitFinish;

    /** A fresh rendering of {@code plan}: the same plan always renders the same bytes (but for stamps). */
    public StreamScript(StreamPlan plan) {
        this.plan = plan;
        this.random = plan.newRandoms();
        this.usageNull = plan.profile.usageNullOnChunks();
        String fingerprint = plan.profile.systemFingerprint();
        String common = "{\"id\":\"" + plan.id + "\",\"object\":\"chat.completion.chunk\",\"created\":"
                + plan.createdEpochSeconds + ",\"model\":\"" + JsonText.escape(plan.model) + "\""
                + (fingerprint == null ? "" : ",\"system_fingerprint\":\"" + JsonText.escape(fingerprint) + "\"");
        int n = plan.choices.size();
        this.heads = new byte[n + 1][];
        this.choices = new Choice[n];
        for (int i = 0; i < n; i++) {
            heads[i] = bytes(common + ",\"choices\":[{\"index\":" + i + ",\"delta\":");
            StreamPlan.ChoicePlan c = plan.choices.get(i);
            TokenStream tokens = plan.profile.content().open(random.content().get(i), plan.lastUserMessage);
            choices[i] = new Choice(c, tokens);
        }
        heads[n] = bytes(common + ",\"choices\":[],\"usage\":");
    }

    /** Fault: end without {@code data: [DONE]}. */
    void omitDone() {
        omitDone = true;
    }

    /** Fault: skip the finish (and usage) chunks. */
    void omitFinish() {
        omitFinish = true;
    }

    /** Fault: writes {@code data: {"error": {...}}}. */
    void writeErrorEvent(ByteBuf out, long stampNanos, String message, String type, String code) {
        stamp(out, stampNanos);
        out.writeBytes(DATA);
        out.writeBytes(("{\"error\":{\"message\":\"" + JsonText.escape(message) + "\",\"type\":\""
                + JsonText.escape(type) + "\",\"param\":null,\"code\":"
                + (code == null ? "null" : "\"" + JsonText.escape(code) + "\"") + "}}\n\n")
                .getBytes(StandardCharsets.UTF_8));
    }

    /** Fault: one event that is not valid: JSON cut in the middle, or invalid UTF-8 inside the content. */
    void writeMalformed(ByteBuf out, long stampNanos, boolean invalidUtf8) {
        stamp(out, stampNanos);
        out.writeBytes(DATA);
        if (invalidUtf8) {
            out.writeBytes(heads[0]);
            out.writeBytes(CONTENT_OPEN);
            // 0xC3 must be followed by a continuation byte; '(' is not one. 0xFF never appears in UTF-8.
            out.writeByte(0xC3).writeByte('(').writeByte(0xFF);
            out.writeBytes(CONTENT_CLOSE);
            out.writeBytes(EVENT_END);
        } else {
            out.writeBytes(heads[0], 0, heads[0].length / 2);
            out.writeByte('\n').writeByte('\n');
        }
    }

    /** True once {@code [DONE]} has been written. */
    public boolean finished() {
        return finished;
    }

    /** Delay of the next step after the deadline of the previous one (the first: time to first token). */
    public long nextStepDelayNanos() {
        return StreamPlan.millisToNanos((first ? plan.ttftMs : plan.itlMs).sample(random.timing()));
    }

    /**
     * Writes the events of the next step into {@code out}.
     *
     * @param stampNanos the send time written as {@code : t=} before each event when stamps are on
     * @return the number of SSE events written
     */
    public int writeStep(ByteBuf out, long stampNanos) {
        eventsInStep = 0;
        boolean allDone = true;
        for (int i = 0; i < choices.length; i++) {
            Choice c = choices[i];
            if (c.done) {
                continue;
            }
            if (first) {
                beginEvent(out, stampNanos, i);
                out.writeBytes(c.plan.toolCalls().isEmpty() ? OPEN_ROLE_TEXT : OPEN_ROLE_TOOLS);
                endChoiceEvent(out, NOT_FINISHED);
            }
            if (c.hasBody()) {
                c.writeBody(this, out, stampNanos, i);
            }
            if (!c.hasBody()) {
                if (!omitFinish) {
                    beginEvent(out, stampNanos, i);
                    out.writeBytes(EMPTY_DELTA);
                    endChoiceEvent(out, finishTail(c.plan.finishReason()));
                }
                c.done = true;
            }
            allDone &= c.done;
        }
        first = false;
        if (allDone) {
            if (plan.includeUsage && !omitFinish) {
                stamp(out, stampNanos);
                out.writeBytes(DATA);
                out.writeBytes(heads[choices.length]);
                out.writeBytes(usageJson(plan).getBytes(StandardCharsets.UTF_8));
                padding(out);
                out.writeBytes(EVENT_END);
                eventsInStep++;
            }
            if (!omitDone) {
                stamp(out, stampNanos);
                out.writeBytes(DONE);
                eventsInStep++;
            }
            finished = true;
        }
        return eventsInStep;
    }

    private static final byte[] EMPTY_DELTA = bytes("{}");
    private static final byte[] FINISH_STOP = finishBytes("stop");
    private static final byte[] FINISH_LENGTH = finishBytes("length");
    private static final byte[] FINISH_TOOL_CALLS = finishBytes("tool_calls");

    private static byte[] finishBytes(String reason) {
        return bytes(",\"logprobs\":null,\"finish_reason\":\"" + reason + "\"}]");
    }

    private static byte[] finishTail(String reason) {
        return switch (reason) {
            case "length" -> FINISH_LENGTH;
            case "tool_calls" -> FINISH_TOOL_CALLS;
            default -> FINISH_STOP;
        };
    }

    private void beginEvent(ByteBuf out, long stampNanos, int choice) {
        stamp(out, stampNanos);
        out.writeBytes(DATA);
        out.writeBytes(heads[choice]);
    }

    private void endChoiceEvent(ByteBuf out, byte[] tail) {
        out.writeBytes(tail);
        if (usageNull) {
            out.writeBytes(USAGE_NULL);
        }
        padding(out);
        out.writeBytes(EVENT_END);
        eventsInStep++;
    }

    private void stamp(ByteBuf out, long stampNanos) {
        if (plan.timestamps) {
            out.writeBytes(STAMP);
            writeLong(out, stampNanos);
            out.writeByte('\n');
        }
    }

    private void padding(ByteBuf out) {
        int len = plan.paddingBytes.sampleInt(random.padding(), 0);
        if (len <= 0) {
            return;
        }
        out.writeBytes(OBFUSCATION);
        while (len > 0) {
            int n = Math.min(len, PAD.length / 2);
            out.writeBytes(PAD, random.padding().nextInt(PAD.length - n + 1), n);
            len -= n;
        }
        out.writeByte('"');
    }

    /** One choice's progress: role sent, content tokens or tool-call fragments left. */
    private static final class Choice {
        final StreamPlan.ChoicePlan plan;
        final TokenStream tokens;
        int tokensLeft;
        int call;
        int argOffset = -1;
        boolean done;

        Choice(StreamPlan.ChoicePlan plan, TokenStream tokens) {
            this.plan = plan;
            this.tokens = tokens;
            this.tokensLeft = plan.contentTokens();
        }

        boolean hasBody() {
            return plan.toolCalls().isEmpty() ? tokensLeft > 0 : call < plan.toolCalls().size();
        }

        void writeBody(StreamScript s, ByteBuf out, long stampNanos, int index) {
            s.beginEvent(out, stampNanos, index);
            if (plan.toolCalls().isEmpty()) {
                int k = Math.min(tokensLeft, s.plan.tokensPerChunk.sampleInt(s.random.chunk(), 1));
                out.writeBytes(CONTENT_OPEN);
                for (int j = 0; j < k; j++) {
                    out.writeBytes(tokens.next().jsonUtf8());
                }
                tokensLeft -= k;
                s.endChoiceEvent(out, CONTENT_CLOSE);
            } else {
                writeToolFragment(s, out);
                s.endChoiceEvent(out, NOT_FINISHED);
            }
        }

        private void writeToolFragment(StreamScript s, ByteBuf out) {
            StreamPlan.ToolCallPlan t = plan.toolCalls().get(call);
            String json;
            if (argOffset < 0) {
                json = "{\"tool_calls\":[{\"index\":" + call + ",\"id\":\"" + t.id() + "\",\"type\":\"function\","
                        + "\"function\":{\"name\":\"" + JsonText.escape(t.name()) + "\",\"arguments\":\"\"}}]}";
                argOffset = 0;
            } else {
                String args = t.arguments();
                int end = Math.min(args.length(), argOffset + s.plan.profile.toolCalls().argumentCharsPerChunk()
                        .sampleInt(s.random.chunk(), 1));
                if (end < args.length() && Character.isHighSurrogate(args.charAt(end - 1))) {
                    end++; // never split a surrogate pair between fragments
                }
                json = "{\"tool_calls\":[{\"index\":" + call + ",\"function\":{\"arguments\":\""
                        + JsonText.escape(args.substring(argOffset, end)) + "\"}}]}";
                argOffset = end;
                if (end >= args.length()) {
                    call++;
                    argOffset = -1;
                }
            }
            out.writeBytes(json.getBytes(StandardCharsets.UTF_8));
        }
    }

    static String usageJson(StreamPlan plan) {
        long completion = plan.completionTokens();
        return "{\"prompt_tokens\":" + plan.promptTokens + ",\"completion_tokens\":" + completion
                + ",\"total_tokens\":" + (plan.promptTokens + completion)
                + ",\"prompt_tokens_details\":{\"cached_tokens\":0,\"audio_tokens\":0}"
                + ",\"completion_tokens_details\":{\"reasoning_tokens\":0,\"audio_tokens\":0,"
                + "\"accepted_prediction_tokens\":0,\"rejected_prediction_tokens\":0}}";
    }

    /** Writes a long in decimal without allocating ({@code System.nanoTime()} may be negative). */
    static void writeLong(ByteBuf out, long v) {
        if (v < 0) {
            out.writeByte('-');
            v = -v;
        }
        long div = 1;
        while (v / div >= 10) {
            div *= 10;
        }
        while (div > 0) {
            out.writeByte((int) ('0' + (v / div) % 10));
            div /= 10;
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] padTable(int size) {
        byte[] alphabet = bytes("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789");
        SplittableRandom r = new SplittableRandom(0x5eed);
        byte[] b = new byte[size];
        for (int i = 0; i < size; i++) {
            b[i] = alphabet[r.nextInt(alphabet.length)];
        }
        return b;
    }
}
