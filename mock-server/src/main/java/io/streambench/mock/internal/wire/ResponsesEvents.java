package io.streambench.mock.internal.wire;

import io.netty.buffer.ByteBuf;
import io.streambench.mock.internal.profile.JsonText;
import io.streambench.mock.internal.profile.TokenStream;
import java.util.SplittableRandom;

/**
 * The events of one Responses API stream (docs/wire-formats.md): {@code event: <type>} and
 * {@code data: {"type":"<type>",…,"sequence_number":n}} with {@code n} counting from 0, output items opened
 * and closed around their deltas, and no {@code [DONE]}: the stream ends with {@code response.completed}, or
 * {@code response.incomplete} when {@code max_output_tokens} cut it.
 *
 * <pre>
 * response.created, response.in_progress
 * [reasoning item]  output_item.added, (reasoning_summary_part.added, reasoning_summary_text.delta…,
 *                   reasoning_summary_text.done, reasoning_summary_part.done: when a summary was asked for),
 *                   output_item.done
 * message item      output_item.added, content_part.added, output_text.delta…, output_text.done,
 *                   content_part.done, output_item.done
 * or per call       output_item.added, function_call_arguments.delta…, function_call_arguments.done,
 *                   output_item.done
 * response.completed | response.incomplete
 * </pre>
 *
 * A delta event is a constant type prefix, the item's reference (encoded when the item opens), the
 * pre-escaped bytes of its tokens, the padding and the sequence number written in place: no allocation.
 *
 * <p>A little over 300 lines and left whole: one wire format, one file, each method an event of the list above,
 * as the other formats' encoders are.
 */
final class ResponsesEvents implements EventEncoder {

    /** The event types: each one's {@code event:} name and the opening of its JSON, encoded once. */
    private enum Type {
        CREATED("response.created"), IN_PROGRESS("response.in_progress"),
        ITEM_ADDED("response.output_item.added"), ITEM_DONE("response.output_item.done"),
        PART_ADDED("response.content_part.added"), PART_DONE("response.content_part.done"),
        TEXT_DELTA("response.output_text.delta"), TEXT_DONE("response.output_text.done"),
        SUMMARY_PART_ADDED("response.reasoning_summary_part.added"),
        SUMMARY_PART_DONE("response.reasoning_summary_part.done"),
        SUMMARY_DELTA("response.reasoning_summary_text.delta"), SUMMARY_DONE("response.reasoning_summary_text.done"),
        ARGUMENTS_DELTA("response.function_call_arguments.delta"),
        ARGUMENTS_DONE("response.function_call_arguments.done"),
        COMPLETED("response.completed"), INCOMPLETE("response.incomplete"), FAILED("response.failed"),
        ERROR("error");

        final byte[] event;
        final byte[] json;

        Type(String name) {
            this.event = SseEvents.ascii(name);
            this.json = SseEvents.ascii("{\"type\":\"" + name + "\"");
        }
    }

    private static final byte[] RESPONSE = utf8(",\"response\":");
    private static final byte[] OUTPUT_INDEX = utf8(",\"output_index\":");
    private static final byte[] ITEM = utf8(",\"item\":");
    private static final byte[] CONTENT = utf8(",\"content_index\":0");
    private static final byte[] SUMMARY = utf8(",\"summary_index\":0");
    private static final byte[] DELTA = utf8(",\"delta\":\"");
    private static final byte[] TEXT = utf8(",\"text\":\"");
    private static final byte[] PART = utf8(",\"part\":");
    private static final byte[] EMPTY_SUMMARY_PART = utf8(",\"part\":{\"type\":\"summary_text\",\"text\":\"\"}");
    private static final byte[] SUMMARY_PART_OPEN = utf8(",\"part\":{\"type\":\"summary_text\",\"text\":\"");
    private static final byte[] QUOTE = utf8("\"");
    private static final byte[] QUOTE_BRACE = utf8("\"}");
    private static final byte[] LOGPROBS = utf8("\",\"logprobs\":[]");
    private static final byte[] SEQUENCE = utf8(",\"sequence_number\":");

    private final StreamPlan plan;
    private final SseEvents sse;
    private final SplittableRandom paddingRandom;
    private final ResponsesBody body;
    /** The output index the next item gets. */
    private int nextOutput;
    private int reasoningIndex;
    private int messageIndex;
    private int callIndex;
    /** {@code ,"item_id":"…","output_index":i} of the reasoning item, the message item and the current call. */
    private byte[] reasoningRef;
    private byte[] messageRef;
    private byte[] callRef;

