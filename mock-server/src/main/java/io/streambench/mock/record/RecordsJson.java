package io.streambench.mock.record;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON of the mock's {@code /records} and {@code /clock} routes, written by the mock and read back by the
 * driver, in one place so that the two agree:
 *
 * <pre>
 * {"next": 42, "dropped_records": 0, "dropped_events": 0, "records": [
 *   {"seq": 41, "tag": "4f2a9c.g.17.1", "attempt": 1, "arrival_ns": 1234, "fault": null, "status": 200,
 *    "end": "complete", "end_ns": 5678, "dropped_events": 0,
 *    "times_ns": [...], "sizes": [...], "hashes": [...], "data": [...]}]}
 * </pre>
 *
 * {@code next} is the {@code since} to ask for the records after these.
 */
public final class RecordsJson {

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final ObjectMapper JSON = new ObjectMapper();

    private RecordsJson() {
    }

    /** One page of records: those after {@code since} (at most {@code limit}) and the recorder's drop counts. */
    public static byte[] page(Recorder recorder, long since, int limit) {
        List<RecordView> records = recorder.since(since, limit);
        long next = records.isEmpty() ? since : records.get(records.size() - 1).seq();
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField("next", next);
            g.writeNumberField("dropped_records", recorder.droppedRecords());
            g.writeNumberField("dropped_events", recorder.droppedEvents());
            g.writeArrayFieldStart("records");
            for (RecordView r : records) {
                write(g, r);
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void write(JsonGenerator g, RecordView r) throws IOException {
        g.writeStartObject();
        g.writeNumberField("seq", r.seq());
        g.writeStringField("tag", r.tag());
        g.writeNumberField("attempt", r.attempt());
        g.writeNumberField("arrival_ns", r.arrivalNanos());
        g.writeStringField("fault", r.fault());
        g.writeNumberField("status", r.status());
        g.writeStringField("end", r.end());
        g.writeNumberField("end_ns", r.endNanos());
        g.writeNumberField("dropped_events", r.droppedEvents());
        g.writeFieldName("times_ns");
        g.writeArray(r.times(), 0, r.times().length);
        g.writeFieldName("sizes");
        g.writeArray(r.sizes(), 0, r.sizes().length);
        g.writeFieldName("hashes");
        g.writeArray(r.hashes(), 0, r.hashes().length);
        g.writeArrayFieldStart("data");
        for (String d : r.data()) {
            g.writeString(d);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** A page read back: its records, the {@code since} for the next page, and the drop counts. */
    public record Page(List<RecordView> records, long next, long droppedRecords, long droppedEvents) {
    }

    /** Reads a page written by {@link #page}. */
    public static Page read(byte[] json) {
        try {
            JsonNode root = JSON.readTree(json);
            List<RecordView> records = new ArrayList<>();
            for (JsonNode r : root.path("records")) {
                List<String> data = new ArrayList<>();
                for (JsonNode d : r.path("data")) {
                    data.add(d.isNull() ? null : d.asText());
                }
                records.add(new RecordView(r.path("seq").asLong(), r.path("tag").asText(), r.path("attempt").asInt(),
                        r.path("arrival_ns").asLong(), text(r.get("fault")), r.path("status").asInt(),
                        text(r.get("end")), r.path("end_ns").asLong(-1), longs(r.path("times_ns")),
                        ints(r.path("sizes")), longs(r.path("hashes")), data, r.path("dropped_events").asInt()));
            }
            return new Page(records, root.path("next").asLong(), root.path("dropped_records").asLong(),
                    root.path("dropped_events").asLong());
        } catch (IOException e) {
            throw new IllegalArgumentException("not a /records page: " + e.getMessage(), e);
        }
    }

    /** The JSON of {@code reading}, as {@code /clock} serves it. */
    public static byte[] clock(ClockReading reading) {
        try {
            return JSON.writeValueAsBytes(JSON.createObjectNode()
                    .put("nano_time", reading.nanoTime())
                    .put("epoch_micros", reading.epochMicros())
                    .put("boot_id", reading.bootId())
                    .put("host", reading.host())
                    .put("os", reading.os())
                    .put("vm", reading.vm()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A {@code /clock} answer read back. */
    public static ClockReading readClock(byte[] json) {
        try {
            JsonNode n = JSON.readTree(json);
            if (!n.path("nano_time").isIntegralNumber() || !n.path("epoch_micros").isIntegralNumber()) {
                throw new IllegalArgumentException("not a /clock answer: " + new String(json, 0,
                        Math.min(json.length, 80), java.nio.charset.StandardCharsets.UTF_8));
            }
            return new ClockReading(n.get("nano_time").asLong(), n.get("epoch_micros").asLong(), text(n.get("boot_id")),
                    n.path("host").asText(""), n.path("os").asText(""), n.path("vm").asText(""));
        } catch (IOException e) {
            throw new IllegalArgumentException("not a /clock answer: " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }

    private static long[] longs(JsonNode array) {
        long[] out = new long[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asLong();
        }
        return out;
    }

    private static int[] ints(JsonNode array) {
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asInt();
        }
        return out;
    }
}
