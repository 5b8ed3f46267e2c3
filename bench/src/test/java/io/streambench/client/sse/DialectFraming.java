package io.streambench.client.sse;

import static io.streambench.client.sse.RecordedStreams.apiError;
import static io.streambench.client.sse.RecordedStreams.content;
import static io.streambench.client.sse.RecordedStreams.done;
import static io.streambench.client.sse.RecordedStreams.end;
import static io.streambench.client.sse.RecordedStreams.finish;
import static io.streambench.client.sse.RecordedStreams.malformedError;
import static io.streambench.client.sse.RecordedStreams.reasoning;
import static io.streambench.client.sse.RecordedStreams.role;
import static io.streambench.client.sse.RecordedStreams.tool;
import static io.streambench.client.sse.RecordedStreams.usage;

import io.streambench.client.Api;
import java.util.List;

/**
 * Streams of the dialects other than chat completions that put their framing and JSON where naive clients
 * break: multi-byte characters (so that the suite's cuts split them), an {@code event:} line after its data,
 * data over two lines, comments, events without a name (Anthropic's SDKs skip them), {@code ping}s whose data
 * is not even JSON (never parsed), event types the APIs may add, error forms, malformed data, CRLF (Gemini).
 * Written in each API's own spacing and field order.
 */
final class DialectFraming {

    private DialectFraming() {
    }

    static List<RecordedStreams.Case> all() {
        return List.of(chatReasoning(), completions(), responses(), messages(), gemini());
    }

    /** Streams small enough to cut at every pair of points: a multi-byte answer in each framing. */
    static List<RecordedStreams.Case> small() {
        return List.of(
                new RecordedStreams.Case("tiny", Api.RESPONSES, Wire.lf().line("event: x")
                        .event("{\"type\":\"response.output_text.delta\",\"delta\":\"é😀\"}").bytes(),
                        List.of(content(0, "é😀"))),
                new RecordedStreams.Case("tiny", Api.MESSAGES, Wire.lf().line("event: content_block_delta")
                        .event("{\"delta\":{\"text\":\"é😀\"}}").bytes(), List.of(content(0, "é😀"))),
                new RecordedStreams.Case("tiny", Api.GEMINI, Wire.crlf()
                        .event("{\"candidates\": [{\"content\": {\"parts\": [{\"text\": \"é😀\"}]}}]}").bytes(),
                        List.of(content(0, "é😀"))));
    }

    /** vLLM's two names for the reasoning in one delta, and the usage's reasoning and cached counts per server. */
    private static RecordedStreams.Case chatReasoning() {
        byte[] bytes = Wire.lf()
                .event(Wire.chunk(Wire.choice(0, "{\"reasoning\":\"é think\",\"reasoning_content\":\"é think\"}", null)))
                .event(Wire.chunk(Wire.choice(0, "{\"reasoning_content\":\" 😀\",\"content\":null}", null)))
                .event(Wire.chunk(Wire.choice(0, "{\"content\":\"ok\",\"reasoning\":null}", null)))
                .event("{\"choices\":[],\"usage\":{\"prompt_tokens\":30,\"completion_tokens\":9,\"total_tokens\":39,"
                        + "\"prompt_tokens_details\":{\"cached_tokens\":24},\"completion_tokens_details\":"
                        + "{\"reasoning_tokens\":7},\"prompt_cache_hit_tokens\":99}}")
                .event("{\"choices\":[],\"usage\":{\"prompt_tokens\":30,\"completion_tokens\":9,\"total_tokens\":39,"
                        + "\"prompt_cache_hit_tokens\":16,\"prompt_cache_miss_tokens\":14,\"prompt_tokens_details\":null}}")
                .event("{\"choices\":[],\"usage\":{\"prompt_tokens\":1,\"completion_tokens_details\":\"seven\"}}")
                .event("[DONE]")
                .bytes();
        return new RecordedStreams.Case("reasoning-usage", Api.CHAT, bytes, List.of(reasoning(0, "é think"),
                reasoning(0, " 😀"), content(0, "ok"), usage(TokenUsage.Source.CHUNK_USAGE, 30, 9, 7, 24, 39),
                usage(TokenUsage.Source.CHUNK_USAGE, 30, 9, 0, 16, 39), malformedError(), done()));
    }

