package io.streambench.mock.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TagTest {

    private static ByteBuf body(String json) {
        return Unpooled.wrappedBuffer(json.getBytes(StandardCharsets.UTF_8)); // not pooled: nothing to release
    }

    @Test
    void shouldBeFoundInAJsonBodyAsAnyJsonWriterLeavesIt() throws Exception {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("fault", "http:status=429,retry_after=1@every=1;no_done");
        settings.put("ttft-ms", "lognormal:300:0.4");
        Tag tag = new Tag("4f2a9c.g.17.1", true, settings);
        String json = new ObjectMapper().writeValueAsString(Map.of("messages",
                new Object[] {Map.of("role", "user", "content", tag.text() + " Hello")}));
        assertTrue(json.contains(tag.text()), "Jackson writes it unchanged: " + json);
        assertEquals(tag, Tag.find(body(json)));
    }

    @Test
    void shouldGiveTheTagsSettingsAsHeadersAndTheFaultOnTheFirstAttemptOnly() {
        Tag tag = new Tag("a", false, Map.of("fault", "http:status=500", "seed", "7"));
        Map<String, String> request = Map.of("x-mock-fault", "reset", "x-mock-seed", "1", "authorization", "Bearer k");
        assertEquals("http:status=500", tag.headers(request::get, 1).apply("X-Mock-Fault"));
        assertNull(tag.headers(request::get, 2).apply("x-mock-fault"), "a gateway's retry meets a healthy upstream");
        assertEquals("7", tag.headers(request::get, 2).apply("x-mock-seed"));
        assertEquals("Bearer k", tag.headers(request::get, 1).apply("authorization"));
    }

    @Test
    void shouldIgnoreTextThatIsNotATag() {
        assertNull(Tag.find(body("{\"content\":\"[sbtag has spaces and no close")));
        assertNull(Tag.find(body("{\"content\":\"[sbtag bad/id]\"}")));
        assertEquals("ok", Tag.find(body("{\"content\":\"[sbtag no\\\"pe] then [sbtag ok] hi\"}")).id());
    }

    @Test
    void shouldRefuseSettingsThatAJsonWriterWouldChange() {
        assertThrows(IllegalArgumentException.class, () -> new Tag("a", false, Map.of("fault", "a<b")));
        assertThrows(IllegalArgumentException.class, () -> new Tag("a", false, Map.of("fault", "a b")));
        assertThrows(IllegalArgumentException.class, () -> new Tag("a", false, Map.of("Fault", "x")));
        assertThrows(IllegalArgumentException.class, () -> new Tag("a b", false, Map.of()));
    }
}