    ResponsesEvents(StreamPlan plan, SseEvents sse, SplittableRandom paddingRandom) {
        this.plan = plan;
        this.sse = sse;
        this.paddingRandom = paddingRandom;
        this.body = new ResponsesBody(plan);
    }

    @Override
    public void streamStart(ByteBuf out) {
        for (Type t : new Type[] {Type.CREATED, Type.IN_PROGRESS}) {
            begin(out, t);
            out.writeBytes(RESPONSE);
            body.writeInProgress(out);
            end(out);
        }
    }

    @Override
    public void choiceStart(ByteBuf out, int choice, boolean toolCalls) {
        // The Responses API has no choices: items open on their own.
    }

    @Override
    public void reasoningStart(ByteBuf out, int choice) {
        reasoningIndex = nextOutput++;
        reasoningRef = itemRef(body.reasoningId, reasoningIndex);
        itemEvent(out, Type.ITEM_ADDED, reasoningIndex);
        body.writeReasoningItem(out, false);
        end(out);
        if (plan.reasoningShown) {
            begin(out, Type.SUMMARY_PART_ADDED);
            out.writeBytes(reasoningRef).writeBytes(SUMMARY).writeBytes(EMPTY_SUMMARY_PART);
            end(out);
        }
    }

    @Override
    public void reasoning(ByteBuf out, int choice, TokenStream tokens, int count, boolean last) {
        if (!plan.reasoningShown) {
            return; // the model thinks unseen: only the time passes
        }
        begin(out, Type.SUMMARY_DELTA);
        out.writeBytes(reasoningRef).writeBytes(SUMMARY).writeBytes(DELTA);
        tokens(out, tokens, count);
        out.writeBytes(QUOTE);
        Padding.write(out, plan, paddingRandom);
        end(out);
    }

    @Override
    public void reasoningStop(ByteBuf out, int choice) {
        if (plan.reasoningShown) {
            begin(out, Type.SUMMARY_DONE);
            out.writeBytes(reasoningRef).writeBytes(SUMMARY).writeBytes(TEXT);
            body.writeReasoningText(out);
            out.writeBytes(QUOTE);
            end(out);
            begin(out, Type.SUMMARY_PART_DONE);
            out.writeBytes(reasoningRef).writeBytes(SUMMARY).writeBytes(SUMMARY_PART_OPEN);
            body.writeReasoningText(out);
            out.writeBytes(QUOTE_BRACE);
            end(out);
        }
        itemEvent(out, Type.ITEM_DONE, reasoningIndex);
        body.writeReasoningItem(out, true);
        end(out);
    }

    @Override
    public void textStart(ByteBuf out, int choice) {
        messageIndex = nextOutput++;
        messageRef = itemRef(body.messageId, messageIndex);
        itemEvent(out, Type.ITEM_ADDED, messageIndex);
        body.writeMessageItem(out, false);
        end(out);
        begin(out, Type.PART_ADDED);
        out.writeBytes(messageRef).writeBytes(CONTENT).writeBytes(PART);
        body.writeTextPart(out, false);
        end(out);
    }

    @Override
    public void text(ByteBuf out, int choice, TokenStream tokens, int count, boolean last) {
        begin(out, Type.TEXT_DELTA);
        out.writeBytes(messageRef).writeBytes(CONTENT).writeBytes(DELTA);
        tokens(out, tokens, count);
        out.writeBytes(LOGPROBS);
        Padding.write(out, plan, paddingRandom);
        end(out);
    }

    @Override
    public void textStop(ByteBuf out, int choice) {
        begin(out, Type.TEXT_DONE);
        out.writeBytes(messageRef).writeBytes(CONTENT).writeBytes(TEXT);
        body.writeText(out);
        out.writeBytes(LOGPROBS);
        end(out);
        begin(out, Type.PART_DONE);
        out.writeBytes(messageRef).writeBytes(CONTENT).writeBytes(PART);
        body.writeTextPart(out, true);
        end(out);
        itemEvent(out, Type.ITEM_DONE, messageIndex);
        body.writeMessageItem(out, true);
        end(out);
    }

    @Override
    public void toolCallStart(ByteBuf out, int choice, int call, StreamPlan.ToolCallPlan toolCall) {
        callIndex = nextOutput++;
        callRef = itemRef(body.callIds[call], callIndex);
        itemEvent(out, Type.ITEM_ADDED, callIndex);
        body.writeFunctionCallItem(out, call, false);
        end(out);
    }

