package io.streambench.mock.internal.http;

import static io.streambench.mock.internal.http.BodyFields.bool;
import static io.streambench.mock.internal.http.BodyFields.intAtLeast;
import static io.streambench.mock.internal.http.BodyFields.optionalEnum;
import static io.streambench.mock.internal.http.BodyFields.optionalObject;
import static io.streambench.mock.internal.http.BodyFields.optionalString;
import static io.streambench.mock.internal.http.BodyFields.refuse;
import static io.streambench.mock.internal.http.BodyFields.requiredString;
import static io.streambench.mock.internal.http.BodyFields.typeError;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streambench.mock.internal.model.Prompt;
import io.streambench.mock.internal.profile.Tokenizer;
import io.streambench.mock.internal.wire.ChatRequest.ToolChoice;
import io.streambench.mock.internal.wire.ChatRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * Validates a Responses API body ({@code POST /v1/responses}) as the API does, closely enough that a client's
 * error handling sees the same shapes: {@code input} (a string or a list of items), {@code instructions},
 * {@code max_output_tokens} (at least 16), {@code tools} (the flat function shape), {@code tool_choice},
 * {@code parallel_tool_calls}, {@code reasoning} and {@code stream_options}. The fields the answer repeats
 * ({@code instructions}, {@code tools}, ...) go into the request's echo as the API normalises them. Other
 * fields are accepted and ignored.
 */
final class ResponsesRequestDecoder {

    /** The API refuses a smaller {@code max_output_tokens}. */
    static final int MIN_OUTPUT_TOKENS = 16;
    private static final List<String> ROLES = List.of("user", "assistant", "system", "developer");
    private static final List<String> TOOL_CHOICES = List.of("none", "auto", "required");
    private static final List<String> TOOL_TYPES = List.of("function");
    private static final List<String> SUMMARIES = List.of("auto", "concise", "detailed");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ResponsesRequestDecoder() {
    }

