/**
 * What the mock's answers say, in each API's words: the plan of an answer, the steps it is told in, and the
 * formats that spell them. This is the seam between content and timing: a {@link
 * io.streambench.mock.wire.WireFormat} is chosen per route, and everything that paces, flushes, applies
 * faults, waits for slow readers and counts ({@code stream}, {@code fault}, {@code http}, {@code stats}) is
 * the same for every format and never sees which one it carries.
 *
 * <h2>How it fits together</h2>
 *
 * <pre>
 * StreamPlan      decided once per request: choices, token counts, tool calls, finish, the seed's random sources
 * StreamScript    the steps of a plan, the same for every API: which fragment of which choice is due at each
 *                 deadline, and the chunk sizes and gaps (drawn here, so a seed means the same stream in any API)
 * EventEncoder    one stream's events in one API's format: the script calls streamStart, choiceStart,
 *                 textStart / text / textStop, toolCallStart / toolArguments / toolCallStop, choiceFinish,
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
 * The Responses API, Anthropic Messages, Gemini and legacy completions come in the same way; for example
 * Anthropic Messages:
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
 *   <li>A request decoder in {@code http} (a function from the JSON body to a {@link
 *       io.streambench.mock.wire.ChatRequest}), phrasing its refusals in {@code http/ErrorCatalogue}; the
 *       header that carries the API key ({@code x-api-key}) is the route's to give {@code http/Admission},
 *       which reads {@code Authorization: Bearer} today.</li>
 *   <li>One line in {@code http/Routes}: {@code /v1/messages} answered by a {@code ChatRoute} with that
 *       decoder and {@code WireFormat.messages()}. Where an API's response head differs ({@code request-id},
 *       Gemini's {@code Content-Disposition}), the format gains a method for its headers that
 *       {@code ChatRoute} writes with the head.</li>
 * </ol>
 *
 * The others differ only in what their encoder writes: the Responses API writes
 * {@code "sequence_number":} with {@code SseEvents.writeLong(out, sse.sequence())}, opens and closes output
 * items in {@code textStart}/{@code textStop}, and puts the whole output and usage in
 * {@code response.completed} from {@code streamFinish} (the text made again from the plan's random sources,
 * once per stream). Gemini ends lines with CRLF ({@code crlfLineEnds}), has no end marker
 * ({@code endMarker} writes nothing), puts {@code finishReason} on the choice's last text event (the
 * {@code last} flag of {@code text}) and running {@code usageMetadata} totals on every event, and sends a
 * function call whole: its {@code toolCallStart}/{@code toolArguments} write nothing and the calls go out in
 * one event from {@code choiceFinish}, after the same paced steps. Reasoning (thinking) tokens are a block before the text: the plan
 * gains their count, {@code StreamScript} tells them with {@code reasoningStart}/{@code reasoning}/
 * {@code reasoningStop} (new methods of {@code EventEncoder} with empty defaults), and each encoder spells
 * them its way ({@code reasoning_content} deltas, {@code thinking} blocks, thought parts). None of it
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
package io.streambench.mock.wire;
