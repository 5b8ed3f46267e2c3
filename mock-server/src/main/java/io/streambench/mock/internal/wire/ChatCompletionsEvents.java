package io.streambench.mock.internal.wire;

import io.netty.buffer.ByteBuf;
import io.streambench.mock.internal.profile.JsonText;
import io.streambench.mock.internal.profile.TokenStream;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * The events of one OpenAI chat completions stream ({@code chat.completion.chunk}, OPENAI_WIRE.md): every
 * chunk is {@code data: {"id",...,"choices":[{"index":i,"delta":...,"logprobs":null,"finish_reason":...}]}}.
 *
 * <p>The part up to {@code "delta":} is encoded once per stream and choice ({@link #heads}); a content event
 * is that head, {@code {"content":"}, the pre-escaped bytes of its tokens, and a constant tail, so it
 * allocates nothing. Reasoning goes before the content the same way, in the delta field the profile names
 * ({@code reasoning_content} or {@code reasoning}), as servers that stream it do. The optional {@code "usage":null} and {@code obfuscation} padding go before the closing
 * brace of every choice chunk and of the usage chunk.
 */
final class ChatCompletionsEvents implements EventEncoder {

    private static final byte[] CONTENT_OPEN = utf8("{\"content\":\"");
    private static final byte[] CONTENT_CLOSE = utf8("\"},\"logprobs\":null,\"finish_reason\":null}]");
    private static final byte[] REASONING_CONTENT_OPEN = utf8("{\"reasoning_content\":\"");
    private static final byte[] REASONING_OPEN = utf8("{\"reasoning\":\"");
    private static final byte[] OPEN_ROLE_TEXT = utf8("{\"role\":\"assistant\",\"content\":\"\",\"refusal\":null}");
    private static final byte[] OPEN_ROLE_TOOLS = utf8("{\"role\":\"assistant\",\"content\":null}");
    private static final byte[] NOT_FINISHED = utf8(",\"logprobs\":null,\"finish_reason\":null}]");
    private static final byte[] EMPTY_DELTA = utf8("{}");
    private static final byte[] FINISH_STOP = finishTail(StreamPlan.Finish.STOP);
    private static final byte[] FINISH_LENGTH = finishTail(StreamPlan.Finish.LENGTH);
    private static final byte[] FINISH_TOOL_CALLS = finishTail(StreamPlan.Finish.TOOL_CALLS);
    private static final byte[] USAGE_NULL = utf8(",\"usage\":null");
    private static final byte[] DONE = utf8("[DONE]");

    private final StreamPlan plan;
    private final SseEvents sse;
    private final SplittableRandom paddingRandom;
    private final boolean usageNull;
    /** The opening of a reasoning delta, in the profile's field. */
    private final byte[] reasoningOpen;
    /** Per choice: {@code {"id":...,"choices":[{"index":i,"delta":}; last: the usage chunk's, up to {@code "usage":}. */
    private final byte[][] heads;

    ChatCompletionsEvents(StreamPlan plan, SseEvents sse, SplittableRandom paddingRandom) {
        this.plan = plan;
        this.sse = sse;
        this.paddingRandom = paddingRandom;
        this.usageNull = plan.profile.usageNullOnChunks();
        this.reasoningOpen = switch (plan.profile.reasoning().chatField()) {
            case REASONING_CONTENT -> REASONING_CONTENT_OPEN;
            case REASONING -> REASONING_OPEN;
        };
        String fingerprint = plan.profile.systemFingerprint();
        String common = "{\"id\":\"" + ChatCompletionsFormat.id(plan) + "\",\"object\":\"chat.completion.chunk\",\"created\":"
                + plan.createdEpochSeconds + ",\"model\":\"" + JsonText.escape(plan.model) + "\""
                + (fingerprint == null ? "" : ",\"system_fingerprint\":\"" + JsonText.escape(fingerprint) + "\"");
        int n = plan.choices.size();
        this.heads = new byte[n + 1][];
        for (int i = 0; i < n; i++) {
            heads[i] = utf8(common + ",\"choices\":[{\"index\":" + i + ",\"delta\":");
        }
        heads[n] = utf8(common + ",\"choices\":[],\"usage\":");
    }

    @Override
    public void choiceStart(ByteBuf out, int choice, boolean toolCalls) {
        beginChoice(out, choice);
        out.writeBytes(toolCalls ? OPEN_ROLE_TOOLS : OPEN_ROLE_TEXT);
        endChoice(out, NOT_FINISHED);
    }

    @Override
    public void reasoning(ByteBuf out, int choice, TokenStream tokens, int count, boolean last) {
        if (plan.reasoningShown) {
            delta(out, choice, reasoningOpen, tokens, count);
        }
    }

    @Override
    public void text(ByteBuf out, int choice, TokenStream tokens, int count, boolean last) {
        delta(out, choice, CONTENT_OPEN, tokens, count);
    }

    /** {@code {"<field>":"<the next count tokens>"}} as one chunk. */
    private void delta(ByteBuf out, int choice, byte[] open, TokenStream tokens, int count) {
        beginChoice(out, choice);
        out.writeBytes(open);
        for (int j = 0; j < count; j++) {
            out.writeBytes(tokens.next().jsonUtf8());
        }
        endChoice(out, CONTENT_CLOSE);
    }

    @Override
    public void toolCallStart(ByteBuf out, int choice, int call, StreamPlan.ToolCallPlan toolCall) {
        beginChoice(out, choice);
        out.writeBytes(utf8("{\"tool_calls\":[{\"index\":" + call + ",\"id\":\"" + ChatCompletionsFormat.callId(toolCall)
                + "\",\"type\":\"function\",\"function\":{\"name\":\"" + JsonText.escape(toolCall.name())
                + "\",\"arguments\":\"\"}}]}"));
        endChoice(out, NOT_FINISHED);
    }

    @Override
    public void toolArguments(ByteBuf out, int choice, int call, String arguments, int from, int to) {
        beginChoice(out, choice);
        out.writeBytes(utf8("{\"tool_calls\":[{\"index\":" + call + ",\"function\":{\"arguments\":\""
                + JsonText.escape(arguments.substring(from, to)) + "\"}}]}"));
        endChoice(out, NOT_FINISHED);
    }

    @Override
    public void choiceFinish(ByteBuf out, int choice, StreamPlan.Finish finish) {
        beginChoice(out, choice);
        out.writeBytes(EMPTY_DELTA);
        endChoice(out, switch (finish) {
            case STOP -> FINISH_STOP;
            case LENGTH -> FINISH_LENGTH;
            case TOOL_CALLS -> FINISH_TOOL_CALLS;
        });
    }

    /** The usage chunk ({@code "choices":[]}), sent only when the request asked for it. */
    @Override
    public void streamFinish(ByteBuf out) {
        if (!plan.includeUsage) {
            return;
        }
        sse.begin(out);
        out.writeBytes(heads[plan.choices.size()]);
        out.writeBytes(utf8(ChatCompletionsFormat.usageJson(plan)));
        padding(out);
        out.writeByte('}');
        sse.end(out);
    }

    @Override
    public void endMarker(ByteBuf out) {
        sse.begin(out);
        out.writeBytes(DONE);
        sse.end(out);
    }

    /** {@code data: {"error": {...}}}, which the SDKs raise without retrying; {@code server_error} by default. */
    @Override
    public void errorEvent(ByteBuf out, String message, String type, String code) {
        sse.begin(out);
        out.writeBytes(utf8("{\"error\":{\"message\":\""
                + JsonText.escape(OpenAiErrors.message(message)) + "\",\"type\":\""
                + JsonText.escape(OpenAiErrors.type(type)) + "\",\"param\":null,\"code\":"
                + (code == null ? "null" : "\"" + JsonText.escape(code) + "\"") + "}}"));
        sse.end(out);
    }

    @Override
    public void malformedEvent(ByteBuf out, boolean invalidUtf8) {
        sse.begin(out);
        if (invalidUtf8) {
            out.writeBytes(heads[0]);
            out.writeBytes(CONTENT_OPEN);
            // 0xC3 must be followed by a continuation byte; '(' is not one. 0xFF never appears in UTF-8.
            out.writeByte(0xC3).writeByte('(').writeByte(0xFF);
            out.writeBytes(CONTENT_CLOSE);
            out.writeByte('}');
        } else {
            out.writeBytes(heads[0], 0, heads[0].length / 2);
        }
        sse.end(out);
    }

    private void beginChoice(ByteBuf out, int choice) {
        sse.begin(out);
        out.writeBytes(heads[choice]);
    }

    private void endChoice(ByteBuf out, byte[] tail) {
        out.writeBytes(tail);
        if (usageNull) {
            out.writeBytes(USAGE_NULL);
        }
        padding(out);
        out.writeByte('}');
        sse.end(out);
    }

    private void padding(ByteBuf out) {
        Padding.write(out, plan, paddingRandom);
    }

    private static byte[] finishTail(StreamPlan.Finish finish) {
        return utf8(",\"logprobs\":null,\"finish_reason\":\"" + ChatCompletionsFormat.finishReason(finish) + "\"}]");
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
