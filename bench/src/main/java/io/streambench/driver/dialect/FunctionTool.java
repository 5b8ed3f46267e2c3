package io.streambench.driver.dialect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One function a request offers the model, in no API's shape yet: what an OpenAI-style function definition says.
 * Each API wraps it its own way ({@link #json}).
 *
 * @param name        the function's name
 * @param description what it does, or null
 * @param parameters  its arguments' JSON Schema, or null for a function without arguments
 * @param strict      OpenAI's {@code strict}, or null when the definition does not say
 */
public record FunctionTool(String name, String description, JsonNode parameters, Boolean strict) {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    public FunctionTool {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a function needs a name");
        }
        if (parameters != null && !parameters.isObject()) {
            throw new IllegalArgumentException("function " + name + ": parameters must be a JSON Schema object, got "
                    + parameters.getNodeType());
        }
    }

    /** This function as {@code shape} lists a tool. */
    ObjectNode json(ToolShape shape) {
        ObjectNode tool = JSON.objectNode();
        switch (shape) {
            case CHAT -> {
                tool.put("type", "function");
                ObjectNode function = tool.putObject("function");
                common(function, "parameters");
                if (strict != null) {
                    function.put("strict", strict);
                }
            }
            case RESPONSES -> {
                tool.put("type", "function");
                common(tool, "parameters");
                // The Responses API takes a function without "strict" as strict, which refuses most schemas
                // written for chat completions (where it defaults to false): say what the definition meant.
                tool.put("strict", strict != null && strict);
            }
            // Anthropic requires an input_schema, even for a function without arguments.
            case MESSAGES -> {
                common(tool, null);
                tool.set("input_schema", parameters != null ? parameters
                        : JSON.objectNode().put("type", "object").set("properties", JSON.objectNode()));
            }
            // parametersJsonSchema takes JSON Schema as it is; "parameters" would take Gemini's OpenAPI subset only.
            case GEMINI -> common(tool, "parametersJsonSchema");
        }
        return tool;
    }

    private void common(ObjectNode into, String parametersField) {
        into.put("name", name);
        if (description != null) {
            into.put("description", description);
        }
        if (parametersField != null && parameters != null) {
            into.set(parametersField, parameters);
        }
    }

    /** The tool list shapes of the APIs that have tools. */
    enum ToolShape {
        /** {@code [{"type": "function", "function": {"name", "description", "parameters"}}]} */
        CHAT,
        /** {@code [{"type": "function", "name", "description", "parameters", "strict"}]} */
        RESPONSES,
        /** {@code [{"name", "description", "input_schema"}]} */
        MESSAGES,
        /** {@code [{"functionDeclarations": [{"name", "description", "parametersJsonSchema"}]}]} */
        GEMINI
    }
}
