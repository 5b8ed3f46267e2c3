package io.streambench.driver.gateway;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streambench.driver.AttemptRow;
import io.streambench.driver.ErrorClass;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreamDiffTest {

    private static JoinedRequest request(String tag, JoinedRequest.ContentPair... pairs) {
        AttemptRow row = Rows.row(200, ErrorClass.NONE, 0, 0);
        return new JoinedRequest(Route.GATEWAY, row, tag, null, "joined", 1, "200", "complete", 0, 0, 0, null, -1,
                new long[0], new long[0], 0, 0, 0, 0, 0, 0, List.of(pairs));
    }

    private static JoinedRequest.ContentPair pair(String mock, String client) {
        return new JoinedRequest.ContentPair(mock, client);
    }

    @Test
    void shouldNameEachKindOfChangeWithItsCounts() {
        String role = "{\"id\":\"chatcmpl-1\",\"model\":\"paced\",\"obfuscation\":\"xx\",\"choices\":[{\"delta\":{\"role\":\"assistant\"}}]}";
        String roleOut = "{\"id\":\"gw-9\",\"model\":\"openai/paced\",\"choices\":[{\"delta\":{\"role\":\"assistant\"},\"extra\":1}]}";
        String usage = "{\"choices\":[],\"usage\":{\"completion_tokens\":2}}";
        StreamDiff diff = new StreamDiff();
        diff.add(request("t1", pair(role, roleOut), pair(usage, null), pair("[DONE]", "[DONE]")));
        diff.add(request("t2", pair(role, roleOut), pair("[DONE]", "[DONE]")));

        assertEquals(2, diff.compared());
        assertArrayEquals(new int[] {1, 0}, diff.usage(), "the usage chunk sent once, never received");
        assertArrayEquals(new int[] {2, 2}, diff.endMarker());
        List<String> lines = diff.changes().stream()
                .map(c -> c.change() + ": " + c.what() + " " + c.events() + "/" + c.streams()).toList();
        assertEquals("event dropped: usage chunk 1/1", lines.get(0));
        assertTrue(lines.contains("id rewritten: id 2/2"), lines.toString());
        assertTrue(lines.contains("model name rewritten: model 2/2"), lines.toString());
        assertTrue(lines.contains("field dropped: obfuscation 2/2"), lines.toString());
        assertTrue(lines.contains("field added: choices[].extra 2/2"), lines.toString());
        assertTrue(diff.changes().stream().anyMatch(c -> c.example().equals("\"paced\" -> \"openai/paced\"")));
    }

    @Test
    void shouldFindNothingInStreamsThatArrivedByteForByte() {
        StreamDiff diff = new StreamDiff();
        diff.add(request("t", pair("{\"a\":1}", "{\"a\":1}"), pair("[DONE]", "[DONE]")));
        assertEquals(List.of(), diff.changes());
        assertEquals(1, diff.compared());
    }
}