    private static RecordedStreams.Case completions() {
        String head = "{\"id\":\"cmpl-7\",\"object\":\"text_completion\",\"created\":1760001240,\"model\":\"m\",";
        byte[] bytes = Wire.lf()
                .event(head + "\"choices\":[{\"index\":0,\"text\":\"é€\",\"logprobs\":null,\"finish_reason\":null},"
                        + "{\"index\":1,\"text\":\"😀\",\"logprobs\":{\"tokens\":[\"x\"],\"token_logprobs\":[-0.1]},"
                        + "\"finish_reason\":null}]}")
                .event(head + "\"choices\":[{\"index\":1,\"text\":\" 日本\",\"logprobs\":null,\"finish_reason\":\"stop\","
                        + "\"stop_reason\":null}]}")
                .event(head + "\"choices\":[{\"index\":0,\"text\":\"\",\"logprobs\":null,\"finish_reason\":\"length\"}],"
                        + "\"usage\":null}")
                .event(head + "\"choices\":[{\"index\":0,\"text\":\"cut")
                .event("[DONE]")
                .bytes();
        return new RecordedStreams.Case("framing", Api.COMPLETIONS, bytes, List.of(content(0, "é€"), content(1, "😀"),
                content(1, " 日本"), finish(1, "stop"), finish(0, "length"), malformedError(), done()));
    }

    private static RecordedStreams.Case responses() {
        byte[] bytes = Wire.lf()
                .line(": keep-alive")
                .line("event: response.output_item.added")
                .event("{\"type\":\"response.output_item.added\",\"output_index\":0,\"item\":{\"id\":\"msg_1\","
                        + "\"type\":\"message\",\"status\":\"in_progress\",\"content\":[],\"role\":\"assistant\"},"
                        + "\"sequence_number\":0}")
                .line("data: {\"type\":\"response.output_text.delta\",\"item_id\":\"msg_1\",\"output_index\":0,"
                        + "\"content_index\":0,\"delta\":\"héllo € \",\"logprobs\":[],\"sequence_number\":1}")
                .line("event: response.output_text.delta")
                .line("")
                .line("event:response.output_text.delta")
                .line("data: {\"type\":\"response.output_text.delta\",")
                .line("data: \"delta\":\"😀 naïve 日本語\",\"logprobs\":[],\"sequence_number\":2}")
                .line("")
                .line("event: response.output_text.annotation.added")
                .event("{\"type\":\"response.output_text.annotation.added\",\"annotation\":{\"type\":\"url_citation\","
                        + "\"url\":\"https://example.com\",\"title\":\"x\"},\"sequence_number\":3}")
                .line("event: response.future_event")
                .event("{\"type\":\"response.future_event\",\"payload\":[1,{\"delta\":\"not text\"}],\"sequence_number\":4}")
                .line("event: response.output_text.delta")
                .event("{\"type\":\"response.output_text.delta\",\"delta\":\"cut")
                .line("event: error")
                .event("{\"type\":\"error\",\"code\":\"rate_limit_exceeded\",\"message\":\"Slow down\",\"param\":null,"
                        + "\"sequence_number\":5}")
                .line("event: response.incomplete")
                .event("{\"type\":\"response.incomplete\",\"response\":{\"id\":\"resp_1\",\"status\":\"incomplete\","
                        + "\"incomplete_details\":{\"reason\":\"max_output_tokens\"},\"usage\":{\"input_tokens\":10,"
                        + "\"input_tokens_details\":{\"cached_tokens\":4},\"output_tokens\":16,"
                        + "\"output_tokens_details\":{\"reasoning_tokens\":0},\"total_tokens\":26}},\"sequence_number\":6}")
                .event("[DONE]")
                .bytes();
        return new RecordedStreams.Case("framing", Api.RESPONSES, bytes, List.of(
                RecordedStreams.comment("keep-alive"), role(0, "assistant"), content(0, "héllo € "),
                content(0, "😀 naïve 日本語"), malformedError(), apiError("Slow down", null, "rate_limit_exceeded"),
                finish(0, "max_output_tokens"), usage(TokenUsage.Source.RESPONSE_USAGE, 10, 16, 0, 4, 26),
                end(StreamEnd.RESPONSE_INCOMPLETE), done()));
    }

