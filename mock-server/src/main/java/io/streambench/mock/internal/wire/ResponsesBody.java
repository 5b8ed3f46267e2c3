package io.streambench.mock.internal.wire;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.buffer.ByteBuf;
import io.streambench.mock.internal.profile.JsonText;
import io.streambench.mock.internal.profile.TokenStream;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * The Responses API's {@code response} object of one plan and its output items, as byte templates: the same
 * bytes in {@code response.created}, in the terminal event and in the answer to {@code stream: false}. The
 * ids ({@code resp_}, {@code msg_}, {@code rs_}, {@code fc_}: 48 hex digits) come from the seed, so the same
 * seed gives the same ids. The texts are made again from the plan's random sources wherever a whole text is
 * due (the {@code .done} events, the final response), so nothing is kept per token.
 *
 * <pre>
 * {"id":"resp_…","object":"response","created_at":…,"status":"…",["completed_at":…,]"background":false,
 *  "error":…,"incomplete_details":…,"instructions":…,"max_output_tokens":…,"max_tool_calls":null,"model":"…",
 *  "output":[…],"parallel_tool_calls":…,…,"tools":[…],…,"usage":…,"user":null,"metadata":{}}
 * </pre>
 */
final class ResponsesBody {

    /** How the response ended, or that it has not yet. */
    enum Status {
        IN_PROGRESS("in_progress"), COMPLETED("completed"), INCOMPLETE("incomplete"), FAILED("failed");

        final byte[] json;

        Status(String json) {
            this.json = utf8(json);
        }
    }

    private static final long ID_SALT = 0x510e527fade682d1L;
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final byte[] AFTER_STATUS = utf8("\",\"background\":false,\"error\":");
    private static final byte[] COMPLETED_AT = utf8("\",\"completed_at\":");
    private static final byte[] BACKGROUND = utf8(",\"background\":false,\"error\":");
    private static final byte[] INCOMPLETE_DETAILS = utf8(",\"incomplete_details\":");
    private static final byte[] MAX_OUTPUT_TOKENS = utf8("{\"reason\":\"max_output_tokens\"}");
    private static final byte[] NULL = utf8("null");
    private static final byte[] TAIL = utf8(",\"user\":null,\"metadata\":{}}");
    private static final byte[] SUMMARY_TEXT = utf8("{\"type\":\"summary_text\",\"text\":\"");
    private static final byte[] TEXT_PART = utf8("{\"type\":\"output_text\",\"annotations\":[],\"logprobs\":[],\"text\":\"");
    private static final byte[] QUOTE_BRACE = utf8("\"}");

    private final StreamPlan plan;
    private final StreamPlan.ChoicePlan choice;
    final String responseId;
    final String messageId;
    final String reasoningId;
    /** Per tool call: the item's id ({@code fc_…}). */
    final String[] callIds;
    /** Up to {@code "status":"}. */
    private final byte[] head;
    /** From {@code ,"instructions":} to {@code "output":[}. */
    private final byte[] beforeOutput;
    /** From {@code ],"parallel_tool_calls":} to {@code "usage":}. */
    private final byte[] afterOutput;
    private final byte[] usage;

    ResponsesBody(StreamPlan plan) {
        this.plan = plan;
        this.choice = plan.choices.get(0);
        SplittableRandom ids = new SplittableRandom(plan.seed ^ ID_SALT);
        this.responseId = "resp_" + hex(ids);
        this.messageId = "msg_" + hex(ids);
        this.reasoningId = "rs_" + hex(ids);
        this.callIds = new String[choice.toolCalls().size()];
        for (int i = 0; i < callIds.length; i++) {
            callIds[i] = "fc_" + hex(ids);
        }
        JsonNode echo = plan.echo;
        this.head = utf8("{\"id\":\"" + responseId + "\",\"object\":\"response\",\"created_at\":"
                + plan.createdEpochSeconds + ",\"status\":\"");
        this.beforeOutput = utf8(",\"instructions\":" + echoed(echo, "instructions", "null")
                + ",\"max_output_tokens\":" + echoed(echo, "max_output_tokens", "null")
                + ",\"max_tool_calls\":null,\"model\":\"" + JsonText.escape(plan.model) + "\",\"output\":[");
        this.afterOutput = utf8("],\"parallel_tool_calls\":" + echoed(echo, "parallel_tool_calls", "true")
                + ",\"previous_response_id\":null,\"reasoning\":"
                + echoed(echo, "reasoning", "{\"effort\":null,\"summary\":null}")
                + ",\"service_tier\":\"default\",\"store\":true,\"temperature\":" + echoed(echo, "temperature", "1.0")
                + ",\"text\":{\"format\":{\"type\":\"text\"},\"verbosity\":\"medium\"},\"tool_choice\":"
                + echoed(echo, "tool_choice", "\"auto\"") + ",\"tools\":" + echoed(echo, "tools", "[]")
                + ",\"top_logprobs\":0,\"top_p\":" + echoed(echo, "top_p", "1.0")
                + ",\"truncation\":\"disabled\",\"usage\":");
        long output = plan.completionTokens();
        this.usage = utf8("{\"input_tokens\":" + plan.promptTokens
                + ",\"input_tokens_details\":{\"cached_tokens\":" + plan.cachedTokens + ",\"cache_write_tokens\":0}"
                + ",\"output_tokens\":" + output
                + ",\"output_tokens_details\":{\"reasoning_tokens\":" + plan.reasoningTokens() + "},\"total_tokens\":"
                + (plan.promptTokens + output) + "}");
    }

    /** How the answer ends: {@code incomplete} when the token limit cut it. */
    Status finalStatus() {
        return choice.finish() == StreamPlan.Finish.LENGTH ? Status.INCOMPLETE : Status.COMPLETED;
    }

