package io.streambench.mock;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streambench.mock.internal.record.RecorderAccess;
import io.streambench.mock.record.ClockReading;
import io.streambench.mock.record.RecordView;
import io.streambench.mock.record.Recorder;
import io.streambench.mock.record.RecordsJson;
import io.streambench.mock.record.SseEventScanner;
import io.streambench.mock.record.Tag;
import io.streambench.mock.testing.LeakTracking;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** A recording mock keeps, per tagged request, its arrival, status, end and each event's write time and size. */
@ExtendWith(LeakTracking.class)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RecordingTest {

    private static String chat(String prompt) {
        return "{\"model\":\"paced\",\"stream\":true,\"stream_options\":{\"include_usage\":true},"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"" + prompt + "\"}]}";
    }

    private static MockServer recording(int records) {
        return MockServer.start(MockServerConfig.defaults().withRecordLimit(records));
    }

    /** The client's events with data, as the mock should have recorded them. */
    private static List<String> data(RawHttpClient.Response response) {
        return response.events().stream().map(RawHttpClient.Event::data).filter(d -> d != null).toList();
    }

    private static RecordView only(MockServer server, String tag) {
        List<RecordView> records = server.recorder().since(0, 100).stream().filter(r -> r.tag().equals(tag)).toList();
        assertEquals(1, records.size(), "records of " + tag);
        return records.get(0);
    }

    @Test
    void shouldRecordEachEventOfATaggedStreamWithItsSizeHashAndWriteTime() throws Exception {
        try (MockServer server = recording(100); RawHttpClient c = new RawHttpClient(server.port())) {
            RawHttpClient.Response untagged = c.postAndRead("/v1/chat/completions", chat("hi"),
                    "x-mock-output-tokens", "3", "x-mock-itl-ms", "1", "x-mock-ttft-ms", "1");
            assertEquals(200, untagged.status());
            long before = System.nanoTime();
            RawHttpClient.Response r = c.postAndRead("/v1/chat/completions",
                    chat(new Tag("t.1", true, Map.of()).text() + " hi"), "x-mock-output-tokens", "5",
                    "x-mock-itl-ms", "5", "x-mock-ttft-ms", "20", "x-mock-timestamps", "true");
            long after = System.nanoTime();

            List<RecordView> all = server.recorder().since(0, 100);
            assertEquals(1, all.size(), "only the tagged request is recorded");
            RecordView rec = only(server, "t.1");
            List<String> seen = data(r);
            assertEquals(seen.size(), rec.events(), "role+content, 4 more content, finish, usage, [DONE]: " + seen);
            assertEquals(seen, rec.data(), "the data of each event, kept as the tag asked");
            for (int i = 0; i < seen.size(); i++) {
                byte[] bytes = seen.get(i).getBytes(StandardCharsets.UTF_8);
                assertEquals(bytes.length, rec.sizes()[i]);
                assertEquals(SseEventScanner.hash(bytes), rec.hashes()[i]);
            }
            assertTrue(before <= rec.arrivalNanos() && rec.arrivalNanos() <= rec.times()[0], "arrival, then writes");
            for (int i = 1; i < rec.events(); i++) {
                assertTrue(rec.times()[i] >= rec.times()[i - 1], "write times in order");
            }
            assertTrue(rec.times()[0] - rec.arrivalNanos() >= TimeUnit.MILLISECONDS.toNanos(20), "paced: ttft 20 ms");
            assertTrue(rec.times()[rec.events() - 1] <= after);
            assertEquals(200, rec.status());
            assertEquals("complete", rec.end());
            assertEquals(1, rec.attempt());
            assertNull(rec.fault());
        }
    }

    @Test
    void shouldApplyTheTagsFaultToTheFirstAttemptOfTheTagOnly() throws Exception {
        try (MockServer server = recording(100); RawHttpClient c = new RawHttpClient(server.port())) {
            String tagged = chat(new Tag("f.1", false, Map.of("fault", "http:status=429,retry_after=1",
                    "output-tokens", "2", "ttft-ms", "0", "itl-ms", "0")).text() + " hi");
            assertEquals(429, c.postAndRead("/v1/chat/completions", tagged).status());
            RawHttpClient.Response retry = c.postAndRead("/v1/chat/completions", tagged);
            assertEquals(200, retry.status(), "a gateway's retry meets a healthy upstream");

            List<RecordView> records = server.recorder().since(0, 100);
            assertEquals(List.of(1, 2), records.stream().map(RecordView::attempt).toList());
            assertEquals("http:status=429,retry_after=1", records.get(0).fault());
            assertEquals(429, records.get(0).status());
            assertEquals(0, records.get(0).events());
            assertNull(records.get(1).fault());
            assertEquals(200, records.get(1).status());
            assertEquals(data(retry).size(), records.get(1).events(), "the tag's output-tokens=2 applied: " + data(retry));
            assertEquals(6, records.get(1).events(), "role+content, content, finish, usage, [DONE]: " + data(retry));
        }
    }

    @Test
    void shouldServeTheRecordsAndItsClockOverHttp() throws Exception {
        try (MockServer server = recording(100); RawHttpClient c = new RawHttpClient(server.port())) {
            c.postAndRead("/v1/chat/completions", chat("[sbtag h.1] hi"), "x-mock-output-tokens", "2",
                    "x-mock-ttft-ms", "0", "x-mock-itl-ms", "0");
            c.send("GET /records?since=0 HTTP/1.1\r\nHost: x\r\n\r\n");
            RecordsJson.Page page = RecordsJson.read(c.read(0).body().getBytes(StandardCharsets.UTF_8));
            RecordView direct = only(server, "h.1");
            assertEquals(1, page.records().size());
            RecordView served = page.records().get(0);
            assertEquals(direct.seq(), page.next());
            assertArrayEquals(direct.times(), served.times());
            assertArrayEquals(direct.hashes(), served.hashes());
            assertArrayEquals(direct.sizes(), served.sizes());
            assertEquals(direct.arrivalNanos(), served.arrivalNanos());
            assertEquals("complete", served.end());

            c.send("GET /records?since=" + page.next() + " HTTP/1.1\r\nHost: x\r\n\r\n");
            assertEquals(0, RecordsJson.read(c.read(0).body().getBytes(StandardCharsets.UTF_8)).records().size());

            long before = System.nanoTime();
            c.send("GET /clock HTTP/1.1\r\nHost: x\r\n\r\n");
            ClockReading clock = RecordsJson.readClock(c.read(0).body().getBytes(StandardCharsets.UTF_8));
            long after = System.nanoTime();
            assertTrue(before <= clock.nanoTime() && clock.nanoTime() <= after, "one process, one clock");
            assertEquals(ClockReading.now().bootId(), clock.bootId());
        }
        try (MockServer server = MockServer.start(MockServerConfig.defaults());
                RawHttpClient c = new RawHttpClient(server.port())) {
            c.send("GET /records HTTP/1.1\r\nHost: x\r\n\r\n");
            RawHttpClient.Response none = c.read(0);
            assertEquals(404, none.status());
            assertTrue(none.body().contains("--record"), none.body());
        }
    }

    @Test
    void shouldCountTheEventsOfEveryApiTheSameWay() throws Exception {
        try (MockServer server = recording(100); RawHttpClient c = new RawHttpClient(server.port())) {
            RawHttpClient.Response r = c.postAndRead("/v1/messages", "{\"model\":\"paced\",\"max_tokens\":100,"
                    + "\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"[sbtag m.1 output-tokens=3 "
                    + "ttft-ms=0 itl-ms=0] hi\"}]}", "anthropic-version", "2023-06-01");
            assertEquals(200, r.status());
            RecordView rec = only(server, "m.1");
            assertEquals(data(r).size(), rec.events(), "message_start ... message_stop, ping included");
            assertTrue(rec.events() >= 8);
        }
    }

    @Test
    void shouldRecordAStreamTheClientLeftAsCancelled() throws Exception {
        try (MockServer server = recording(100)) {
            try (RawHttpClient c = new RawHttpClient(server.port())) {
                c.send(RawHttpClient.post("/v1/chat/completions", chat("[sbtag c.1] hi"), "x-mock-ttft-ms", "0",
                        "x-mock-itl-ms", "50", "x-mock-output-tokens", "100"));
                c.readSome(200);
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (only(server, "c.1").open() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            RecordView rec = only(server, "c.1");
            assertEquals("cancelled", rec.end());
            assertTrue(rec.events() > 0 && rec.events() < 100);
        }
    }

    @Test
    void shouldKeepTheLatestRecordsAndCountWhatItDropped() {
        Recorder recorder = new Recorder(2, 1000);
        for (int i = 0; i < 3; i++) {
            RecorderAccess.recording(recorder).begin(new Tag("r." + i, false, Map.of()), i);
        }
        assertEquals(List.of("r.1", "r.2"), recorder.since(0, 10).stream().map(RecordView::tag).toList());
        assertEquals(1, recorder.droppedRecords());
    }
}
