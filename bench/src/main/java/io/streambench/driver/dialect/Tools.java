package io.streambench.driver.dialect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.streambench.driver.dialect.FunctionTool.ToolShape;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Function definitions written once, OpenAI style, and sent in each API's own shape: a {@code --tools} file, and
 * the chat-shaped {@code tools} of a dataset line sent to another API.
 *
 * <pre>{@code
 * List<FunctionTool> tools = Tools.read(Path.of("tools.json"));     // [{"type": "function", "function": {...}}, ...]
 * JsonNode anthropic = Tools.json(tools, ToolShape.MESSAGES);      // [{"name", "description", "input_schema"}, ...]
 * }</pre>
 */
public final class Tools {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Tools() {
    }

    /**
     * The functions of a JSON file holding a list of OpenAI-style definitions: chat completions'
     * {@code {"type": "function", "function": {"name", "description", "parameters", "strict"}}}, or the flat
     * {@code {"name", "description", "parameters"}} of the Responses API (with or without {@code "type":
     * "function"}). IllegalArgumentException names the file and what is wrong; UncheckedIOException when it
     * cannot be read.
     */
    public static List<FunctionTool> read(Path file) {
        JsonNode list;
        try {
            list = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + ": not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return parse(list, file.toString());
    }

    /** The functions of a list as {@link #read} takes it; {@code origin} names it in errors. */
    public static List<FunctionTool> parse(JsonNode list, String origin) {
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw new IllegalArgumentException(origin + ": expected a non-empty JSON list of function definitions");
        }
        List<FunctionTool> tools = new ArrayList<>(list.size());
        Set<String> names = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String where = origin + ": [" + i + "]";
            JsonNode entry = list.get(i);
            if (!entry.isObject()) {
                throw new IllegalArgumentException(where + ": expected an object, got " + entry.getNodeType());
            }
            JsonNode type = entry.get("type");
            if (type != null && !"function".equals(type.asText())) {
                throw new IllegalArgumentException(where + ": type " + type + " is not a function; only function "
                        + "tools can be sent to every API");
            }
            JsonNode function = entry.has("function") ? entry.get("function") : entry;
            if (!function.isObject()) {
                throw new IllegalArgumentException(where + ".function: expected an object");
            }
            FunctionTool tool;
            try {
                tool = new FunctionTool(text(function, "name", where), text(function, "description", where),
                        function.get("parameters") == null || function.get("parameters").isNull() ? null
                                : function.get("parameters"),
                        function.path("strict").isBoolean() ? function.get("strict").asBoolean() : null);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage());
            }
            if (!names.add(tool.name())) {
                throw new IllegalArgumentException(where + ": function " + tool.name() + " is defined twice");
            }
            tools.add(tool);
        }
        return List.copyOf(tools);
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new IllegalArgumentException(where + "." + field + " must be a string, got " + v.getNodeType());
        }
        return v.asText();
    }

    /** {@code tools} as {@code shape}'s {@code tools} list. */
    static ArrayNode json(List<FunctionTool> tools, ToolShape shape) {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        if (shape == ToolShape.GEMINI) {
            ArrayNode declarations = list.addObject().putArray("functionDeclarations");
            tools.forEach(t -> declarations.add(t.json(shape)));
        } else {
            tools.forEach(t -> list.add(t.json(shape)));
        }
        return list;
    }

    /**
     * True when every entry of {@code tools} is a chat completions function tool ({@code "type": "function"} with
     * a {@code function} object): a dataset line written for chat, which another API gets converted.
     */
    static boolean chatShaped(JsonNode tools) {
        if (tools == null || !tools.isArray() || tools.isEmpty()) {
            return false;
        }
        for (JsonNode t : tools) {
            if (!"function".equals(t.path("type").asText()) || !t.path("function").isObject()) {
                return false;
            }
        }
        return true;
    }
}