    static ChatRequest decode(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw refuse(ErrorCatalogue.notAnObject());
        }
        String model = requiredString(body, "model", "model");
        Input prompt = new Input();
        String instructions = optionalString(body, "instructions", "instructions");
        if (instructions != null) {
            prompt.add("system", instructions);
        }
        input(body.get("input"), prompt);
        boolean stream = bool(body, "stream", false, "stream");
        JsonNode options = optionalObject(body, "stream_options", "stream_options");
        boolean obfuscation = options == null
                || bool(options, "include_obfuscation", true, "stream_options.include_obfuscation");
        int maxOutputTokens = intAtLeast(body, "max_output_tokens", MIN_OUTPUT_TOKENS, 0);
        List<ChatRequest.Tool> tools = new ArrayList<>();
        ObjectNode echo = NODES.objectNode();
        echo.put("instructions", instructions);
        echo.set("max_output_tokens", maxOutputTokens > 0 ? NODES.numberNode(maxOutputTokens) : NODES.nullNode());
        boolean parallel = bool(body, "parallel_tool_calls", true, "parallel_tool_calls");
        echo.put("parallel_tool_calls", parallel);
        ChatRequest.Reasoning reasoning = reasoning(optionalObject(body, "reasoning", "reasoning"), echo);
        echo.set("temperature", number(body, "temperature"));
        ToolChoice toolChoice = toolChoice(body.get("tool_choice"), echo);
        echo.set("tools", tools(body.get("tools"), tools));
        echo.set("top_p", number(body, "top_p"));
        // The Responses API has no ignore_eos or min_tokens; vLLM's Responses route takes neither.
        return new ChatRequest(model, stream, true, maxOutputTokens, 1, tools, toolChoice, parallel, null,
                prompt.lastUser, prompt.tokens, reasoning, obfuscation, echo, new Prompt(prompt.messages), false, 0);
    }

    /** The messages of the instructions and the input, their rough token count, and the last user message. */
    private static final class Input {
        final List<Prompt.Message> messages = new ArrayList<>();
        String lastUser = "";
        int tokens;

        void add(String role, String text) {
            tokens += 4 + Tokenizer.count(text);
            messages.add(new Prompt.Message(role, text));
            if (role.equals("user")) {
                lastUser = text;
            }
        }
    }

    private static void input(JsonNode input, Input prompt) {
        if (input == null || input.isNull()) {
            throw refuse(ErrorCatalogue.missingParameter("input"));
        }
        if (input.isTextual()) {
            prompt.add("user", input.asText());
            return;
        }
        if (!input.isArray()) {
            throw typeError("input", "a string or an array of input items", input);
        }
        if (input.isEmpty()) {
            throw refuse(ErrorCatalogue.emptyArray("input"));
        }
        for (int i = 0; i < input.size(); i++) {
            JsonNode item = input.get(i);
            String where = "input[" + i + "]";
            if (!item.isObject()) {
                throw typeError(where, "an object", item);
            }
            String type = optionalString(item, "type", where + ".type");
            if (item.has("role") || type == null || type.equals("message")) {
                String role = requiredString(item, "role", where + ".role");
                if (!ROLES.contains(role)) {
                    throw refuse(ErrorCatalogue.invalidValue(where + ".role", role, ROLES));
                }
                prompt.add(role, contentText(item.get("content"), where + ".content"));
            } else if (type.equals("function_call_output")) {
                prompt.add("tool", item.path("output").isTextual() ? item.get("output").asText()
                        : item.path("output").toString());
            } else if (type.equals("function_call")) {
                prompt.add("assistant", item.path("arguments").asText(""));
            }
            // Other item types (reasoning, item_reference, ...) carry nothing the mock counts.
        }
    }

    private static String contentText(JsonNode content, String where) {
        if (content == null || content.isNull()) {
            throw refuse(ErrorCatalogue.missingParameter(where));
        }
        if (content.isTextual()) {
            return content.asText();
        }
        if (!content.isArray()) {
            throw typeError(where, "a string or an array of content parts", content);
        }
        StringBuilder sb = new StringBuilder();
        for (JsonNode part : content) {
            if (!part.isObject()) {
                throw typeError(where, "a string or an array of content parts", content);
            }
            String type = part.path("type").asText();
            if (type.equals("input_text") || type.equals("output_text")) {
                sb.append(part.path("text").asText(""));
            }
        }
        return sb.toString();
    }

    /**
     * {@code reasoning}: {@code effort: "none"} turns reasoning off; a {@code summary} streams it as reasoning
     * summary deltas; without one the model reasons unseen (its time and its count in usage only).
     */
    private static ChatRequest.Reasoning reasoning(JsonNode reasoning, ObjectNode echo) {
        ObjectNode out = echo.putObject("reasoning");
        if (reasoning == null) {
            out.putNull("effort");
            out.putNull("summary");
            return ChatRequest.Reasoning.HIDDEN;
        }
        String effort = optionalEnum(reasoning, "effort", "reasoning.effort", ChatRequestDecoder.REASONING_EFFORTS);
        String summary = optionalEnum(reasoning, "summary", "reasoning.summary", SUMMARIES);
        out.put("effort", effort);
        out.put("summary", summary);
        if ("none".equals(effort)) {
            return ChatRequest.Reasoning.OFF;
        }
        return summary != null ? ChatRequest.Reasoning.SHOWN : ChatRequest.Reasoning.HIDDEN;
    }

    private static JsonNode number(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return NODES.numberNode(1.0);
        }
        if (!v.isNumber()) {
            throw typeError(field, "a number", v);
        }
        return NODES.numberNode(v.asDouble());
    }

    private static ToolChoice toolChoice(JsonNode v, ObjectNode echo) {
        if (v == null || v.isNull()) {
            echo.put("tool_choice", "auto");
            return ToolChoice.AUTO;
        }
        if (v.isTextual()) {
            echo.put("tool_choice", v.asText());
            return switch (v.asText()) {
                case "none" -> new ToolChoice(ToolChoice.Mode.NONE, null);
                case "auto" -> ToolChoice.AUTO;
                case "required" -> new ToolChoice(ToolChoice.Mode.REQUIRED, null);
                default -> throw refuse(ErrorCatalogue.invalidValue("tool_choice", v.asText(), TOOL_CHOICES));
            };
        }
        if (v.isObject() && v.path("type").asText().equals("function") && v.path("name").isTextual()) {
            echo.putObject("tool_choice").put("type", "function").put("name", v.get("name").asText());
            return new ToolChoice(ToolChoice.Mode.NAMED, v.get("name").asText());
        }
        throw typeError("tool_choice", "a string or {\"type\": \"function\", \"name\": ...}", v);
    }

    /** Reads the flat function tools into {@code out}; returns them as the answer repeats them. */
    private static JsonNode tools(JsonNode tools, List<ChatRequest.Tool> out) {
        var echoed = NODES.arrayNode();
        if (tools == null || tools.isNull()) {
            return echoed;
        }
        if (!tools.isArray()) {
            throw typeError("tools", "an array", tools);
        }
        for (int i = 0; i < tools.size(); i++) {
            JsonNode t = tools.get(i);
            String where = "tools[" + i + "]";
            if (!t.isObject()) {
                throw typeError(where, "an object", t);
            }
            String type = requiredString(t, "type", where + ".type");
            if (!TOOL_TYPES.contains(type)) {
                // Hosted tools (web_search, file_search, ...) are the provider's to run; the mock has none.
                throw refuse(ErrorCatalogue.invalidValue(where + ".type", type, TOOL_TYPES));
            }
            String name = requiredString(t, "name", where + ".name");
            JsonNode params = optionalObject(t, "parameters", where + ".parameters");
            String description = optionalString(t, "description", where + ".description");
            boolean strict = bool(t, "strict", true, where + ".strict");
            ObjectNode e = echoed.addObject();
            e.put("type", "function");
            e.put("description", description);
            e.put("name", name);
            e.set("parameters", params == null ? NODES.nullNode() : params);
            e.put("strict", strict);
            out.add(new ChatRequest.Tool(name, params, e));
        }
        return echoed;
    }
}
