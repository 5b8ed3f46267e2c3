package io.streambench.mock.internal.wire;

import io.netty.buffer.ByteBuf;
import io.streambench.mock.internal.profile.JsonText;
import io.streambench.mock.internal.profile.TokenStream;
import java.nio.charset.StandardCharsets;

/**
 * The events of one Gemini {@code streamGenerateContent?alt=sse} stream: {@code data:} lines only, ended by
 * CRLF, each a whole {@code GenerateContentResponse} with this event's new parts, the running
 * {@code usageMetadata} totals, {@code modelVersion} and {@code responseId}; the last carries
 * {@code finishReason}. Thought summaries ({@code "thought": true} parts) come first when asked for. No end marker: the body ends. Spaced as Google writes it ({@code ": "} after keys).
 *
 * <p>Function calls go out whole, one per event in the form of Gemini 3 models (an {@code id} on each, a
 * {@code thoughtSignature} on the first), each when the paced steps of its arguments are over; an event with
 * an empty text part then carries {@code finishReason}. One candidate, so {@code choice} is always 0. A text
 * event is templates, two running counts in decimal and the pre-escaped bytes of its tokens: it allocates
 * nothing.
 */
final class GeminiEvents implements EventEncoder {

    private static final byte[] TEXT_HEAD = utf8("{\"candidates\": [{\"content\": {\"parts\": [{\"text\": \"");
    private static final byte[] TEXT_END = utf8("\"}");
    private static final byte[] PARTS_HEAD = utf8("{\"candidates\": [{\"content\": {\"parts\": [");
    private static final byte[] PARTS_END = utf8("],\"role\": \"model\"},\"index\": 0}],");
    private static final byte[] PARTS_END_STOP = utf8("],\"role\": \"model\"},\"finishReason\": \"STOP\",\"index\": 0}],");
    private static final byte[] PARTS_END_MAX_TOKENS =
            utf8("],\"role\": \"model\"},\"finishReason\": \"MAX_TOKENS\",\"index\": 0}],");
    private static final byte[] EMPTY_TEXT = utf8("{\"text\": \"\"}");
    private static final byte[] THOUGHT_END = utf8("\",\"thought\": true}");
    private static final byte[] CANDIDATES = utf8(",\"candidatesTokenCount\": ");
    private static final byte[] TOTAL = utf8(",\"totalTokenCount\": ");
    private static final byte[] THOUGHTS = utf8(",\"thoughtsTokenCount\": ");

    private final StreamPlan plan;
    private final SseEvents sse;
    /** {@code "usageMetadata": {"promptTokenCount": P} */
    private final byte[] usageHead;
    /** {@code ,"promptTokensDetails": [...]} */
    private final byte[] promptDetails;
    /** The end of the usage, {@code modelVersion} and {@code responseId}, and the closing brace. */
    private final byte[] tail;
    /** Answer tokens sent so far (text and function calls): {@code candidatesTokenCount}. */
    private long candidatesTokens;
    /** Thinking tokens spent so far, streamed or not: {@code thoughtsTokenCount}. */
    private long thoughtsTokens;
    private boolean finishSent;

    GeminiEvents(StreamPlan plan, SseEvents sse) {
        this.plan = plan;
        this.sse = sse;
        this.usageHead = utf8("\"usageMetadata\": {\"promptTokenCount\": " + plan.promptTokens);
        // cachedContentTokenCount and cacheTokensDetails only when the prefix cache held some, as Google omits
        // zero counts.
        this.promptDetails = utf8((plan.cachedTokens > 0 ? ",\"cachedContentTokenCount\": " + plan.cachedTokens : "")
                + ",\"promptTokensDetails\": [{\"modality\": \"TEXT\",\"tokenCount\": " + plan.promptTokens + "}]"
                + (plan.cachedTokens > 0 ? ",\"cacheTokensDetails\": [{\"modality\": \"TEXT\",\"tokenCount\": "
                        + plan.cachedTokens + "}]" : ""));
        this.tail = utf8("},\"modelVersion\": \"" + JsonText.escape(plan.model) + "\",\"responseId\": \""
                + GeminiFormat.responseId(plan) + "\"}");
    }

    /**
     * A thought summary part ({@code "thought": true}) when the request asked for {@code includeThoughts};
     * without it the thinking takes its time and shows only in {@code thoughtsTokenCount}.
     */
    @Override
    public void reasoning(ByteBuf out, int choice, TokenStream tokens, int count, boolean last) {
        thoughtsTokens += count;
        if (!plan.reasoningShown) {
            return;
        }
        sse.begin(out);
        out.writeBytes(TEXT_HEAD);
        for (int j = 0; j < count; j++) {
            out.writeBytes(tokens.next().jsonUtf8());
        }
        out.writeBytes(THOUGHT_END);
        endEvent(out, last);
    }

