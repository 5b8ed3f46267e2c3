package io.streambench.mock.internal.wire;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.streambench.mock.internal.fault.ArmedFaults;
import io.streambench.mock.internal.stream.Script;
import java.util.function.BiConsumer;

/**
 * How one API spells its answers: the streamed events, the answer to {@code stream: false} and the error
 * body. The server picks one per route; everything that paces, flushes, applies faults, waits for slow
 * readers and counts is the same for every format (see the package documentation).
 *
 * <pre>
 * WireFormat format = WireFormat.chatCompletions();
 * Script script = format.script(plan, armedFaults);   // what the stream says, step by step
 * String json = format.completion(plan);              // the same content, whole
 * </pre>
 *
 * Formats live in this package (the constructor is package-private): each is a subclass and an
 * {@link EventEncoder}.
 */
public abstract class WireFormat {

    WireFormat() {
    }

    /** OpenAI chat completions ({@code /v1/chat/completions}). */
    public static WireFormat chatCompletions() {
        return ChatCompletionsFormat.INSTANCE;
    }

    /** OpenAI's legacy completions ({@code /v1/completions}). */
    public static WireFormat completions() {
        return CompletionsFormat.INSTANCE;
    }

    /** The OpenAI Responses API ({@code /v1/responses}). */
    public static WireFormat responses() {
        return ResponsesFormat.INSTANCE;
    }

    /** Anthropic Messages ({@code /v1/messages}). */
    public static WireFormat messages() {
        return MessagesFormat.INSTANCE;
    }

    /** Google Gemini ({@code /v1beta/models/{model}:streamGenerateContent} and {@code :generateContent}). */
    public static WireFormat gemini() {
        return GeminiFormat.INSTANCE;
    }

    /**
     * The script of one stream of {@code plan}, bent by the whole-stream faults armed for it ({@code no_finish},
     * {@code no_done}).
     */
    public final Script script(StreamPlan plan, ArmedFaults faults) {
        return new StreamScript(plan, this, !faults.noFinish(), !faults.noDone());
    }

    /**
     * How long the stream of {@code plan} takes from request to its last event, in ns: the wait before the
     * non-streaming answer. Replays the stream into a scratch buffer, so the timing draws are the same.
     */
    public final long answerDelayNanos(StreamPlan plan) {
        Script script = script(plan, ArmedFaults.NONE);
        ByteBuf scratch = Unpooled.buffer(4096);
        try {
            long total = 0;
            while (!script.finished()) {
                total += script.nextStepDelayNanos();
                scratch.clear();
                script.writeStep(scratch, 0);
            }
            return total;
        } finally {
            scratch.release();
        }
    }

    /** The whole answer to {@code stream: false}: the content the stream of the same plan carries. */
    public abstract String completion(StreamPlan plan);

    /**
     * The body of an error response.
     *
     * @param param the request field at fault, or null
     * @param code a machine-readable code, or null
     */
    public abstract String errorBody(int status, String message, String param, String code);

    /**
     * The body of an error response of the response whose id is {@code requestId} (null when the API sends
     * none; see {@link #newRequestId}). The API's error body, by default without the id.
     */
    public String errorBody(int status, String message, String param, String code, String requestId) {
        return errorBody(status, message, param, code);
    }

    /** A fresh id for one response, for APIs that name each response in a header (Anthropic's {@code request-id}); else null. */
    public String newRequestId() {
        return null;
    }

    /**
     * The headers this API puts on a response besides the server's defaults ({@code Content-Type:
     * text/event-stream; charset=utf-8} for a stream, {@code application/json} otherwise), which it may
     * replace: the request id, Gemini's {@code Content-Disposition}. None by default.
     *
     * @param stream the response is a stream (else a JSON body: an answer or an error)
     * @param requestId this response's {@link #newRequestId}, or null
     */
    public void responseHeaders(boolean stream, String requestId, BiConsumer<String, String> header) {
    }

    /**
     * Whether the API sends its stream-level opening ({@link EventEncoder#streamStart}) as soon as it accepts
     * the request, before the first token (the Responses API's {@code response.created}), rather than with the
     * first token.
     */
    boolean opensAtOnce() {
        return false;
    }

    /** Whether the API ends its SSE lines with CRLF (Gemini) rather than LF. */
    boolean crlfLineEnds() {
        return false;
    }

    /** The encoder of one stream's events; {@code random} holds the stream's own random sources. */
    abstract EventEncoder newEncoder(StreamPlan plan, SseEvents sse, StreamPlan.Randoms random);
}
