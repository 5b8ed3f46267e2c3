package io.streambench.mock.internal.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.SplittableRandom;

/**
 * Makes tool-call arguments that are valid for the tool's JSON Schema: every required property, the
 * optional ones half of the time, values of the declared type, enums respected, numeric bounds respected.
 * Covers the subset of JSON Schema that function definitions use in practice.
 */
final class ToolArguments {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String[] WORDS = {"Paris", "Tokyo", "latency", "celsius", "streaming", "report",
        "Zürich", "naïve café", "東京", "quote \" and \\ backslash", "line\nbreak", "🚀 launch"};
    private static final int MAX_DEPTH = 6;
    /** Schemas may ask for huge arrays or numbers; arguments stay small and numbers stay exact. */
    private static final int MAX_ITEMS = 16;
    private static final long MAX_MAGNITUDE = 1L << 50;

    private ToolArguments() {
    }

    /** Compact JSON arguments for {@code schema} (a JSON Schema object, possibly empty or null). */
    static String generate(JsonNode schema, SplittableRandom random) {
        JsonNode value = value(schema == null || schema.isNull() ? NODES.objectNode() : schema, random, 0);
        if (!value.isObject()) {
            // Function arguments are always a JSON object.
            ObjectNode wrap = NODES.objectNode();
            wrap.set("value", value);
            value = wrap;
        }
        try {
            return JSON.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode value(JsonNode schema, SplittableRandom random, int depth) {
        if (schema.has("const")) {
            return schema.get("const");
        }
        JsonNode en = schema.get("enum");
        if (en != null && en.isArray() && en.size() > 0) {
            return en.get(random.nextInt(en.size()));
        }
        for (String union : new String[] {"anyOf", "oneOf"}) {
            JsonNode alts = schema.get(union);
            if (alts != null && alts.isArray() && alts.size() > 0) {
                return value(alts.get(random.nextInt(alts.size())), random, depth + 1);
            }
        }
        String type = type(schema, random);
        return switch (type) {
            case "object" -> object(schema, random, depth);
            case "array" -> array(schema, random, depth);
            case "integer" -> NODES.numberNode(integer(schema, random));
            case "number" -> NODES.numberNode(number(schema, random));
            case "boolean" -> NODES.booleanNode(random.nextBoolean());
            case "null" -> NODES.nullNode();
            default -> NODES.textNode(string(schema, random));
        };
    }

    private static String type(JsonNode schema, SplittableRandom random) {
        JsonNode t = schema.get("type");
        if (t != null && t.isTextual()) {
            return t.asText();
        }
        if (t != null && t.isArray() && t.size() > 0) {
            return t.get(random.nextInt(t.size())).asText();
        }
        return schema.has("properties") ? "object" : schema.has("items") ? "array" : "string";
    }

    private static ObjectNode object(JsonNode schema, SplittableRandom random, int depth) {
        ObjectNode out = NODES.objectNode();
        JsonNode props = schema.path("properties");
        if (depth >= MAX_DEPTH || !props.isObject()) {
            return out;
        }
        JsonNode required = schema.path("required");
        props.fields().forEachRemaining(e -> {
            boolean isRequired = false;
            for (JsonNode r : required) {
                isRequired |= r.asText().equals(e.getKey());
            }
            if (isRequired || random.nextBoolean()) {
                out.set(e.getKey(), value(e.getValue(), random, depth + 1));
            }
        });
        return out;
    }

    private static ArrayNode array(JsonNode schema, SplittableRandom random, int depth) {
        ArrayNode out = NODES.arrayNode();
        int min = (int) Math.max(0, Math.min(MAX_ITEMS, schema.path("minItems").asLong(1)));
        int max = (int) Math.max(min, Math.min(schema.path("maxItems").asLong(min + 2), Math.min(MAX_ITEMS, min + 4)));
        int count = min + random.nextInt(max - min + 1);
        JsonNode items = schema.path("items");
        for (int i = 0; i < count && depth < MAX_DEPTH; i++) {
            out.add(value(items.isObject() ? items : NODES.objectNode().put("type", "string"), random, depth + 1));
        }
        return out;
    }

    private static long integer(JsonNode schema, SplittableRandom random) {
        long min = clamp(schema.has("minimum") ? Math.ceil(schema.get("minimum").asDouble()) : 0);
        long max = clamp(schema.has("maximum") ? Math.floor(schema.get("maximum").asDouble()) : min + 100);
        return max <= min ? min : min + random.nextLong(max - min + 1);
    }

    private static double number(JsonNode schema, SplittableRandom random) {
        double min = clamp(schema.path("minimum").asDouble(0));
        double max = schema.has("maximum") ? clamp(schema.get("maximum").asDouble()) : min + 100;
        if (max <= min) {
            return min;
        }
        // Two decimals, as a model writes them, but never outside [min, max].
        double v = Math.round((min + random.nextDouble() * (max - min)) * 100) / 100.0;
        return Math.max(min, Math.min(max, v));
    }

    private static long clamp(double v) {
        return (long) Math.max(-MAX_MAGNITUDE, Math.min(MAX_MAGNITUDE, v));
    }

    private static String string(JsonNode schema, SplittableRandom random) {
        String format = schema.path("format").asText("");
        return switch (format) {
            case "date" -> String.format("2026-%02d-%02d", 1 + random.nextInt(12), 1 + random.nextInt(28));
            case "date-time" -> String.format("2026-%02d-%02dT%02d:%02d:00Z", 1 + random.nextInt(12),
                    1 + random.nextInt(28), random.nextInt(24), random.nextInt(60));
            case "email" -> "user" + random.nextInt(1000) + "@example.com";
            case "uri" -> "https://example.com/item/" + random.nextInt(1000);
            default -> WORDS[random.nextInt(WORDS.length)];
        };
    }
}
