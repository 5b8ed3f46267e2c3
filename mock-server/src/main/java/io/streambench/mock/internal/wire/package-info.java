/**
 * What the mock's answers say, in each API's words: the plan of an answer, the steps it is told in, and the
 * formats that spell them. This is the seam between content and timing: a {@link
 * io.streambench.mock.internal.wire.WireFormat} is chosen per route, and everything that paces, flushes, applies
 * faults, waits for slow readers and counts ({@code stream}, {@code fault}, {@code http}, {@code stats}) is
 * the same for every format and never sees which one it carries.
 *
 * <h2>How it fits together</h2>
 *
 * <pre>
 * StreamPlan      decided once per request: choices, reasoning and answer token counts, tool calls, finish, the
 *                 seed's random sources
 * StreamScript    the steps of a plan, the same for every API: which fragment of which choice is due at each
 *                 deadline, and the chunk sizes and gaps (drawn here, so a seed means the same stream in any API)
 * EventEncoder    one stream's events in one API's format: the script calls streamStart, choiceStart,
 *                 reasoningStart / reasoning / reasoningStop, textStart / text / textStop,
 *                 toolCallStart / toolArguments / toolCallStop, choiceFinish,
 *                 streamFinish, endMarker, and for faults errorEvent and malformedEvent
 * SseEvents       the SSE lines around every event: send stamps, optional event: lines, data:, the blank line,
 *                 the API's line ends (LF, or CRLF), and the event count, which is the sequence number of
 *                 APIs that send one
 * WireFormat      a format: makes the stream's encoder, the answer to stream: false, and the error body
 * </pre>
 *
 * A stream's constant parts (ids, model, field names) are encoded into byte templates when its encoder is
 * made; an event then copies templates and the pre-escaped bytes of its tokens, so encoding allocates
 * nothing per event ({@code ChunkEncodeBenchmark} measures it through {@link io.streambench.mock.EncodedStream}).
 *
 * <h2>Adding an API</h2>
 *
 * The formats here: chat completions ({@code ChatCompletionsFormat}), the Responses API
 * ({@code ResponsesFormat}: typed events, output items, a {@code ResponsesBody} shared by the terminal event
 * and {@code stream: false}) and legacy completions ({@code CompletionsFormat}); {@code Padding} and
 * {@code OpenAiErrors} are shared by the three; Anthropic Messages ({@code MessagesFormat}) and Gemini
 * ({@code GeminiFormat}, with {@code GoogleJson} for Google's spacing). Each came in the same way; Anthropic
 * Messages, for example:
 *
 * <ol>
 *   <li>{@code MessagesFormat extends WireFormat} and {@code MessagesEvents implements EventEncoder} in this
 *       package. Typed events begin with {@code sse.begin(out, CONTENT_BLOCK_DELTA)}, the type's bytes
 *       encoded once with {@code SseEvents.ascii("content_block_delta")}. {@code streamStart} writes
 *       {@code message_start}; {@code textStart} and {@code toolCallStart} write {@code content_block_start}
 *       with a block index the encoder counts, {@code textStop} and {@code toolCallStop} write
 *       {@code content_block_stop}; {@code streamFinish} writes {@code message_delta} with the stop reason
 *       and usage; {@code endMarker} writes {@code message_stop}; {@code errorEvent} writes
 *       {@code event: error}; {@code errorBody} is {@code {"type":"error","error":{...}}}.</li>
 *   <li>A request decoder in {@code http} (a {@code ChatRoute.Decoder}: from the JSON body and the URI,
 *       where Gemini names the model, to a {@link io.streambench.mock.internal.wire.ChatRequest}), phrasing its
 *       refusals in {@code http/ErrorCatalogue}. Where the API key is sent ({@code x-api-key} or
 *       {@code Authorization: Bearer}) and how the refusals before the body are worded is the route's
 *       {@code http/Provider}.</li>
 *   <li>One line in {@code http/Routes}: {@code /v1/messages} answered by a {@code ChatRoute} with that
 *       decoder and {@code WireFormat.messages()}. Where an API's response head differs, the format says so
 *       in {@code responseHeaders} ({@code request-id} from {@code newRequestId}, which the error body
 *       repeats; Gemini's {@code Content-Type} and {@code Content-Disposition}).</li>
 * </ol>
 *
 * The others differ only in what their encoder writes. The Responses API ({@code ResponsesEvents}) writes
 * {@code "sequence_number":} with {@code SseEvents.writeLong(out, sse.sequence())}, opens and closes output
 * items in {@code reasoningStart}/{@code textStart}/{@code toolCallStart} and their stops, and puts the
 * whole output and usage in {@code response.completed} from {@code streamFinish} (the texts made again from
 * the plan's random sources, once per stream); its {@code errorEvent} writes two events. The request fields
 * the answer repeats reach it as {@code ChatRequest.echo}, normalised by its decoder. Gemini ends lines with CRLF ({@code crlfLineEnds}), has no end marker
 * ({@code endMarker} writes nothing), puts {@code finishReason} on the choice's last text event (the
 * {@code last} flag of {@code text}) and running {@code usageMetadata} totals on every event, and sends a
 * function call whole: its {@code toolCallStart}/{@code toolArguments} write nothing and each call goes out
 * in one event from {@code toolCallStop}, after the same paced steps, as Gemini 3 models send them.
 *
 * <h2>Reasoning</h2>
 *
 * Reasoning (thinking) tokens are a block before a choice's text or tool calls: the plan holds their count
 * per choice ({@code ChoicePlan.reasoningTokens}, from the profile's {@code reasoning_tokens} or
 * {@code x-mock-reasoning-tokens}, capped by the request's budget and token limit), {@code StreamScript} tells
 * them with {@code reasoningStart}/{@code reasoning}/{@code reasoningStop} (defaults that write nothing),
 * paced like text, and each encoder spells them its way: chat completions' {@code reasoning_content} or
 * {@code reasoning} deltas, the Responses API's reasoning item, Anthropic's {@code thinking} block with its
 * {@code signature_delta}, Gemini's {@code "thought": true} parts. {@code ChatRequest.Reasoning} is what the
 * request asks: off ({@code reasoning_effort: "none"}, a budget of 0), streamed or only timed and counted
 * ({@code StreamPlan.reasoningShown}), and a budget. The text comes from {@code StreamPlan.openReasoning},
 * its own random source, so a seed's answer is the same with reasoning or without. Usage: {@code
 * StreamPlan.completionTokens()} includes the reasoning and {@code reasoningTokens()} gives it apart; each
 * format reports them as its API does (Gemini's {@code candidatesTokenCount} excludes thoughts). None of it
 * touches {@code stream/StreamSession}, {@code stream/Pacer}, the flush policy, faults or stats.
 *
 * <p>Usage comes from the plan: {@code promptTokens} and, of those, {@code cachedTokens}, which the server
 * model ({@code model}) sets when the profile has one (the tokenizer's count, and the tokens its prefix cache
 * held; otherwise a rough count and 0). Each format reports the cached part in its own field: chat completions
 * {@code prompt_tokens_details.cached_tokens}, the Responses API {@code input_tokens_details.cached_tokens},
 * Anthropic {@code cache_read_input_tokens} (its {@code input_tokens} then count only the uncached part),
 * Gemini {@code cachedContentTokenCount}. A request decoder hands the model the prompt as
 * {@code model/Prompt} (every message's role and text, in order) in {@code ChatRequest.prompt}, and vLLM's
 * {@code ignore_eos} and {@code min_tokens} where the API has them.
 */
package io.streambench.mock.internal.wire;