    @Override
    public void toolArguments(ByteBuf out, int choice, int call, String arguments, int from, int to) {
        begin(out, Type.ARGUMENTS_DELTA);
        out.writeBytes(callRef).writeBytes(DELTA);
        out.writeBytes(utf8(JsonText.escape(arguments.substring(from, to))));
        out.writeBytes(QUOTE);
        Padding.write(out, plan, paddingRandom);
        end(out);
    }

    @Override
    public void toolCallStop(ByteBuf out, int choice, int call) {
        StreamPlan.ToolCallPlan t = plan.choices.get(choice).toolCalls().get(call);
        begin(out, Type.ARGUMENTS_DONE);
        out.writeBytes(callRef);
        out.writeBytes(utf8(",\"arguments\":\"" + JsonText.escape(t.arguments()) + "\",\"name\":\""
                + JsonText.escape(t.name()) + "\""));
        end(out);
        itemEvent(out, Type.ITEM_DONE, callIndex);
        body.writeFunctionCallItem(out, call, true);
        end(out);
    }

    @Override
    public void choiceFinish(ByteBuf out, int choice, StreamPlan.Finish finish) {
        // How the answer ended is the terminal event's status.
    }

    /** The terminal event, carrying the whole response: {@code response.completed} or {@code .incomplete}. */
    @Override
    public void streamFinish(ByteBuf out) {
        begin(out, body.finalStatus() == ResponsesBody.Status.INCOMPLETE ? Type.INCOMPLETE : Type.COMPLETED);
        out.writeBytes(RESPONSE);
        body.writeFinal(out, System.currentTimeMillis() / 1000);
        end(out);
    }

    @Override
    public void endMarker(ByteBuf out) {
        // No [DONE]: the terminal event ends the stream.
    }

    /**
     * The {@code error} event with its fields nested under {@code error}, as the live API sends it (the API
     * reference documents them flat; the SDKs raise only on the nested form), then {@code response.failed}, the
     * terminal event for clients that wait for one.
     */
    @Override
    public void errorEvent(ByteBuf out, String message, String type, String code) {
        message = OpenAiErrors.message(message);
        type = OpenAiErrors.type(type);
        String c = code != null ? code : type;
        begin(out, Type.ERROR);
        out.writeBytes(utf8(",\"error\":{\"type\":\"" + JsonText.escape(type) + "\",\"code\":\"" + JsonText.escape(c)
                + "\",\"message\":\"" + JsonText.escape(message) + "\",\"param\":null}"));
        end(out);
        begin(out, Type.FAILED);
        out.writeBytes(RESPONSE);
        body.writeFailed(out, c, message);
        end(out);
    }

    @Override
    public void malformedEvent(ByteBuf out, boolean invalidUtf8) {
        byte[] ref = messageRef != null ? messageRef : itemRef(body.messageId, 0);
        if (invalidUtf8) {
            begin(out, Type.TEXT_DELTA);
            out.writeBytes(ref).writeBytes(CONTENT).writeBytes(DELTA);
            // 0xC3 must be followed by a continuation byte; '(' is not one. 0xFF never appears in UTF-8.
            out.writeByte(0xC3).writeByte('(').writeByte(0xFF);
            out.writeBytes(LOGPROBS);
            end(out);
        } else {
            sse.begin(out, Type.TEXT_DELTA.event);
            out.writeBytes(Type.TEXT_DELTA.json);
            out.writeBytes(ref, 0, ref.length / 2);
            sse.end(out);
        }
    }

    private void begin(ByteBuf out, Type type) {
        sse.begin(out, type.event);
        out.writeBytes(type.json);
    }

    /** Ends the event's JSON with its sequence number: the count of events before it in this stream. */
    private void end(ByteBuf out) {
        out.writeBytes(SEQUENCE);
        SseEvents.writeLong(out, sse.sequence());
        out.writeByte('}');
        sse.end(out);
    }

    /** Begins {@code output_item.added} / {@code .done} up to {@code "item":}. */
    private void itemEvent(ByteBuf out, Type type, int outputIndex) {
        begin(out, type);
        out.writeBytes(OUTPUT_INDEX);
        SseEvents.writeLong(out, outputIndex);
        out.writeBytes(ITEM);
    }

    private static void tokens(ByteBuf out, TokenStream tokens, int count) {
        for (int j = 0; j < count; j++) {
            out.writeBytes(tokens.next().jsonUtf8());
        }
    }

    private static byte[] itemRef(String itemId, int outputIndex) {
        return utf8(",\"item_id\":\"" + itemId + "\",\"output_index\":" + outputIndex);
    }

    private static byte[] utf8(String s) {
        return ResponsesBody.utf8(s);
    }
}