    private static RecordedStreams.Case messages() {
        byte[] bytes = Wire.lf()
                .line("event: message_start")
                .event("{\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\","
                        + "\"content\":[],\"usage\":{\"input_tokens\":10,\"cache_creation_input_tokens\":2,"
                        + "\"cache_read_input_tokens\":30,\"output_tokens\":1}}}")
                .event("{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\","
                        + "\"text\":\"no event line: skipped, as the SDKs skip it\"}}")
                .line("event: content_block_delta")
                .event("{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"héllo 😀\"}}")
                .line("event: ping")
                .event("not even json")
                .line("event: content_block_delta")
                .event("{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"citations_delta\","
                        + "\"citation\":{\"type\":\"char_location\",\"cited_text\":\"x\"}}}")
                .line("event: some_future_event")
                .event("{\"type\":\"some_future_event\",\"delta\":{\"text\":\"ignored\"}}")
                .line("data: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\" 日本\"}}")
                .line("event: content_block_delta")
                .line("")
                .line(": comment")
                .line("event: content_block_delta")
                .line("data: {\"type\":\"content_block_delta\",\"index\":0,")
                .line("data: \"delta\":{\"type\":\"text_delta\",\"text\":\"語\"}}")
                .line("")
                .line("event: content_block_delta")
                .event("{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"text\":\"x\"}} trailing")
                .line("event: message_delta")
                .event("{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"max_tokens\",\"stop_sequence\":null},"
                        + "\"usage\":{\"input_tokens\":10,\"cache_creation_input_tokens\":2,\"cache_read_input_tokens\":30,"
                        + "\"output_tokens\":16}}")
                .line("event: message_stop")
                .event("{\"type\":\"message_stop\"}")
                .bytes();
        return new RecordedStreams.Case("framing", Api.MESSAGES, bytes, List.of(role(0, "assistant"),
                usage(TokenUsage.Source.MESSAGE_START, 42, 1, 0, 30, 0), content(0, "héllo 😀"), content(0, " 日本"),
                RecordedStreams.comment("comment"), content(0, "語"), malformedError(), finish(0, "max_tokens"),
                usage(TokenUsage.Source.MESSAGE_DELTA, 42, 16, 0, 30, 0), end(StreamEnd.MESSAGE_STOP)));
    }

    private static RecordedStreams.Case gemini() {
        String tail = ",\"modelVersion\": \"gemini-2.5-flash\",\"responseId\": \"r1\"}";
        byte[] bytes = Wire.crlf()
                .event("{\"candidates\": [{\"content\": {\"parts\": [{\"text\": \"Thinking é\",\"thought\": true},"
                        + "{\"text\": \"Answer \"},{\"text\": \"😀 日本\"}],\"role\": \"model\"},\"index\": 0}],"
                        + "\"usageMetadata\": {\"promptTokenCount\": 5,\"candidatesTokenCount\": 3,\"totalTokenCount\": 20,"
                        + "\"cachedContentTokenCount\": 2,\"thoughtsTokenCount\": 12}" + tail)
                .event("{\"candidates\": [{\"content\": {\"parts\": {}}}]}")
                .event("{\"candidates\": [{\"content\": {\"parts\": [{\"functionCall\": {\"name\": \"plan\",\"args\": "
                        + "{\"steps\": [1,2.5,{\"note\": \"naïve \\\"q\\\"\"}],\"ok\": true,\"none\": null}}}],"
                        + "\"role\": \"model\"},\"finishReason\": \"STOP\",\"index\": 0}],\"usageMetadata\": "
                        + "{\"promptTokenCount\": 5,\"candidatesTokenCount\": 9,\"totalTokenCount\": 26,"
                        + "\"thoughtsTokenCount\": 12}" + tail)
                .bytes();
        return new RecordedStreams.Case("framing", Api.GEMINI, bytes, List.of(reasoning(0, "Thinking é"),
                content(0, "Answer 😀 日本"), usage(TokenUsage.Source.USAGE_METADATA, 5, 15, 12, 2, 20), malformedError(),
                tool(0, 0, null, "plan", "{\"steps\":[1,2.5,{\"note\":\"naïve \\\"q\\\"\"}],\"ok\":true,\"none\":null}"),
                finish(0, "STOP"), usage(TokenUsage.Source.USAGE_METADATA, 5, 21, 12, 0, 26), end(StreamEnd.BODY_END)));
    }
}
