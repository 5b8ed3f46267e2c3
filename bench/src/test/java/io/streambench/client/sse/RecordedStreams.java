package io.streambench.client.sse;

import static io.streambench.client.sse.Wire.chunk;
import static io.streambench.client.sse.Wire.choice;
import static io.streambench.client.sse.Wire.contentChunk;
import static io.streambench.client.sse.Wire.finishChunk;
import static io.streambench.client.sse.Wire.quote;
import static io.streambench.client.sse.Wire.roleChunk;
import static io.streambench.client.sse.Wire.usageChunk;

import io.streambench.client.Api;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The conformance suite's streams, each with the events every parser must report (arrival
 * times are checked separately): chat completions streams shaped like captured OpenAI streams, plus the
 * framing and JSON cases that break naive clients, then every other dialect's ({@link DialectStreams}).
 */
final class RecordedStreams {

    /** One stream of one dialect and its expected events (arrival times zero). */
    record Case(String name, Api api, byte[] bytes, List<StreamEvent> expected) {
        Case(String name, byte[] bytes, List<StreamEvent> expected) {
            this(name, Api.CHAT, bytes, expected);
        }

        @Override
        public String toString() {
            return api == Api.CHAT ? name : api.label() + "/" + name;
        }
    }

    private RecordedStreams() {
    }

