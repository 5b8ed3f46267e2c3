package io.streambench.mock.internal.wire;

import io.netty.buffer.ByteBuf;
import io.streambench.mock.internal.profile.TokenStream;

/**
 * One stream's events in one API's format: what {@link StreamScript} says, spelled as that API spells it.
 * Made per stream by {@link WireFormat#newEncoder}, which encodes the stream's constant parts (ids, model,
 * field names) into byte templates once; each call here then copies templates and pre-escaped token bytes
 * into {@code out} and allocates nothing (tool-call fragments, the rare case, may build strings).
 *
 * <p>Each method writes zero or more whole events, each begun and ended through the stream's
 * {@link SseEvents}, which writes the send stamps and counts the events. The calls come in this order:
 *
 * <pre>
 * streamStart
 * for each choice: choiceStart, then its blocks, then choiceFinish (choices interleave, one fragment per step)
 *     reasoning block:  reasoningStart, reasoning..., reasoningStop   (first, when the plan has reasoning)
 *     text block:       textStart, text..., textStop
 *     tool-call block:  toolCallStart, toolArguments..., toolCallStop
 * streamFinish, endMarker
 * </pre>
 *
 * The methods with a default write nothing: chat completions needs no event there; the Responses API and
 * Anthropic Messages open and close their output items and content blocks in them. A reasoning block is paced
 * like text (its first fragment is the first generated token, at the time to first token); an API without
 * reasoning leaves its three methods alone. {@code choiceFinish}, {@code streamFinish} are left out under the
 * {@code no_finish} fault and {@code endMarker} under {@code no_done}; {@code errorEvent} and
 * {@code malformedEvent} come from faults at any point.
 */
interface EventEncoder {

    /** Before the first choice: the API's stream-level opening (Anthropic {@code message_start}). */
    default void streamStart(ByteBuf out) {
    }

    /** The opening of choice {@code choice} (chat completions: the role delta). */
    void choiceStart(ByteBuf out, int choice, boolean toolCalls);

    /** Before the first reasoning fragment of a choice (Anthropic: a {@code thinking} block's start). */
    default void reasoningStart(ByteBuf out, int choice) {
    }

    /**
     * One reasoning fragment: the next {@code count} tokens of {@code tokens}, the choice's reasoning text.
     * Whether it is streamed or only timed is the plan's ({@code StreamPlan.reasoningShown}).
     *
     * @param last as for {@link #text}: the choice's last fragment, its finish follows in this step (a
     *     token limit reached while reasoning)
     */
    default void reasoning(ByteBuf out, int choice, TokenStream tokens, int count, boolean last) {
    }

    /** After the last reasoning fragment of a choice. */
    default void reasoningStop(ByteBuf out, int choice) {
    }

    /** Before the first text fragment of a choice (Anthropic {@code content_block_start}). */
    default void textStart(ByteBuf out, int choice) {
    }

    /**
     * One text fragment: the next {@code count} tokens of {@code tokens}.
     *
     * @param last the choice's last fragment, and its finish follows in this step (Gemini and legacy
     *     completions put the finish reason on this event); false under the {@code no_finish} fault
     */
    void text(ByteBuf out, int choice, TokenStream tokens, int count, boolean last);

    /** After the last text fragment of a choice. */
    default void textStop(ByteBuf out, int choice) {
    }

    /** The first fragment of tool call {@code call}: its id and function name. */
    void toolCallStart(ByteBuf out, int choice, int call, StreamPlan.ToolCallPlan toolCall);

    /** A fragment of the call's arguments: characters {@code [from, to)} of {@code arguments}. */
    void toolArguments(ByteBuf out, int choice, int call, String arguments, int from, int to);

    /** After the last arguments fragment of tool call {@code call}. */
    default void toolCallStop(ByteBuf out, int choice, int call) {
    }

    /** The end of choice {@code choice}, and why it ended. */
    void choiceFinish(ByteBuf out, int choice, StreamPlan.Finish finish);

    /** After every choice finished: the summary that carries usage (chat completions: when asked for). */
    void streamFinish(ByteBuf out);

    /** The API's end-of-stream marker ({@code [DONE]}), if it has one. */
    void endMarker(ByteBuf out);

    /**
     * Fault: the API's mid-stream error, after which the stream ends: one event, or more where the API ends a
     * failed stream with an event of its own (the Responses API's {@code response.failed}).
     *
     * @param message the error's message, or null for the API's usual one
     * @param type the error's type, or null for the API's usual one
     * @param code a machine-readable code, or null
     */
    void errorEvent(ByteBuf out, String message, String type, String code);

    /** Fault: one broken event: JSON cut in the middle, or invalid UTF-8 inside the text. */
    void malformedEvent(ByteBuf out, boolean invalidUtf8);
}
