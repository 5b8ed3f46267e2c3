package io.streambench.mock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streambench.mock.profile.ProfileLoader;
import io.streambench.mock.testing.LeakTracking;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What a raw client sees on {@code POST /v1/responses}, checked against docs/wire-formats.md and its recordings. */
@ExtendWith(LeakTracking.class)
class ResponsesWireSequenceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOOLS = "\"tools\":["
            + "{\"type\":\"function\",\"name\":\"get_weather\",\"description\":\"Current weather\",\"parameters\":"
            + "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"},\"unit\":{\"type\":\"string\","
            + "\"enum\":[\"c\",\"f\"]}},\"required\":[\"city\",\"unit\"],\"additionalProperties\":false},\"strict\":true},"
            + "{\"type\":\"function\",\"name\":\"search\",\"parameters\":{\"type\":\"object\",\"properties\":"
            + "{\"query\":{\"type\":\"string\"},\"limit\":{\"type\":\"integer\",\"minimum\":1,\"maximum\":5}},"
            + "\"required\":[\"query\",\"limit\"]}}]";

    private static MockServer server;

    @BeforeAll
    static void start() {
        server = MockServer.start(MockServerConfig.defaults().withProfiles(ProfileLoader.parse("""
                profiles:
                  padded: {extends: instant, output_tokens: 12, padding_bytes: 4}
                  thinker: {extends: padded, reasoning_tokens: 6}
                """)));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** One typed event: its {@code event:} name and its JSON. */
    record Typed(String event, JsonNode data) {
        String type() {
            return data.path("type").asText();
        }
    }

    private static RawHttpClient.Response post(String body, String... headers) throws Exception {
        try (RawHttpClient c = new RawHttpClient(server.port())) {
            return c.postAndRead("/v1/responses", body, headers);
        }
    }

    private static List<Typed> events(RawHttpClient.Response r) throws Exception {
        List<Typed> out = new ArrayList<>();
        for (RawHttpClient.Event e : r.events()) {
            assertEquals(2, e.lines().size(), "an event: line and a data: line: " + e.lines());
            assertTrue(e.lines().get(0).startsWith("event: "), e.lines().get(0));
            out.add(new Typed(e.lines().get(0).substring(7), JSON.readTree(e.data())));
        }
        return out;
    }

    private static List<String> types(List<Typed> events) {
        return events.stream().map(Typed::type).toList();
    }

    private static String joined(List<Typed> events, String type, String field) {
        StringBuilder sb = new StringBuilder();
        events.stream().filter(e -> e.type().equals(type)).forEach(e -> sb.append(e.data().get(field).asText()));
        return sb.toString();
    }

    private static List<Typed> checkedEvents(RawHttpClient.Response r) throws Exception {
        assertEquals(200, r.status());
        assertEquals("text/event-stream; charset=utf-8", r.headers().get("content-type"));
        assertFalse(r.body().contains("[DONE]"), "no [DONE] on the Responses API");
        assertFalse(r.body().contains("\r"), "LF line ends");
        List<Typed> events = events(r);
        for (int i = 0; i < events.size(); i++) {
            Typed e = events.get(i);
            assertEquals(e.event(), e.type(), "the event: line names the JSON's type");
            assertEquals(i, e.data().get("sequence_number").asInt(), "sequence numbers from 0, one per event");
        }
        return events;
    }

    @Test
    void shouldStreamTheTextSequenceWithTheRecordedShapes() throws Exception {
        RawHttpClient.Response r = post("{\"model\":\"padded\",\"stream\":true,\"input\":\"Say hello\","
                + "\"instructions\":\"Be brief.\"}", "x-mock-seed", "5");
        List<Typed> events = checkedEvents(r);

        List<String> expected = new ArrayList<>(List.of("response.created", "response.in_progress",
                "response.output_item.added", "response.content_part.added"));
        for (int i = 0; i < 12; i++) {
            expected.add("response.output_text.delta");
        }
        expected.addAll(List.of("response.output_text.done", "response.content_part.done",
                "response.output_item.done", "response.completed"));
        assertEquals(expected, types(events));

        JsonNode created = events.get(0).data().get("response");
        assertTrue(created.get("id").asText().matches("resp_[0-9a-f]{48}"), created.get("id").asText());
        assertEquals("in_progress", created.get("status").asText());
        assertEquals("Be brief.", created.get("instructions").asText(), "the request's fields are repeated");
        assertTrue(created.get("usage").isNull());
        String itemId = events.get(2).data().at("/item/id").asText();
        assertTrue(itemId.matches("msg_[0-9a-f]{48}"), itemId);
        for (Typed e : events.subList(3, events.size() - 2)) {
            assertEquals(itemId, e.data().get("item_id").asText());
            assertEquals(0, e.data().get("output_index").asInt());
        }
        String text = joined(events, "response.output_text.delta", "delta");
        assertFalse(text.isEmpty());
        assertEquals(text, events.get(16).data().get("text").asText(), "output_text.done has the joined deltas");
        assertEquals(text, events.get(17).data().at("/part/text").asText());
        assertEquals(text, events.get(18).data().at("/item/content/0/text").asText());
        assertEquals("completed", events.get(18).data().at("/item/status").asText());
        JsonNode completed = events.get(19).data().get("response");
        assertEquals(created.get("id"), completed.get("id"));
        assertEquals("completed", completed.get("status").asText());
        assertEquals(text, completed.at("/output/0/content/0/text").asText(), "the terminal event has the whole output");
        JsonNode usage = completed.get("usage");
        assertEquals(12, usage.get("output_tokens").asInt());
        assertEquals(0, usage.at("/input_tokens_details/cached_tokens").asInt());
        assertEquals(0, usage.at("/output_tokens_details/reasoning_tokens").asInt());
        assertEquals(usage.get("input_tokens").asInt() + 12, usage.get("total_tokens").asInt());
        for (Typed e : events) {
            if (e.type().endsWith(".delta")) {
                assertEquals(4, e.data().get("obfuscation").asText().length(), "padding on deltas");
                assertEquals(0, e.data().get("logprobs").size());
            }
        }
        assertEquals(List.of(), RecordedShapes.differences(
                RecordedShapes.ofBody(RecordedShapes.recording("responses", "text.sse")),
                RecordedShapes.ofBody(r.body())));
    }

    @Test
    void shouldStreamParallelFunctionCallsAsItemsWithTheRecordedShapes() throws Exception {
        RawHttpClient.Response r = post("{\"model\":\"padded\",\"stream\":true,\"input\":[{\"role\":\"user\","
                + "\"content\":[{\"type\":\"input_text\",\"text\":\"Weather in Lisbon?\"}]}]," + TOOLS + "}",
                "x-mock-profile", "realistic", "x-mock-ttft-ms", "0", "x-mock-itl-ms", "0", "x-mock-padding-bytes", "3");
        List<Typed> events = checkedEvents(r);

        List<Typed> added = events.stream().filter(e -> e.type().equals("response.output_item.added")).toList();
        assertEquals(2, added.size(), "the realistic profile makes two parallel calls");
        Set<String> names = new HashSet<>();
        for (int call = 0; call < 2; call++) {
            JsonNode item = added.get(call).data().get("item");
            assertEquals(call, added.get(call).data().get("output_index").asInt());
            assertEquals("function_call", item.get("type").asText());
            assertTrue(item.get("id").asText().matches("fc_[0-9a-f]{48}"), item.toString());
            assertTrue(item.get("call_id").asText().matches("call_[A-Za-z0-9]{24}"), item.toString());
            assertEquals("", item.get("arguments").asText());
            String id = item.get("id").asText();
            StringBuilder args = new StringBuilder();
            events.stream().filter(e -> e.type().equals("response.function_call_arguments.delta")
                    && e.data().get("item_id").asText().equals(id)).forEach(e -> args.append(e.data().get("delta").asText()));
            JsonNode done = events.stream().filter(e -> e.type().equals("response.function_call_arguments.done")
                    && e.data().get("item_id").asText().equals(id)).findFirst().orElseThrow().data();
            assertEquals(args.toString(), done.get("arguments").asText());
            assertEquals(item.get("name").asText(), done.get("name").asText());
            JsonNode parsed = JSON.readTree(args.toString());
            if (item.get("name").asText().equals("get_weather")) {
                assertTrue(Set.of("c", "f").contains(parsed.get("unit").asText()), args.toString());
            } else {
                int limit = parsed.get("limit").asInt();
                assertTrue(limit >= 1 && limit <= 5, args.toString());
            }
            names.add(item.get("name").asText());
        }
        assertEquals(Set.of("get_weather", "search"), names);
        JsonNode completed = events.get(events.size() - 1).data().get("response");
        assertEquals(2, completed.get("output").size());
        assertEquals("Current weather", completed.at("/tools/0/description").asText(), "the tools are repeated");
        assertEquals(List.of(), RecordedShapes.differences(
                RecordedShapes.ofBody(RecordedShapes.recording("responses", "tools-parallel.sse")),
                RecordedShapes.ofBody(r.body())));

        List<Typed> single = checkedEvents(post("{\"model\":\"realistic\",\"stream\":true,\"input\":\"hi\","
                + "\"parallel_tool_calls\":false," + TOOLS + "}", "x-mock-ttft-ms", "0", "x-mock-itl-ms", "0"));
        assertEquals(1, single.stream().filter(e -> e.type().equals("response.output_item.added")).count());
        List<Typed> named = checkedEvents(post("{\"model\":\"realistic\",\"stream\":true,\"input\":\"hi\","
                + "\"tool_choice\":{\"type\":\"function\",\"name\":\"search\"}," + TOOLS + "}",
                "x-mock-ttft-ms", "0", "x-mock-itl-ms", "0"));
        assertEquals(List.of("search"), named.stream().filter(e -> e.type().equals("response.output_item.added"))
                .map(e -> e.data().at("/item/name").asText()).toList());
    }

    @Test
    void shouldStreamTheReasoningSummaryBeforeTheMessageWithTheRecordedShapes() throws Exception {
        RawHttpClient.Response r = post("{\"model\":\"thinker\",\"stream\":true,\"input\":\"17 + 25?\","
                + "\"reasoning\":{\"effort\":\"medium\",\"summary\":\"auto\"}}");
        List<Typed> events = checkedEvents(r);

        List<String> types = types(events);
        assertEquals(List.of("response.created", "response.in_progress", "response.output_item.added",
                "response.reasoning_summary_part.added"), types.subList(0, 4));
        assertEquals(6, types.stream().filter(t -> t.equals("response.reasoning_summary_text.delta")).count());
        assertTrue(types.lastIndexOf("response.reasoning_summary_text.delta") < types.indexOf("response.output_text.delta"),
                "the reasoning before the answer");
        JsonNode reasoningItem = events.get(2).data().get("item");
        assertTrue(reasoningItem.get("id").asText().matches("rs_[0-9a-f]{48}"), reasoningItem.toString());
        String summary = joined(events, "response.reasoning_summary_text.delta", "delta");
        JsonNode completed = events.get(events.size() - 1).data().get("response");
        assertEquals(summary, completed.at("/output/0/summary/0/text").asText());
        assertEquals("message", completed.at("/output/1/type").asText());
        assertEquals(1, events.stream().filter(e -> e.type().equals("response.output_text.delta")).findFirst()
                .orElseThrow().data().get("output_index").asInt(), "the message is output 1");
        assertEquals(18, completed.at("/usage/output_tokens").asInt(), "reasoning is part of output_tokens");
        assertEquals(6, completed.at("/usage/output_tokens_details/reasoning_tokens").asInt());
        assertEquals(List.of(), RecordedShapes.differences(
                RecordedShapes.ofBody(RecordedShapes.recording("responses", "reasoning.sse")),
                RecordedShapes.ofBody(r.body())));
    }

    @Test
    void shouldReasonUnseenWithoutASummaryAndNotAtAllForEffortNone() throws Exception {
        List<Typed> hidden = checkedEvents(post("{\"model\":\"thinker\",\"stream\":true,\"input\":\"hi\"}"));
        List<String> types = types(hidden);
        assertEquals(List.of("response.created", "response.in_progress", "response.output_item.added",
                "response.output_item.done", "response.output_item.added"), types.subList(0, 5));
        assertEquals("reasoning", hidden.get(3).data().at("/item/type").asText());
        assertEquals(0, hidden.get(3).data().at("/item/summary").size());
        assertFalse(types.contains("response.reasoning_summary_text.delta"));
        assertEquals(6, hidden.get(hidden.size() - 1).data().at("/response/usage/output_tokens_details/reasoning_tokens").asInt());

        List<Typed> off = checkedEvents(post("{\"model\":\"thinker\",\"stream\":true,\"input\":\"hi\","
                + "\"reasoning\":{\"effort\":\"none\"}}"));
        assertEquals("message", off.get(2).data().at("/item/type").asText());
        assertEquals(0, off.get(off.size() - 1).data().at("/response/usage/output_tokens_details/reasoning_tokens").asInt());
    }

    @Test
    void shouldEndWithResponseIncompleteWhenMaxOutputTokensCutsTheAnswer() throws Exception {
        List<Typed> events = checkedEvents(post("{\"model\":\"padded\",\"stream\":true,\"input\":\"hi\","
                + "\"max_output_tokens\":16}", "x-mock-output-tokens", "40"));
        Typed last = events.get(events.size() - 1);
        assertEquals("response.incomplete", last.type());
        JsonNode response = last.data().get("response");
        assertEquals("incomplete", response.get("status").asText());
        assertEquals("max_output_tokens", response.at("/incomplete_details/reason").asText());
        assertEquals(16, response.get("max_output_tokens").asInt());
        assertEquals("incomplete", response.at("/output/0/status").asText());
        assertEquals(16, response.at("/usage/output_tokens").asInt());
        assertEquals(16, events.stream().filter(e -> e.type().equals("response.output_text.delta")).count());
    }

    @Test
    void shouldAnswerStreamFalseWithTheTerminalEventsResponse() throws Exception {
        String body = "{\"model\":\"thinker\",\"stream\":true,\"input\":\"hi\",\"reasoning\":{\"summary\":\"auto\"}}";
        List<Typed> events = checkedEvents(post(body, "x-mock-seed", "21"));
        RawHttpClient.Response whole = post(body.replace("\"stream\":true", "\"stream\":false"), "x-mock-seed", "21");

        assertEquals(200, whole.status());
        assertEquals("application/json", whole.headers().get("content-type"));
        JsonNode streamed = events.get(events.size() - 1).data().get("response");
        assertEquals(withoutClock(streamed), withoutClock(JSON.readTree(whole.body())));
    }

    @Test
    void shouldEndAFaultedStreamWithTheNestedErrorEventThenResponseFailed() throws Exception {
        RawHttpClient.Response r = post("{\"model\":\"padded\",\"stream\":true,\"input\":\"hi\"}",
                "x-mock-fault", "error_event:message=overloaded,code=server_is_overloaded@after_chunks=6");
        List<Typed> events = checkedEvents(r);

        assertEquals(8, events.size(), "six events, the error, response.failed: " + types(events));
        JsonNode error = events.get(6).data();
        assertEquals("error", error.get("type").asText());
        assertEquals("server_is_overloaded", error.at("/error/code").asText());
        assertEquals("server_error", error.at("/error/type").asText());
        assertEquals("overloaded", error.at("/error/message").asText());
        JsonNode failed = events.get(7).data().get("response");
        assertEquals("response.failed", events.get(7).type());
        assertEquals("failed", failed.get("status").asText());
        assertEquals("server_is_overloaded", failed.at("/error/code").asText());
        assertEquals(List.of(), RecordedShapes.differences(
                RecordedShapes.ofBody(RecordedShapes.recording("responses", "error-event.sse")),
                RecordedShapes.ofBody(r.body())));
        assertEquals(List.of(), RecordedShapes.differences(
                RecordedShapes.ofBody(RecordedShapes.recording("responses", "failed.sse")),
                RecordedShapes.ofBody(r.body())));
    }

    @Test
    void shouldRefuseBadRequestsWithOpenAiErrorObjects() throws Exception {
        assertError(post("{\"model\":\"instant\"}"), 400, "input");
        assertError(post("{\"model\":\"instant\",\"input\":[]}"), 400, "input");
        assertError(post("{\"model\":\"instant\",\"input\":3}"), 400, "input");
        assertError(post("{\"model\":\"instant\",\"input\":[{\"role\":\"robot\",\"content\":\"x\"}]}"), 400, "input[0].role");
        assertError(post("{\"model\":\"instant\",\"input\":\"hi\",\"max_output_tokens\":5}"), 400, "max_output_tokens");
        assertError(post("{\"model\":\"instant\",\"input\":\"hi\",\"tools\":[{\"type\":\"web_search\"}]}"), 400,
                "tools[0].type");
        assertError(post("{\"model\":\"instant\",\"input\":\"hi\",\"tools\":[{\"type\":\"function\"}]}"), 400,
                "tools[0].name");
        assertError(post("{\"model\":\"instant\",\"input\":\"hi\",\"reasoning\":{\"summary\":\"long\"}}"), 400,
                "reasoning.summary");
        assertError(post("{\"model\":\"instant\",\"input\":\"hi\",\"reasoning\":{\"effort\":\"max!\"}}"), 400,
                "reasoning.effort");
        assertError(post("{\"model\":\"instant\",\"input\":\"hi\",\"tool_choice\":{\"type\":\"function\",\"name\":"
                + "\"nope\"}," + TOOLS + "}"), 400, "tool_choice");
        RawHttpClient.Response minimum = post("{\"model\":\"instant\",\"input\":\"hi\",\"max_output_tokens\":0}");
        assertTrue(minimum.body().contains("Expected a value >= 16"), minimum.body());
        try (RawHttpClient c = new RawHttpClient(server.port())) {
            c.send("GET /v1/responses HTTP/1.1\r\nHost: x\r\n\r\n");
            RawHttpClient.Response r = c.read(0);
            assertError(r, 405, null);
            assertEquals("POST", r.headers().get("allow"));
        }
    }

    private static void assertError(RawHttpClient.Response r, int status, String param) throws Exception {
        assertEquals(status, r.status(), r.body());
        JsonNode error = JSON.readTree(r.body()).get("error");
        assertNotNull(error, r.body());
        assertTrue(error.get("message").isTextual() && !error.get("message").asText().isEmpty());
        assertTrue(error.get("type").isTextual());
        assertTrue(error.has("code"));
        if (param == null) {
            assertTrue(error.get("param").isNull(), r.body());
        } else {
            assertEquals(param, error.get("param").asText(), r.body());
        }
    }

    private static String withoutClock(JsonNode response) {
        return response.toString().replaceAll("\"completed_at\":\\d+", "\"completed_at\":0");
    }
}
