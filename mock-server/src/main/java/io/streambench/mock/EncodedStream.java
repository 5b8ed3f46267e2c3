package io.streambench.mock;

import io.netty.buffer.ByteBuf;
import io.streambench.mock.internal.fault.ArmedFaults;
import io.streambench.mock.internal.model.Prompt;
import io.streambench.mock.internal.profile.Tokenizer;
import io.streambench.mock.internal.stream.Script;
import io.streambench.mock.internal.wire.ChatRequest;
import io.streambench.mock.internal.wire.StreamPlan;
import io.streambench.mock.internal.wire.WireFormat;
import io.streambench.mock.profile.Profile;
import io.streambench.mock.profile.RequestOverrides;
import java.util.List;
import java.util.Map;

/**
 * One stream's events encoded step by step into buffers, exactly as the server writes them, without a
 * network or a clock: the supported way for a benchmark to measure the mock's encoding, in each API's format.
 *
 * <pre>
 * EncodedStream stream = EncodedStream.chatCompletions(ProfileLoader.builtins().named("instant"),
 *         "Tell me about streaming.", Map.of(RequestOverrides.OUTPUT_TOKENS, "1000000"));
 * while (!stream.finished()) {
 *     out.clear();
 *     stream.writeStep(out, System.nanoTime());
 * }
 * </pre>
 */
public final class EncodedStream {

    /** The overrides that shape the encoded bytes; timing, flushing, faults and the profile do not apply. */
    private static final List<String> HEADERS = List.of(RequestOverrides.OUTPUT_TOKENS,
            RequestOverrides.REASONING_TOKENS, RequestOverrides.TOKENS_PER_CHUNK, RequestOverrides.PADDING_BYTES, RequestOverrides.SEED,
            RequestOverrides.TIMESTAMPS);

    private final StreamPlan plan;
    private final WireFormat format;
    private final Script script;

    private EncodedStream(StreamPlan plan, WireFormat format) {
        this.plan = plan;
        this.format = format;
        this.script = format.script(plan, ArmedFaults.NONE);
    }

    /**
     * The chat completions stream answering one user message with {@code profile}, its knobs overridden as
     * by a request's headers: {@code of("chat", profile, userMessage, headers)}.
     */
    public static EncodedStream chatCompletions(Profile profile, String userMessage, Map<String, String> headers) {
        return of("chat", profile, userMessage, headers);
    }

    /**
     * The stream of one API answering one user message with {@code profile}, its knobs overridden as by a
     * request's headers. The request is the API's plainest streaming request: no tools, no token limit, usage
     * only where the API always sends it (the Responses API), no reasoning summary (so the Responses API's
     * and Gemini's reasoning is timed, not streamed), no extended thinking (Anthropic Messages).
     *
     * @param api {@code chat} (chat completions), {@code responses} (the Responses API), {@code completions}
     *     (legacy completions), {@code messages} (Anthropic Messages) or {@code gemini}
     * @param headers {@code x-mock-*} headers by their lower-case names ({@link RequestOverrides}): those that
     *     shape the bytes ({@code x-mock-output-tokens}, {@code x-mock-reasoning-tokens},
     *     {@code x-mock-tokens-per-chunk}, {@code x-mock-padding-bytes}, {@code x-mock-seed},
     *     {@code x-mock-timestamps})
     * @throws IllegalArgumentException for an unknown API, any other header, or a value the server would
     *     answer with 400
     */
    public static EncodedStream of(String api, Profile profile, String userMessage, Map<String, String> headers) {
        for (String name : headers.keySet()) {
            if (!HEADERS.contains(name)) {
                throw new IllegalArgumentException("header " + name + " does not apply to an encoded stream (only "
                        + String.join(", ", HEADERS) + ")");
            }
        }
        RequestOverrides overrides = RequestOverrides.fromHeaders(headers::get);
        int promptTokens = 4 + Tokenizer.count(userMessage);
        String model = profile.name();
        List<ChatRequest.Tool> none = List.of();
        ChatRequest request;
        WireFormat format;
        switch (api) {
            case "chat" -> {
                request = new ChatRequest(model, true, false, 0, 1, none, ChatRequest.ToolChoice.AUTO, true, null,
                        userMessage, promptTokens);
                format = WireFormat.chatCompletions();
            }
            case "responses" -> {
                request = new ChatRequest(model, true, true, 0, 1, none, ChatRequest.ToolChoice.AUTO, true, null,
                        userMessage, promptTokens, ChatRequest.Reasoning.HIDDEN, true, null,
                        Prompt.ofUser(userMessage), false, 0);
                format = WireFormat.responses();
            }
            case "completions" -> {
                request = new ChatRequest(model, true, false, 0, 1, none, ChatRequest.ToolChoice.AUTO, false, null,
                        userMessage, Tokenizer.count(userMessage), ChatRequest.Reasoning.OFF, true, null,
                        Prompt.ofUser(userMessage), false, 0);
                format = WireFormat.completions();
            }
            case "messages" -> {
                request = new ChatRequest(model, true, true, 0, 1, none, ChatRequest.ToolChoice.AUTO, true, null,
                        userMessage, promptTokens, ChatRequest.Reasoning.OFF, true, null,
                        Prompt.ofUser(userMessage), false, 0);
                format = WireFormat.messages();
            }
            case "gemini" -> {
                request = new ChatRequest(model, true, true, 0, 1, none, ChatRequest.ToolChoice.AUTO, true, null,
                        userMessage, Tokenizer.count(userMessage), ChatRequest.Reasoning.HIDDEN, true, null,
                        Prompt.ofUser(userMessage), false, 0);
                format = WireFormat.gemini();
            }
            default -> throw new IllegalArgumentException("unknown api '" + api
                    + "' (chat, responses, completions, messages, gemini)");
        }
        return new EncodedStream(StreamPlan.create(profile, request, overrides, System.currentTimeMillis() / 1000),
                format);
    }

    /**
     * Writes the events of the next step into {@code out}.
     *
     * @param stampNanos the send time written as {@code : t=} before each event when stamps are on
     * @return the number of SSE events written
     */
    public int writeStep(ByteBuf out, long stampNanos) {
        return script.writeStep(out, stampNanos);
    }

    /** True once the last event was written. */
    public boolean finished() {
        return script.finished();
    }

    /** The same stream again from its first step (same seed, same bytes but for stamps). */
    public EncodedStream restart() {
        return new EncodedStream(plan, format);
    }
}