    static List<Case> all() {
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("text-lf", textAnswer(Wire.lf()).bytes(), textAnswerEvents()));
        cases.add(new Case("text-crlf", textAnswer(Wire.crlf()).bytes(), textAnswerEvents()));
        cases.add(new Case("text-cr", textAnswer(Wire.cr()).bytes(), textAnswerEvents()));
        cases.add(mixedLineEnds());
        cases.add(bom());
        cases.add(multiLineData());
        cases.add(comments());
        cases.add(otherFields());
        cases.add(emptyEvents());
        cases.add(utf8());
        cases.add(escapes());
        cases.add(midStreamErrors());
        cases.add(parallelToolCalls());
        cases.add(usageNullKnob());
        cases.add(twoChoices());
        cases.add(unknownFields());
        cases.add(malformed());
        cases.add(unterminatedEnd());
        cases.add(bigEvent());
        cases.addAll(DialectStreams.all());
        return cases;
    }

    /** The streams small enough to cut at every pair of points. */
    static List<Case> small() {
        List<Case> small = new ArrayList<>(List.of(
                new Case("crlf-tiny", Wire.crlf().event(contentChunkTiny("a")).line(": c").event("[DONE]").bytes(),
                        List.of(content(0, "a"), comment("c"), done())),
                new Case("utf8-tiny", Wire.lf().event(contentChunkTiny("é€😀")).bytes(),
                        List.of(content(0, "é€😀"))),
                new Case("bom-cr-tiny", Wire.cr().raw("\uFEFF").event(contentChunkTiny("x")).event("[DONE]").bytes(),
                        List.of(content(0, "x"), done()))));
        small.addAll(DialectStreams.small());
        return small;
    }

    // ---- cases

    private static Wire textAnswer(Wire wire) {
        return wire.line(": t=1732406400123456789")
                .event(roleChunk(0))
                .event(contentChunk(0, "Hello"))
                .event(contentChunk(0, " world"))
                .event(contentChunk(0, "!"))
                .event(finishChunk(0, "stop"))
                .event(usageChunk(9, 3))
                .event("[DONE]");
    }

    private static List<StreamEvent> textAnswerEvents() {
        return List.of(comment("t=1732406400123456789"), role(0), content(0, "Hello"), content(0, " world"),
                content(0, "!"), finish(0, "stop"), usage(9, 3), done());
    }

    private static Case mixedLineEnds() {
        byte[] bytes = Wire.lf()
                .raw("data: " + contentChunk(0, "one") + "\r\n\r\n")
                .raw("data: " + contentChunk(0, "two") + "\n\r\n")
                .raw("data: " + contentChunk(0, "three") + "\r\r\n")
                .raw("data: " + contentChunk(0, "four") + "\r\n\n")
                .raw("data: " + contentChunk(0, "five") + "\r\r")
                .raw("data: [DONE]\n\n")
                .bytes();
        return new Case("line-ends-mixed", bytes, List.of(content(0, "one"), content(0, "two"),
                content(0, "three"), content(0, "four"), content(0, "five"), done()));
    }

    private static Case bom() {
        return new Case("bom", textAnswer(Wire.lf().raw("\uFEFF")).bytes(), textAnswerEvents());
    }

    private static Case multiLineData() {
        byte[] bytes = Wire.lf()
                .line("data: {\"choices\":[{\"index\":0,")
                .line("data: \"delta\":{\"content\":\"two\\nlines\"}}]}")
                .line("")
                .line("data:" + contentChunk(0, "no space after colon"))
                .line("")
                .line("data:  " + contentChunk(0, "two spaces"))
                .line("")
                .line("data: {\"choices\":[")
                .line("data")
                .line("data: " + choice(0, "{\"content\":\"bare data line\"}", null) + "]}")
                .line("")
                .bytes();
        return new Case("multi-line-data", bytes, List.of(content(0, "two\nlines"),
                content(0, "no space after colon"), content(0, "two spaces"), content(0, "bare data line")));
    }

    private static Case comments() {
        byte[] bytes = Wire.lf()
                .line(": t=1")
                .line(":keep-alive")
                .line(":")
                .line(":  two spaces")
                .line(": héllo 😀")
                .line("data: {\"choices\":[")
                .line(": inside an event")
                .line("data: " + choice(0, "{\"content\":\"after comment\"}", null) + "]}")
                .line("")
                .line(": t=-42")
                .event("[DONE]")
                .bytes();
        return new Case("comments", bytes, List.of(comment("t=1"), comment("keep-alive"), comment(""),
                comment(" two spaces"), comment("héllo 😀"), comment("inside an event"),
                content(0, "after comment"), comment("t=-42"), done()));
    }

    private static Case otherFields() {
        byte[] bytes = Wire.lf()
                .line("event: message")
                .line("id: 42")
                .line("retry: 3000")
                .line("data: " + contentChunk(0, "with fields"))
                .line("")
                .line("event: completion")
                .line("id")
                .line("retry: soon")
                .line("foo: bar")
                .line("dat: not data")
                .line("datax: not data")
                .line("Data: not data")
                .line("data: " + contentChunk(0, "event type is ignored"))
                .line("")
                .bytes();
        return new Case("fields", bytes, List.of(content(0, "with fields"), content(0, "event type is ignored")));
    }

    private static Case emptyEvents() {
        byte[] bytes = Wire.lf()
                .line("")
                .line("")
                .line("id: 1")
                .line("")
                .line("event: ping")
                .line("")
                .event(contentChunk(0, "real"))
                .line("")
                .line("")
                .event("[DONE]")
                .bytes();
        return new Case("empty-events", bytes, List.of(content(0, "real"), done()));
    }

    private static Case utf8() {
        byte[] bytes = Wire.lf()
                .event(contentChunk(0, "é"))
                .event(contentChunk(0, "€"))
                .event(contentChunk(0, "😀"))
                .event(contentChunk(0, "naïve 日本語 🦄🚀 ñ"))
                .bytes();
        return new Case("utf8", bytes, List.of(content(0, "é"), content(0, "€"), content(0, "😀"),
                content(0, "naïve 日本語 🦄🚀 ñ")));
    }

    private static Case escapes() {
        String escaped = "\"\\\"q\\\" \\\\ \\/ \\b\\f\\n\\r\\t \\u00e9 \\u20AC \\ud83d\\ude00 \\u0000\"";
        String decoded = "\"q\" \\ / \b\f\n\r\t é € 😀 \u0000";
        byte[] bytes = Wire.lf()
                .event(chunk(choice(0, "{\"content\":" + escaped + "}", null)))
                .event("{\"choices\":[{\"index\":0,\"delta\":{\"con\\u0074ent\":\"escaped key\"}}]}")
                .event(chunk(choice(0, "{\"content\":\"\\ud83e\\udd84 lone \\ud800 high\"}", null)))
                .bytes();
        return new Case("escapes", bytes, List.of(content(0, decoded), content(0, "escaped key"),
                content(0, "🦄 lone \ud800 high")));
    }

    private static Case midStreamErrors() {
        byte[] bytes = Wire.lf()
                .event(roleChunk(0))
                .event(contentChunk(0, "Hi"))
                .event("{\"error\":{\"message\":\"The server had an error while processing your request.\","
                        + "\"type\":\"server_error\",\"param\":null,\"code\":null}}")
                .event("{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"rate_limit\",\"code\":429}}")
                .event("{\"error\":\"plain text error\"}")
                .event("{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"ignored\"}}],"
                        + "\"error\":{\"type\":\"both\",\"code\":\"x1\"}}")
                .event("{\"error\":null,\"choices\":[{\"index\":0,\"delta\":{\"content\":\"null error\"}}]}")
                .event("[DONE]")
                .bytes();
        return new Case("errors", bytes, List.of(role(0), content(0, "Hi"),
                apiError("The server had an error while processing your request.", "server_error", null),
                apiError("Rate limit reached", "rate_limit", "429"),
                apiError("plain text error", null, null),
                apiError("", "both", "x1"),
                content(0, "null error"),
                done()));
    }

    private static Case parallelToolCalls() {
        byte[] bytes = Wire.lf()
                .event(chunk(choice(0, "{\"role\":\"assistant\",\"content\":null}", null)))
                .event(chunk(choice(0, "{\"tool_calls\":[{\"index\":0,\"id\":\"call_A1\",\"type\":\"function\","
                        + "\"function\":{\"name\":\"get_weather\",\"arguments\":\"\"}}]}", null)))
                .event(chunk(choice(0, "{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":"
                        + quote("{\"city\": \"Par") + "}}]}", null)))
                .event(chunk(choice(0, "{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":"
                        + quote("is\"}") + "}}]}", null)))
                .event(chunk(choice(0, "{\"tool_calls\":[{\"index\":1,\"id\":\"call_B2\",\"type\":\"function\","
                        + "\"function\":{\"name\":\"get_time\",\"arguments\":\"\"}},"
                        + "{\"index\":2,\"id\":\"call_C3\",\"type\":\"function\","
                        + "\"function\":{\"name\":\"get_news\",\"arguments\":\"{}\"}}]}", null)))
                .event(chunk(choice(0, "{\"tool_calls\":[{\"index\":1,\"function\":{\"arguments\":"
                        + quote("{\"tz\":\"CET\"}") + "}}]}", null)))
                .event(finishChunk(0, "tool_calls"))
                .event(usageChunk(80, 40))
                .event("[DONE]")
                .bytes();
        return new Case("tool-calls", bytes, List.of(role(0),
                tool(0, 0, "call_A1", "get_weather", ""),
                tool(0, 0, null, null, "{\"city\": \"Par"),
                tool(0, 0, null, null, "is\"}"),
                tool(0, 1, "call_B2", "get_time", ""),
                tool(0, 2, "call_C3", "get_news", "{}"),
                tool(0, 1, null, null, "{\"tz\":\"CET\"}"),
                finish(0, "tool_calls"), usage(80, 40), done()));
    }

    private static Case usageNullKnob() {
        String withNullUsage = contentChunk(0, "usage null").replace("\"choices\"", "\"usage\":null,\"choices\"");
        byte[] bytes = Wire.lf()
                .event(withNullUsage)
                .event(usageChunk(5, 1))
                .event("{\"choices\":[],\"usage\":{\"total_tokens\":7}}")
                .bytes();
        return new Case("usage", bytes, List.of(content(0, "usage null"), usage(5, 1), usage(0, 0, 7)));
    }

    private static Case twoChoices() {
        byte[] bytes = Wire.lf()
                .event(chunk(choice(0, "{\"role\":\"assistant\",\"content\":\"\"}", null),
                        choice(1, "{\"role\":\"assistant\",\"content\":\"\"}", null)))
                .event(contentChunk(1, "B1"))
                .event(contentChunk(0, "A1"))
                .event(chunk(choice(1, "{\"content\":\"B2\"}", null), choice(0, "{\"content\":\"A2\"}", null)))
                .event(finishChunk(0, "stop"))
                .event(finishChunk(1, "length"))
                .event("[DONE]")
                .bytes();
        return new Case("n2", bytes, List.of(role(0), role(1), content(1, "B1"), content(0, "A1"),
                content(1, "B2"), content(0, "A2"), finish(0, "stop"), finish(1, "length"), done()));
    }

    private static Case unknownFields() {
        String logprobs = "{\"content\":[{\"token\":\"Hi\",\"logprob\":-0.1,\"bytes\":[72,105],\"top_logprobs\":[]}]}";
        byte[] bytes = Wire.lf()
                .event("{\"id\":\"x\",\"obfuscation\":\"x7Yz\",\"service_tier\":\"default\","
                        + "\"x_meta\":{\"a\":[1,2,{\"b\":null}],\"choices\":\"not these\"},\"x_flag\":true,"
                        + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi\",\"refusal\":null,\"x_new\":false,"
                        + "\"x_num\":-1.5e3,\"x_arr\":[],\"x_obj\":{\"content\":\"nested, not content\"}},"
                        + "\"logprobs\":" + logprobs + ",\"finish_reason\":null,\"x_zero\":0}]}")
                .event("{\"choices\":[{\"delta\":{\"content\":\"index after delta\"},\"finish_reason\":null,"
                        + "\"index\":1}],\"model\":\"m\"}")
                .event("{\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"id\":\"c\","
                        + "\"type\":\"function\",\"x_extra\":{\"k\":[1]},\"function\":{\"name\":\"f\","
                        + "\"arguments\":\"{}\",\"x_more\":1}}]}}]}")
                .event("{}")
                .event(" {\"choices\" : [ { \"index\" : 0 , \"delta\" : { \"content\" : \"spaced\" } } ] } ")
                .bytes();
        return new Case("unknown-fields", bytes, List.of(content(0, "Hi"), content(1, "index after delta"),
                tool(0, 0, "c", "f", "{}"), content(0, "spaced")));
    }

    private static Case malformed() {
        byte[] bytes = Wire.lf()
                .event(roleChunk(0))
                .event("{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"cut")
                .event("{\"choices\":[}")
                .event("[1,2]")
                .event("\"just a string\"")
                .line("data:").line("")
                .event("   ")
                .event("{} x")
                .event(contentChunk(0, "a") + " " + contentChunk(0, "b"))
                .event("nul")
                .event("{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"}}],}")
                .event(" [DONE]")
                .event("{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"bad \\x escape\"}}]}")
                .event("{\"choices\":[{\"index\":01,\"delta\":{\"content\":\"leading zero\"}}]}")
                .event(contentChunk(0, "after the bad ones"))
                .event("[DONE]")
                .bytes();
        List<StreamEvent> expected = new ArrayList<>();
        expected.add(role(0));
        for (int i = 0; i < 13; i++) {
            expected.add(malformedError());
        }
        expected.add(content(0, "after the bad ones"));
        expected.add(done());
        return new Case("malformed", bytes, expected);
    }

    private static Case unterminatedEnd() {
        byte[] bytes = Wire.lf()
                .event(contentChunk(0, "kept"))
                .line("data: " + contentChunk(0, "lost: no blank line"))
                .raw(": t=5")
                .bytes();
        return new Case("unterminated", bytes, List.of(content(0, "kept")));
    }

    private static Case bigEvent() {
        StringBuilder text = new StringBuilder();
        while (text.length() < 70_000) {
            text.append("Lorem ipsum é € 😀 \"quoted\" \\ back\nslash. ");
        }
        String big = text.toString();
        byte[] bytes = Wire.lf()
                .event(contentChunk(0, "before"))
                .event(contentChunk(0, big))
                .event(contentChunk(0, "after"))
                .bytes();
        if (bytes.length < 65 * 1024) {
            throw new IllegalStateException("big event too small: " + bytes.length);
        }
        return new Case("big-event", bytes, List.of(content(0, "before"), content(0, big), content(0, "after")));
    }

    private static String contentChunkTiny(String text) {
        return "{\"choices\":[{\"delta\":{\"content\":" + quote(text) + "}}]}";
    }

    // ---- expected events (arrival 0)

    static StreamEvent role(int choice) {
        return new StreamEvent.Role(choice, "assistant", 0);
    }

    static StreamEvent content(int choice, String text) {
        return new StreamEvent.Content(choice, text, 0);
    }

    static StreamEvent finish(int choice, String reason) {
        return new StreamEvent.Finish(choice, reason, 0);
    }

    static StreamEvent usage(long prompt, long completion) {
        return usage(prompt, completion, prompt + completion);
    }

    static StreamEvent usage(long prompt, long completion, long total) {
        return new StreamEvent.Usage(TokenUsage.Source.CHUNK_USAGE, prompt, completion, 0, 0, total, 0);
    }

    static StreamEvent usage(TokenUsage.Source source, long prompt, long output, long reasoning, long cached,
                             long total) {
        return new StreamEvent.Usage(source, prompt, output, reasoning, cached, total, 0);
    }

    static StreamEvent reasoning(int choice, String text) {
        return new StreamEvent.Reasoning(choice, text, 0);
    }

    static StreamEvent tool(int choice, int index, String id, String name, String arguments) {
        return new StreamEvent.ToolCall(choice, index, id, name, arguments, 0);
    }

    static StreamEvent apiError(String message, String type, String code) {
        return new StreamEvent.Error(new StreamError(StreamError.Kind.API, message, type, code), 0);
    }

    /** Malformed errors are compared by kind only: each parser words its reason its own way. */
    static StreamEvent malformedError() {
        return new StreamEvent.Error(new StreamError(StreamError.Kind.MALFORMED, "", null, null), 0);
    }

    static StreamEvent done() {
        return end(StreamEnd.DONE);
    }

    static StreamEvent end(StreamEnd end) {
        return new StreamEvent.End(end, 0);
    }

    static StreamEvent role(int choice, String role) {
        return new StreamEvent.Role(choice, role, 0);
    }

    static StreamEvent comment(String text) {
        return new StreamEvent.Comment(text, 0);
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
