package io.streambench.mock.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.streambench.mock.internal.model.Prompt;
import io.streambench.mock.internal.profile.Tokenizer;
import io.streambench.mock.internal.wire.ChatRequest.ToolChoice;
import io.streambench.mock.internal.wire.ChatRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * Validates a chat completions body the way the OpenAI API does, closely enough that a client's error
 * handling sees the same shapes: missing or mistyped fields are 400 with {@code param} set. Fields the mock
 * does not model are accepted and ignored.
 */
final class ChatRequestDecoder {

    /** The largest {@code n} the mock serves (the API allows 128; a mock does not need that many). */
    static final int MAX_CHOICES = 16;
    private static final List<String> ROLES = List.of("system", "developer", "user", "assistant", "tool", "function");
    private static final List<String> TOOL_CHOICES = List.of("none", "auto", "required");
    /** The values of {@code reasoning_effort}; {@code none} turns reasoning off. */
    static final List<String> REASONING_EFFORTS = List.of("none", "minimal", "low", "medium", "high", "xhigh");

    private ChatRequestDecoder() {
    }

    static ChatRequest decode(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw refuse(ErrorCatalogue.notAnObject());
        }
        String model = requiredString(body, "model");
        JsonNode messages = body.get("messages");
        if (messages == null || messages.isNull()) {
            throw refuse(ErrorCatalogue.missingParameter("messages"));
        }
        if (!messages.isArray()) {
            throw typeError("messages", "an array", messages);
        }
        if (messages.isEmpty()) {
            throw refuse(ErrorCatalogue.emptyArray("messages"));
        }
        String lastUser = "";
        int promptTokens = 0;
        List<Prompt.Message> prompt = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            JsonNode m = messages.get(i);
            String where = "messages[" + i + "]";
            if (!m.isObject()) {
                throw typeError(where, "an object", m);
            }
            String role = requiredString(m, "role", where + ".role");
            if (!ROLES.contains(role)) {
                throw refuse(ErrorCatalogue.invalidValue(where + ".role", role, ROLES));
            }
            String text = contentText(m.get("content"), where + ".content");
            promptTokens += 4 + Tokenizer.count(text);
            prompt.add(new Prompt.Message(role, text));
            if (role.equals("user")) {
                lastUser = text;
            }
        }
        boolean stream = bool(body, "stream", false);
        JsonNode options = body.get("stream_options");
        boolean includeUsage = false;
        if (options != null && !options.isNull()) {
            if (!options.isObject()) {
                throw typeError("stream_options", "an object", options);
            }
            includeUsage = bool(options, "include_usage", false, "stream_options.include_usage");
        }
        int maxTokens = positiveInt(body, "max_completion_tokens", 0);
        if (maxTokens == 0) {
            maxTokens = positiveInt(body, "max_tokens", 0);
        }
        int n = positiveInt(body, "n", 1);
        if (n > MAX_CHOICES) {
            throw refuse(ErrorCatalogue.tooManyChoices(MAX_CHOICES, n));
        }
        List<ChatRequest.Tool> tools = tools(body.get("tools"));
        ToolChoice toolChoice = toolChoice(body.get("tool_choice"));
        boolean parallel = bool(body, "parallel_tool_calls", true);
        Long seed = BodyFields.seed(body);
        ChatRequest.Reasoning reasoning = reasoningEffort(body.get("reasoning_effort"), "reasoning_effort");
        // vLLM's sampling extras, which the driver's --ignore-eos sends.
        BodyFields.OutputLength length = BodyFields.vllmOutputLength(body, maxTokens);
        return new ChatRequest(model, stream, includeUsage, maxTokens, n, tools, toolChoice, parallel, seed,
                lastUser, promptTokens, reasoning, obfuscation(options), null, new Prompt(prompt), length.ignoreEos(),
                length.minTokens());
    }

    /**
     * A reasoning model's reasoning, streamed unless {@code effort} (the field {@code param}) is {@code none}.
     * The mock takes the amount of reasoning from the profile, not from the effort.
     */
    static ChatRequest.Reasoning reasoningEffort(JsonNode effort, String param) {
        if (effort == null || effort.isNull()) {
            return ChatRequest.Reasoning.SHOWN;
        }
        if (!effort.isTextual()) {
            throw typeError(param, "a string", effort);
        }
        if (!REASONING_EFFORTS.contains(effort.asText())) {
            throw refuse(ErrorCatalogue.invalidValue(param, effort.asText(), REASONING_EFFORTS));
        }
        return effort.asText().equals("none") ? ChatRequest.Reasoning.OFF : ChatRequest.Reasoning.SHOWN;
    }

    /** {@code stream_options.include_obfuscation}: padding is sent unless it is false. */
    static boolean obfuscation(JsonNode options) {
        if (options == null || options.isNull()) {
            return true;
        }
        return bool(options, "include_obfuscation", true, "stream_options.include_obfuscation");
    }

    private static String contentText(JsonNode content, String where) {
        if (content == null || content.isNull()) {
            return "";
        }
        if (content.isTextual()) {
            return content.asText();
        }
        if (content.isArray()) {
            StringBuilder sb = new StringBuilder();
            for (JsonNode part : content) {
                if (!part.isObject()) {
                    throw typeError(where, "a string or an array of content parts", content);
                }
                if (part.path("type").asText().equals("text")) {
                    sb.append(part.path("text").asText(""));
                }
            }
            return sb.toString();
        }
        throw typeError(where, "a string or an array of content parts", content);
    }

    private static List<ChatRequest.Tool> tools(JsonNode tools) {
        List<ChatRequest.Tool> out = new ArrayList<>();
        if (tools == null || tools.isNull()) {
            return out;
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
            JsonNode f = t.get("function");
            if (f == null || !f.isObject()) {
                throw refuse(ErrorCatalogue.missingParameter(where + ".function"));
            }
            String name = requiredString(f, "name", where + ".function.name");
            JsonNode params = f.get("parameters");
            if (params != null && !params.isNull() && !params.isObject()) {
                throw typeError(where + ".function.parameters", "an object", params);
            }
            out.add(new ChatRequest.Tool(name, params));
        }
        return out;
    }

    private static ToolChoice toolChoice(JsonNode v) {
        if (v == null || v.isNull()) {
            return ToolChoice.AUTO;
        }
        if (v.isTextual()) {
            return switch (v.asText()) {
                case "none" -> new ToolChoice(ToolChoice.Mode.NONE, null);
                case "auto" -> ToolChoice.AUTO;
                case "required" -> new ToolChoice(ToolChoice.Mode.REQUIRED, null);
                default -> throw refuse(ErrorCatalogue.invalidValue("tool_choice", v.asText(), TOOL_CHOICES));
            };
        }
        if (v.isObject() && v.path("function").path("name").isTextual()) {
            return new ToolChoice(ToolChoice.Mode.NAMED, v.path("function").path("name").asText());
        }
        throw typeError("tool_choice", "a string or {\"type\": \"function\", \"function\": {\"name\": ...}}", v);
    }

    private static String requiredString(JsonNode node, String field) {
        return BodyFields.requiredString(node, field, field);
    }

    private static String requiredString(JsonNode node, String field, String param) {
        return BodyFields.requiredString(node, field, param);
    }

    private static boolean bool(JsonNode node, String field, boolean fallback) {
        return BodyFields.bool(node, field, fallback, field);
    }

    private static boolean bool(JsonNode node, String field, boolean fallback, String param) {
        return BodyFields.bool(node, field, fallback, param);
    }

    private static int positiveInt(JsonNode node, String field, int fallback) {
        return BodyFields.intAtLeast(node, field, 1, fallback);
    }

    private static BadRequestException typeError(String param, String expected, JsonNode got) {
        return BodyFields.typeError(param, expected, got);
    }

    private static BadRequestException refuse(ErrorReply reply) {
        return BodyFields.refuse(reply);
    }
}
