package io.streambench.mock.internal.wire;

import io.netty.buffer.ByteBuf;
import io.streambench.mock.internal.profile.JsonText;
import io.streambench.mock.internal.profile.TokenStream;
import io.streambench.mock.profile.Pings;
import java.nio.charset.StandardCharsets;

/**
 * The events of one Anthropic Messages stream: every event is {@code event: <type>} and {@code data:} with the
 * same {@code type} in the JSON (anthropic-java dispatches on the {@code event:} line). {@code message_start},
 * then per content block {@code content_block_start}, {@code content_block_delta}..., {@code content_block_stop}
 * with the block's {@code index} counted here from 0 (a {@code thinking} block first when the model thinks,
 * its {@code signature_delta} just before its stop), then {@code message_delta} (stop reason, cumulative
 * usage) and {@code message_stop}; a {@code ping} after the first block opens, as real streams send it.
 *
 * <p>A message has one answer, so {@code choice} is always 0. The constant parts are encoded once; a text
 * delta is a template, its index in decimal and the pre-escaped bytes of its tokens, so it allocates nothing.
 */
final class MessagesEvents implements EventEncoder {

    static final byte[] MESSAGE_START = SseEvents.ascii("message_start");
    static final byte[] CONTENT_BLOCK_START = SseEvents.ascii("content_block_start");
    static final byte[] CONTENT_BLOCK_DELTA = SseEvents.ascii("content_block_delta");
    static final byte[] CONTENT_BLOCK_STOP = SseEvents.ascii("content_block_stop");
    static final byte[] MESSAGE_DELTA = SseEvents.ascii("message_delta");
    static final byte[] MESSAGE_STOP = SseEvents.ascii("message_stop");
    static final byte[] PING = SseEvents.ascii("ping");
    static final byte[] ERROR = SseEvents.ascii("error");