    @Override
    public void choiceStart(ByteBuf out, int choice, boolean toolCalls) {
        // Nothing opens a candidate: its first event carries its first parts.
    }

    @Override
    public void text(ByteBuf out, int choice, TokenStream tokens, int count, boolean last) {
        sse.begin(out);
        out.writeBytes(TEXT_HEAD);
        for (int j = 0; j < count; j++) {
            out.writeBytes(tokens.next().jsonUtf8());
        }
        out.writeBytes(TEXT_END);
        candidatesTokens += count;
        endEvent(out, last);
    }

    @Override
    public void toolCallStart(ByteBuf out, int choice, int call, StreamPlan.ToolCallPlan toolCall) {
        // A call is sent whole, when its arguments are done.
    }

    @Override
    public void toolArguments(ByteBuf out, int choice, int call, String arguments, int from, int to) {
        // Gemini never streams arguments in pieces; the steps still take their time.
    }

    @Override
    public void toolCallStop(ByteBuf out, int choice, int call) {
        StreamPlan.ToolCallPlan t = plan.choices.get(0).toolCalls().get(call);
        sse.begin(out);
        out.writeBytes(PARTS_HEAD);
        out.writeBytes(utf8(GeminiFormat.functionCallPart(plan, t, call == 0)));
        candidatesTokens += StreamPlan.toolCallTokens(t);
        endEvent(out, false);
    }

    /** When no text event carried it (tool calls, an empty answer): an empty text part with the finish. */
    @Override
    public void choiceFinish(ByteBuf out, int choice, StreamPlan.Finish finish) {
        if (finishSent) {
            return;
        }
        sse.begin(out);
        out.writeBytes(PARTS_HEAD);
        out.writeBytes(EMPTY_TEXT);
        endEvent(out, true);
    }

    @Override
    public void streamFinish(ByteBuf out) {
        // Every event carries the usage so far.
    }

    @Override
    public void endMarker(ByteBuf out) {
        // The body ends; Gemini sends no marker.
    }

    /** {@code data: {"error": {...}}} on the 200 response, by default 503 {@code UNAVAILABLE}; then the body ends. */
    @Override
    public void errorEvent(ByteBuf out, String message, String type, String code) {
        String status = type != null ? type : "UNAVAILABLE";
        int httpCode = code != null && code.matches("[1-5][0-9][0-9]") ? Integer.parseInt(code)
                : GeminiFormat.httpStatusOf(status);
        sse.begin(out);
        out.writeBytes(utf8(GeminiFormat.errorJson(httpCode,
                message != null ? message : "The model is overloaded. Please try again later.", status, false)));
        sse.end(out);
    }

    /** A text event cut in half, or one with invalid UTF-8 in its text. */
    @Override
    public void malformedEvent(ByteBuf out, boolean invalidUtf8) {
        sse.begin(out);
        out.writeBytes(TEXT_HEAD);
        if (invalidUtf8) {
            // 0xC3 must be followed by a continuation byte; '(' is not one. 0xFF never appears in UTF-8.
            out.writeByte(0xC3).writeByte('(').writeByte(0xFF);
            out.writeBytes(TEXT_END);
            out.writeBytes(PARTS_END);
            writeUsage(out);
        }
        sse.end(out);
    }

    /** Closes the parts (with the finish when {@code last}), writes the running usage and ends the event. */
    private void endEvent(ByteBuf out, boolean last) {
        if (last) {
            out.writeBytes(plan.choices.get(0).finish() == StreamPlan.Finish.LENGTH ? PARTS_END_MAX_TOKENS
                    : PARTS_END_STOP);
            finishSent = true;
        } else {
            out.writeBytes(PARTS_END);
        }
        writeUsage(out);
        sse.end(out);
    }

    /**
     * The running totals, in the API's order; {@code candidatesTokenCount} once the answer has tokens (thinking
     * events have none), {@code thoughtsTokenCount} once the model has thought.
     */
    private void writeUsage(ByteBuf out) {
        out.writeBytes(usageHead);
        if (candidatesTokens > 0) {
            out.writeBytes(CANDIDATES);
            SseEvents.writeLong(out, candidatesTokens);
        }
        out.writeBytes(TOTAL);
        SseEvents.writeLong(out, plan.promptTokens + candidatesTokens + thoughtsTokens);
        out.writeBytes(promptDetails);
        if (thoughtsTokens > 0) {
            out.writeBytes(THOUGHTS);
            SseEvents.writeLong(out, thoughtsTokens);
        }
        out.writeBytes(tail);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
