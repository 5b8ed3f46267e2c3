package io.streambench.mock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streambench.mock.testing.LeakTracking;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code /stats} and {@code /metrics} report the same truth. */
@ExtendWith(LeakTracking.class)
class StatsEndpointsTest {

    private static final String BODY = "{\"model\":\"instant\",\"stream\":true,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

    @Test
    void shouldServeCountersAndLatenessAsJsonAndPrometheusText() throws Exception {
        try (MockServer server = MockServer.start(MockServerConfig.defaults());
                RawHttpClient c = new RawHttpClient(server.port())) {
            c.postAndRead("/v1/chat/completions", BODY, "x-mock-output-tokens", "10", "x-mock-itl-ms", "1");
            c.postAndRead("/v1/chat/completions", BODY, "x-mock-fault", "http:status=503");
            c.send("GET /stats HTTP/1.1\r\nHost: x\r\n\r\n");
            JsonNode stats = new ObjectMapper().readTree(c.read(0).body());
            assertEquals(1, stats.get("streams_completed").asInt());
            assertEquals(13, stats.get("events_sent").asInt(), "role, 10 content, finish, [DONE]");
            assertEquals(1, stats.at("/faults/http").asInt());
            assertEquals(1, stats.at("/responses_by_status/503").asInt());
            long latenessCount = stats.at("/pace_lateness_us/count").asLong();
            // One sample per step: the role chunk rides with the first content event, finish and [DONE] with the last.
            assertEquals(10, latenessCount);

            c.send("GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n");
            RawHttpClient.Response metrics = c.read(0);
            assertEquals(200, metrics.status());
            assertTrue(metrics.headers().get("content-type").startsWith("text/plain; version=0.0.4"));
            String text = metrics.body();
            assertTrue(text.contains("streambench_mock_events_sent_total 13.0"), text);
            assertTrue(text.contains("streambench_mock_faults_total{kind=\"http\"} 1.0"), text);
            assertTrue(text.contains("streambench_mock_responses_total{status=\"503\"} 1.0"), text);
            assertEquals(latenessCount, value(text, "streambench_mock_pace_lateness_seconds_bucket\\{le=\"\\+Inf\"\\}"));
            assertEquals(latenessCount, value(text, "streambench_mock_pace_lateness_seconds_count"));

            c.send("GET /stats?reset=true HTTP/1.1\r\nHost: x\r\n\r\n");
            c.read(0);
            c.send("GET /stats HTTP/1.1\r\nHost: x\r\n\r\n");
            JsonNode after = new ObjectMapper().readTree(c.read(0).body());
            assertEquals(0, after.at("/pace_lateness_us/count").asLong(), "reset starts a new lateness window");
            assertEquals(13, after.get("events_sent").asInt(), "counters keep counting");
        }
    }

    private static long value(String text, String series) {
        Matcher m = Pattern.compile("(?m)^" + series + " (\\d+)").matcher(text);
        assertTrue(m.find(), series + " in\n" + text);
        return Long.parseLong(m.group(1));
    }
}
