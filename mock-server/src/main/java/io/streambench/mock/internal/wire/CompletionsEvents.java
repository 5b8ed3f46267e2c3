package io.streambench.mock.internal.wire;

import io.netty.buffer.ByteBuf;
import io.streambench.mock.internal.profile.JsonText;
import io.streambench.mock.internal.profile.TokenStream;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * The events of one legacy completions stream ({@code text_completion}, docs/wire-formats.md): every chunk is
 * {@code data: {"id":"cmpl-…","object":"text_completion","created":…,"model":…,"choices":[{"index":i,
 * "text":…,"logprobs":null,"finish_reason":…}]}}. There is no role chunk; the finish reason rides on the
 * chunk with a choice's last text; with {@code include_usage} a last chunk has {@code "choices":[]} and the
 * usage; then {@code [DONE]}.
 *
 * <p>The part up to {@code "text":"} is encoded once per stream and choice, so a text chunk copies it, the
 * pre-escaped token bytes and a constant tail, and allocates nothing.
 */
final class CompletionsEvents implements EventEncoder {

    private static final byte[] NOT_FINISHED = utf8("\",\"logprobs\":null,\"finish_reason\":null}]");
    private static final byte[] STOP = utf8("\",\"logprobs\":null,\"finish_reason\":\"stop\"}]");
    private static final byte[] LENGTH = utf8("\",\"logprobs\":null,\"finish_reason\":\"length\"}]");
    private static final byte[] DONE = utf8("[DONE]");

    private final StreamPlan plan;
    private final SseEvents sse;
    private final SplittableRandom paddingRandom;
    /** Per choice: the chunk up to {@code "text":"}; last: the usage chunk's, up to {@code "usage":}. */
    private final byte[][] heads;
    /** Per choice: whether its finish reason was sent (on its last text chunk). */
    private final boolean[] finished;

    CompletionsEvents(StreamPlan plan, SseEvents sse, SplittableRandom paddingRandom) {
        this.plan = plan;
        this.sse = sse;
        this.paddingRandom = paddingRandom;
        String common = "{\"id\":\"" + CompletionsFormat.id(plan) + "\",\"object\":\"text_completion\",\"created\":"
                + plan.createdEpochSeconds + ",\"model\":\"" + JsonText.escape(plan.model) + "\"";
        int n = plan.choices.size();
        this.heads = new byte[n + 1][];
        for (int i = 0; i < n; i++) {
            heads[i] = utf8(common + ",\"choices\":[{\"index\":" + i + ",\"text\":\"");
        }
        heads[n] = utf8(common + ",\"choices\":[],\"usage\":");
        this.finished = new boolean[n];
    }

    @Override
    public void choiceStart(ByteBuf out, int choice, boolean toolCalls) {
        // No role chunk: the first chunk already carries text.
    }

    @Override
    public void text(ByteBuf out, int choice, TokenStream tokens, int count, boolean last) {
        sse.begin(out);
        out.writeBytes(heads[choice]);
        for (int j = 0; j < count; j++) {
            out.writeBytes(tokens.next().jsonUtf8());
        }
        out.writeBytes(last ? tail(plan.choices.get(choice).finish()) : NOT_FINISHED);
        finished[choice] = last;
        end(out);
    }

    @Override
    public void toolCallStart(ByteBuf out, int choice, int call, StreamPlan.ToolCallPlan toolCall) {
        throw new IllegalStateException("legacy completions have no tool calls");
    }

    @Override
    public void toolArguments(ByteBuf out, int choice, int call, String arguments, int from, int to) {
        throw new IllegalStateException("legacy completions have no tool calls");
    }

    /** The finish reason, on a chunk of its own only when no text chunk could carry it (an empty answer). */
    @Override
    public void choiceFinish(ByteBuf out, int choice, StreamPlan.Finish finish) {
        if (!finished[choice]) {
            sse.begin(out);
            out.writeBytes(heads[choice]);
            out.writeBytes(tail(finish));
            end(out);
        }
    }

    /** The usage chunk ({@code "choices":[]}), sent only when the request asked for it. */
    @Override
    public void streamFinish(ByteBuf out) {
        if (!plan.includeUsage) {
            return;
        }
        sse.begin(out);
        out.writeBytes(heads[plan.choices.size()]);
        out.writeBytes(utf8(CompletionsFormat.usageJson(plan)));
        end(out);
    }

    @Override
    public void endMarker(ByteBuf out) {
        sse.begin(out);
        out.writeBytes(DONE);
        sse.end(out);
    }

    /** {@code data: {"error": {...}}}, which the SDKs raise without retrying. */
    @Override
    public void errorEvent(ByteBuf out, String message, String type, String code) {
        message = OpenAiErrors.message(message);
        type = OpenAiErrors.type(type);
        sse.begin(out);
        out.writeBytes(utf8("{\"error\":{\"message\":\"" + JsonText.escape(message) + "\",\"type\":\""
                + JsonText.escape(type) + "\",\"param\":null,\"code\":"
                + (code == null ? "null" : "\"" + JsonText.escape(code) + "\"") + "}}"));
        sse.end(out);
    }

    @Override
    public void malformedEvent(ByteBuf out, boolean invalidUtf8) {
        sse.begin(out);
        if (invalidUtf8) {
            out.writeBytes(heads[0]);
            // 0xC3 must be followed by a continuation byte; '(' is not one. 0xFF never appears in UTF-8.
            out.writeByte(0xC3).writeByte('(').writeByte(0xFF);
            out.writeBytes(NOT_FINISHED);
            out.writeByte('}');
        } else {
            out.writeBytes(heads[0], 0, heads[0].length / 2);
        }
        sse.end(out);
    }

    private void end(ByteBuf out) {
        Padding.write(out, plan, paddingRandom);
        out.writeByte('}');
        sse.end(out);
    }

    private static byte[] tail(StreamPlan.Finish finish) {
        return finish == StreamPlan.Finish.LENGTH ? LENGTH : STOP;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
