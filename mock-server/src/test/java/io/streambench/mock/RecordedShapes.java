package io.streambench.mock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The recorded example streams of docs/wire-formats.md ({@code bench/src/test/resources/streams/}, byte for
 * byte as each API sends them) reduced to their shapes: per event type, the field names in order, nested
 * objects and the first element of arrays included, values left out. A stream the mock sends has the API's
 * shape when it sends every event type of the recording, each with the recorded shape.
 */
final class RecordedShapes {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Fields whose content is the caller's (a tool's JSON Schema), not the API's. */
    private static final List<String> OPAQUE = List.of("parameters");

    private RecordedShapes() {
    }

    /** The recorded file {@code dialect/name}, read from the bench module's test resources. */
    static String recording(String dialect, String name) throws IOException {
        Path file = Path.of("..", "bench", "src", "test", "resources", "streams", dialect, name);
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    /** Shapes by event type (the {@code event:} line, else the JSON {@code object}) of a recorded SSE body. */
    static Map<String, String> ofBody(String body) throws IOException {
        Map<String, String> shapes = new LinkedHashMap<>();
        for (String event : body.split("\n\n")) {
            String type = null;
            String data = null;
            for (String line : event.split("\n")) {
                if (line.startsWith("event: ")) {
                    type = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    data = line.substring(6);
                }
            }
            if (data == null || data.equals("[DONE]")) {
                continue;
            }
            JsonNode json = JSON.readTree(data);
            shapes.putIfAbsent(type != null ? type : key(json), shape(json));
        }
        return shapes;
    }

    /** The kind of a data-only chunk: its {@code object}, with {@code choices:[]} (usage) and errors apart. */
    static String key(JsonNode json) {
        if (json.has("error")) {
            return "error";
        }
        return json.path("object").asText() + (json.path("choices").isEmpty() ? " (usage)" : "");
    }

    /** Field names in order, recursively; values left out; arrays by their first element. */
    static String shape(JsonNode node) {
        if (node.isObject()) {
            StringBuilder sb = new StringBuilder("{");
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                sb.append(e.getKey());
                if (!OPAQUE.contains(e.getKey())) {
                    sb.append(shape(e.getValue()));
                }
                sb.append(it.hasNext() ? "," : "");
            }
            return sb.append('}').toString();
        }
        if (node.isArray()) {
            return node.isEmpty() ? "[]" : "[" + shape(node.get(0)) + "]";
        }
        return "";
    }

    /** Each recorded event type that was not sent, or sent with another shape: "type: recorded / sent". */
    static List<String> differences(Map<String, String> recorded, Map<String, String> sent) {
        List<String> out = new ArrayList<>();
        recorded.forEach((type, shape) -> {
            String got = sent.get(type);
            if (!shape.equals(got)) {
                out.add(type + ":\n  recorded " + shape + "\n  sent     " + got);
            }
        });
        return out;
    }
}