    /** The response while it is produced: no output, no usage ({@code response.created}, {@code .in_progress}). */
    void writeInProgress(ByteBuf out) {
        out.writeBytes(head).writeBytes(Status.IN_PROGRESS.json).writeBytes(AFTER_STATUS).writeBytes(NULL);
        out.writeBytes(INCOMPLETE_DETAILS).writeBytes(NULL).writeBytes(beforeOutput).writeBytes(afterOutput);
        out.writeBytes(NULL).writeBytes(TAIL);
    }

    /** The finished response, with every output item and the usage. */
    void writeFinal(ByteBuf out, long completedAtEpochSeconds) {
        Status status = finalStatus();
        out.writeBytes(head).writeBytes(status.json);
        if (status == Status.COMPLETED) {
            out.writeBytes(COMPLETED_AT);
            SseEvents.writeLong(out, completedAtEpochSeconds);
            out.writeBytes(BACKGROUND);
        } else {
            out.writeBytes(AFTER_STATUS);
        }
        out.writeBytes(NULL).writeBytes(INCOMPLETE_DETAILS).writeBytes(status == Status.INCOMPLETE ? MAX_OUTPUT_TOKENS : NULL);
        out.writeBytes(beforeOutput);
        writeOutput(out);
        out.writeBytes(afterOutput).writeBytes(usage).writeBytes(TAIL);
    }

    /** The response of a stream that failed: {@code error} set, no output, no usage ({@code response.failed}). */
    void writeFailed(ByteBuf out, String code, String message) {
        out.writeBytes(head).writeBytes(Status.FAILED.json).writeBytes(AFTER_STATUS);
        out.writeBytes(utf8("{\"code\":\"" + JsonText.escape(code) + "\",\"message\":\"" + JsonText.escape(message)
                + "\"}"));
        out.writeBytes(INCOMPLETE_DETAILS).writeBytes(NULL).writeBytes(beforeOutput).writeBytes(afterOutput);
        out.writeBytes(NULL).writeBytes(TAIL);
    }

    /** Every output item, done: the reasoning, then the message or the function calls. */
    private void writeOutput(ByteBuf out) {
        boolean first = true;
        if (choice.reasoningTokens() > 0) {
            writeReasoningItem(out, true);
            first = false;
        }
        if (choice.contentTokens() > 0) {
            if (!first) {
                out.writeByte(',');
            }
            writeMessageItem(out, true);
            first = false;
        }
        for (int i = 0; i < callIds.length; i++) {
            if (!first) {
                out.writeByte(',');
            }
            writeFunctionCallItem(out, i, true);
            first = false;
        }
    }

    /** The reasoning item; done, it holds the summary when the request asked for one. */
    void writeReasoningItem(ByteBuf out, boolean done) {
        out.writeBytes(utf8("{\"id\":\"" + reasoningId + "\",\"type\":\"reasoning\",\"summary\":["));
        if (done && plan.reasoningShown) {
            out.writeBytes(SUMMARY_TEXT);
            writeReasoningText(out);
            out.writeBytes(QUOTE_BRACE);
        }
        out.writeBytes(utf8("]}"));
    }

    /** The message item: in progress and empty, or done with its text. */
    void writeMessageItem(ByteBuf out, boolean done) {
        String status = !done ? "in_progress" : finalStatus() == Status.INCOMPLETE ? "incomplete" : "completed";
        out.writeBytes(utf8("{\"id\":\"" + messageId + "\",\"type\":\"message\",\"status\":\"" + status
                + "\",\"content\":["));
        if (done) {
            writeTextPart(out, true);
        }
        out.writeBytes(utf8("],\"role\":\"assistant\"}"));
    }

    /** The {@code output_text} content part: empty, or with the whole text. */
    void writeTextPart(ByteBuf out, boolean withText) {
        out.writeBytes(TEXT_PART);
        if (withText) {
            writeText(out);
        }
        out.writeBytes(QUOTE_BRACE);
    }

    /** A function call item: in progress with no arguments, or done with all of them. */
    void writeFunctionCallItem(ByteBuf out, int call, boolean done) {
        StreamPlan.ToolCallPlan t = choice.toolCalls().get(call);
        out.writeBytes(utf8("{\"id\":\"" + callIds[call] + "\",\"type\":\"function_call\",\"status\":\""
                + (done ? "completed" : "in_progress") + "\",\"arguments\":\"" + (done ? JsonText.escape(t.arguments()) : "")
                + "\",\"call_id\":\"" + ChatCompletionsFormat.callId(t) + "\",\"name\":\"" + JsonText.escape(t.name())
                + "\"}"));
    }

    /** The answer's whole text, JSON-escaped, made again from the plan. */
    void writeText(ByteBuf out) {
        TokenStream tokens = plan.openContent(plan.newRandoms(), 0);
        for (int i = 0; i < choice.contentTokens(); i++) {
            out.writeBytes(tokens.next().jsonUtf8());
        }
    }

    /** The reasoning's whole text (the summary the mock streams), JSON-escaped, made again from the plan. */
    void writeReasoningText(ByteBuf out) {
        TokenStream tokens = StreamPlan.openReasoning(plan.newRandoms(), 0);
        for (int i = 0; i < choice.reasoningTokens(); i++) {
            out.writeBytes(tokens.next().jsonUtf8());
        }
    }

    private static String echoed(JsonNode echo, String field, String fallback) {
        JsonNode v = echo == null ? null : echo.get(field);
        return v == null ? fallback : v.toString();
    }

    /** 48 hex digits, as the API's ids have after their prefix. */
    private static String hex(SplittableRandom random) {
        char[] c = new char[48];
        for (int i = 0; i < c.length; i++) {
            c[i] = HEX[random.nextInt(16)];
        }
        return new String(c);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