    private static final byte[] BLOCK_START = utf8("{\"type\":\"content_block_start\",\"index\":");
    private static final byte[] TEXT_BLOCK = utf8(",\"content_block\":{\"type\":\"text\",\"text\":\"\"}}");
    private static final byte[] DELTA = utf8("{\"type\":\"content_block_delta\",\"index\":");
    private static final byte[] THINKING_BLOCK =
            utf8(",\"content_block\":{\"type\":\"thinking\",\"thinking\":\"\",\"signature\":\"\"}}");
    private static final byte[] THINKING_DELTA = utf8(",\"delta\":{\"type\":\"thinking_delta\",\"thinking\":\"");
    private static final byte[] SIGNATURE_DELTA = utf8(",\"delta\":{\"type\":\"signature_delta\",\"signature\":\"");
    private static final byte[] TEXT_DELTA = utf8(",\"delta\":{\"type\":\"text_delta\",\"text\":\"");
    private static final byte[] JSON_DELTA = utf8(",\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"");
    private static final byte[] DELTA_END = utf8("\"}}");
    private static final byte[] BLOCK_STOP = utf8("{\"type\":\"content_block_stop\",\"index\":");
    /** Real streams write this one event with a space after the colon. */
    private static final byte[] PING_DATA = utf8("{\"type\": \"ping\"}");
    private static final byte[] DELTA_HEAD = utf8("{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"");
    private static final byte[] DELTA_USAGE = utf8("\",\"stop_sequence\":null},\"usage\":{\"output_tokens\":");
    private static final byte[] THINKING_TOKENS = utf8(",\"output_tokens_details\":{\"thinking_tokens\":");
    private static final byte[] STOP_DATA = utf8("{\"type\":\"message_stop\"}");

    private final StreamPlan plan;
    private final SseEvents sse;
    private final Pings pings;
    private final byte[] messageStart;
    /** The thinking block's signature, made with the encoder when the answer thinks. */
    private final byte[] signature;
    /** Index of the next content block to open. */
    private int nextIndex;
    /** Index of the block being streamed, -1 between blocks. */
    private int openIndex = -1;
    private long deltas;

    MessagesEvents(StreamPlan plan, SseEvents sse) {
        this.plan = plan;
        this.sse = sse;
        this.pings = plan.profile.pings();
        this.messageStart = utf8("{\"type\":\"message_start\",\"message\":{\"id\":\"" + MessagesFormat.id(plan)
                + "\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"" + JsonText.escape(plan.model)
                + "\",\"content\":[],\"stop_reason\":null,\"stop_sequence\":null,\"usage\":"
                + MessagesFormat.inputUsage(plan, 1) + "}}");
        this.signature = plan.reasoningTokens() > 0 ? MessagesFormat.signature(plan) : null;
    }

    @Override
    public void streamStart(ByteBuf out) {
        sse.begin(out, MESSAGE_START);
        out.writeBytes(messageStart);
        sse.end(out);
    }

    @Override
    public void choiceStart(ByteBuf out, int choice, boolean toolCalls) {
        // message_start opened the one answer already.
    }

    /** A {@code thinking} block opens with empty text and signature, which its deltas fill. */
    @Override
    public void reasoningStart(ByteBuf out, int choice) {
        openBlock(out);
        out.writeBytes(THINKING_BLOCK);
        sse.end(out);
        firstPing(out);
    }

    /** A {@code thinking_delta}; with {@code display: "omitted"} the thinking takes its time but sends no text. */
    @Override
    public void reasoning(ByteBuf out, int choice, TokenStream tokens, int count, boolean last) {
        if (!plan.reasoningShown) {
            return;
        }
        beginDelta(out, THINKING_DELTA);
        for (int j = 0; j < count; j++) {
            out.writeBytes(tokens.next().jsonUtf8());
        }
        endDelta(out);
    }

    /** The block's one {@code signature_delta}, just before its {@code content_block_stop}. */
    @Override
    public void reasoningStop(ByteBuf out, int choice) {
        beginDelta(out, SIGNATURE_DELTA);
        out.writeBytes(signature);
        endDelta(out);
        closeBlock(out);
    }

    @Override
    public void textStart(ByteBuf out, int choice) {
        openBlock(out);
        out.writeBytes(TEXT_BLOCK);
        sse.end(out);
        firstPing(out);
    }

    @Override
    public void text(ByteBuf out, int choice, TokenStream tokens, int count, boolean last) {
        beginDelta(out, TEXT_DELTA);
        for (int j = 0; j < count; j++) {
            out.writeBytes(tokens.next().jsonUtf8());
        }
        endDelta(out);
    }

    @Override
    public void textStop(ByteBuf out, int choice) {
        closeBlock(out);
    }

    /**
     * A {@code tool_use} block opens with {@code input: {}}, the {@code caller} the current API adds (the SDKs
     * type it as required) and an empty first piece of input, as the API sends it.
     */
    @Override
    public void toolCallStart(ByteBuf out, int choice, int call, StreamPlan.ToolCallPlan toolCall) {
        openBlock(out);
        out.writeBytes(utf8(",\"content_block\":{\"type\":\"tool_use\",\"id\":\"" + MessagesFormat.toolUseId(toolCall)
                + "\",\"name\":\"" + JsonText.escape(toolCall.name()) + "\",\"input\":{},\"caller\":{\"type\":\"direct\"}}}"));
        sse.end(out);
        firstPing(out);
        beginDelta(out, JSON_DELTA);
        endDelta(out);
    }

    @Override
    public void toolArguments(ByteBuf out, int choice, int call, String arguments, int from, int to) {
        beginDelta(out, JSON_DELTA);
        out.writeBytes(utf8(JsonText.escape(arguments.substring(from, to))));
        endDelta(out);
    }

    @Override
    public void toolCallStop(ByteBuf out, int choice, int call) {
        closeBlock(out);
    }

    @Override
    public void choiceFinish(ByteBuf out, int choice, StreamPlan.Finish finish) {
        // The stop reason travels in message_delta.
    }

    /** {@code message_delta}: the stop reason and the cumulative output tokens, thinking included and given apart. */
    @Override
    public void streamFinish(ByteBuf out) {
        sse.begin(out, MESSAGE_DELTA);
        out.writeBytes(DELTA_HEAD);
        out.writeBytes(MessagesFormat.stopReasonBytes(plan.choices.get(0).finish()));
        out.writeBytes(DELTA_USAGE);
        SseEvents.writeLong(out, plan.completionTokens());
        if (plan.reasoningTokens() > 0) {
            out.writeBytes(THINKING_TOKENS);
            SseEvents.writeLong(out, plan.reasoningTokens());
            out.writeByte('}');
        }
        out.writeByte('}').writeByte('}');
        sse.end(out);
    }

    @Override
    public void endMarker(ByteBuf out) {
        sse.begin(out, MESSAGE_STOP);
        out.writeBytes(STOP_DATA);
        sse.end(out);
    }

    /** {@code event: error}, by default {@code overloaded_error}; nothing follows it. */
    @Override
    public void errorEvent(ByteBuf out, String message, String type, String code) {
        sse.begin(out, ERROR);
        out.writeBytes(utf8(MessagesFormat.errorJson(type != null ? type : "overloaded_error",
                message != null ? message : "Overloaded", null)));
        sse.end(out);
    }

    /** A {@code content_block_delta} cut in half, or a text delta with invalid UTF-8 in its text. */
    @Override
    public void malformedEvent(ByteBuf out, boolean invalidUtf8) {
        sse.begin(out, CONTENT_BLOCK_DELTA);
        out.writeBytes(DELTA);
        SseEvents.writeLong(out, Math.max(0, openIndex));
        if (invalidUtf8) {
            out.writeBytes(TEXT_DELTA);
            // 0xC3 must be followed by a continuation byte; '(' is not one. 0xFF never appears in UTF-8.
            out.writeByte(0xC3).writeByte('(').writeByte(0xFF);
            out.writeBytes(DELTA_END);
        } else {
            out.writeBytes(TEXT_DELTA, 0, TEXT_DELTA.length / 2);
        }
        sse.end(out);
    }

    /** Writes the start of a {@code content_block_start} event up to its index; the caller adds the block. */
    private void openBlock(ByteBuf out) {
        openIndex = nextIndex++;
        sse.begin(out, CONTENT_BLOCK_START);
        out.writeBytes(BLOCK_START);
        SseEvents.writeLong(out, openIndex);
    }

    private void closeBlock(ByteBuf out) {
        sse.begin(out, CONTENT_BLOCK_STOP);
        out.writeBytes(BLOCK_STOP);
        SseEvents.writeLong(out, openIndex);
        out.writeByte('}');
        sse.end(out);
        openIndex = -1;
    }

    private void beginDelta(ByteBuf out, byte[] kind) {
        sse.begin(out, CONTENT_BLOCK_DELTA);
        out.writeBytes(DELTA);
        SseEvents.writeLong(out, openIndex);
        out.writeBytes(kind);
    }

    private void endDelta(ByteBuf out) {
        out.writeBytes(DELTA_END);
        sse.end(out);
        deltas++;
        if (pings.everyEvents() > 0 && deltas % pings.everyEvents() == 0) {
            ping(out);
        }
    }

    private void firstPing(ByteBuf out) {
        if (nextIndex == 1 && pings.first()) {
            ping(out);
        }
    }

    private void ping(ByteBuf out) {
        sse.begin(out, PING);
        out.writeBytes(PING_DATA);
        sse.end(out);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
