package io.streambench.driver.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Names an event by what it is for, from its data alone, for the stream diff: the end marker, an error, the usage
 * chunk, a role, finish or content chunk (chat and legacy completions), a typed event by its {@code type} (the
 * Responses API, Anthropic), a Gemini response by whether it finishes. Also flattens an event's JSON into its
 * fields, so two versions of an event can be compared field by field.
 */
final class EventKinds {

    static final String END_MARKER = "end marker [DONE]";
    static final String USAGE = "usage chunk";
    private static final ObjectMapper JSON = new ObjectMapper();

    private EventKinds() {
    }

    /** The data as JSON, or null when it is not JSON. */
    static JsonNode parse(String data) {
        if (data == null || data.isEmpty() || (data.charAt(0) != '{' && data.charAt(0) != '[')) {
            return null;
        }
        try {
            return JSON.readTree(data);
        } catch (IOException e) {
            return null;
        }
    }

    static String kind(String data) {
        if (data == null) {
            return "none";
        }
        if (data.strip().equals("[DONE]")) {
            return END_MARKER;
        }
        JsonNode n = parse(data);
        if (n == null || !n.isObject()) {
            return "non-JSON event";
        }
        if (n.hasNonNull("error")) {
            return "error event";
        }
        if (n.path("type").isTextual()) {
            return "event " + n.get("type").asText();
        }
        JsonNode choices = n.get("choices");
        if (choices != null && choices.isArray()) {
            if (choices.isEmpty()) {
                return n.hasNonNull("usage") ? USAGE : "chunk without choices";
            }
            JsonNode first = choices.get(0);
            if (first.hasNonNull("finish_reason")) {
                return "finish chunk";
            }
            JsonNode delta = first.path("delta");
            if (delta.hasNonNull("role")) {
                return "role chunk";
            }
            if (delta.hasNonNull("tool_calls")) {
                return "tool-call chunk";
            }
            return "content chunk";
        }
        if (n.has("candidates")) {
            return n.path("candidates").path(0).hasNonNull("finishReason") ? "finishing response" : "response";
        }
        return "other event";
    }

    /** Every leaf of the JSON by its path ({@code choices[0].delta.content}), with its value as JSON text. */
    static Map<String, String> fields(JsonNode n) {
        Map<String, String> out = new LinkedHashMap<>();
        flatten(n, "", out);
        return out;
    }

    private static void flatten(JsonNode n, String path, Map<String, String> out) {
        if (n.isObject() && !n.isEmpty()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                flatten(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), out);
            }
        } else if (n.isArray() && !n.isEmpty()) {
            for (int i = 0; i < n.size(); i++) {
                flatten(n.get(i), path + "[" + i + "]", out);
            }
        } else {
            out.put(path, n.toString());
        }
    }

    /** A field's path with array indexes folded: {@code choices[].delta.content}. */
    static String general(String path) {
        return path.replaceAll("\\[\\d+]", "[]");
    }

    /** What a changed field is, by its last key: an id, the model, the creation time, or another value. */
    static String changeOf(String path) {
        String key = path.substring(path.lastIndexOf('.') + 1).replaceAll("\\[\\d+]", "");
        if (key.equals("id") || key.endsWith("_id") || key.endsWith("Id")) {
            return "id rewritten";
        }
        if (key.equals("model") || key.equals("modelVersion")) {
            return "model name rewritten";
        }
        if (key.equals("created") || key.equals("created_at") || key.equals("createTime")) {
            return "time rewritten";
        }
        return "value changed";
    }
}
