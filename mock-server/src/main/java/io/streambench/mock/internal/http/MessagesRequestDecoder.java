package io.streambench.mock.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.streambench.mock.internal.model.Prompt;
import io.streambench.mock.internal.profile.Tokenizer;
import io.streambench.mock.internal.wire.ChatRequest.ToolChoice;
import io.streambench.mock.internal.wire.ChatRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * Validates an Anthropic Messages body ({@code POST /v1/messages}) the way the API does, closely enough that
 * a client's error handling sees the same shapes: {@code model}, {@code max_tokens} (required) and a non-empty
 * {@code messages}; {@code system}, {@code tools} with {@code input_schema}, {@code tool_choice},
 * {@code stream}, {@code thinking}. Refusals are worded as the API words them ({@code "max_tokens: Field required"}). Fields the
 * mock does not model ({@code temperature}, {@code metadata}, {@code stop_sequences}, ...) are accepted and
 * ignored. There is no {@code n}: a message has one answer.
 */
final class MessagesRequestDecoder {

    private static final List<String> ROLES = List.of("user", "assistant");
    private static final List<String> TOOL_CHOICES = List.of("auto", "any", "tool", "none");

    private MessagesRequestDecoder() {
    }

    static ChatRequest decode(JsonNode body, QueryStringDecoder uri) {
        if (body == null || !body.isObject()) {
            throw refuse("body", "Input should be a valid dictionary");
        }
        String model = requiredString(body, "model");
        int maxTokens = maxTokens(body.get("max_tokens"));
        JsonNode messages = body.get("messages");
        if (messages == null || messages.isNull()) {
            throw refuse("messages", "Field required");
        }
        if (!messages.isArray()) {
            throw refuse("messages", "Input should be a valid list");
        }
        if (messages.isEmpty()) {
            throw refuse("messages", "at least one message is required");
        }
        String system = text(body.get("system"), "system");
        int promptTokens = Tokenizer.count(system);
        List<Prompt.Message> prompt = new ArrayList<>(messages.size() + 1);
        if (body.hasNonNull("system")) {
            prompt.add(new Prompt.Message("system", system));
        }
        String lastUser = "";
        for (int i = 0; i < messages.size(); i++) {
            JsonNode m = messages.get(i);
            String where = "messages." + i;
            if (!m.isObject()) {
                throw refuse(where, "Input should be a valid dictionary");
            }
            String role = requiredString(m, "role", where + ".role");
            if (!ROLES.contains(role)) {
                throw refuse(where + ".role", "Input should be 'user' or 'assistant'");
            }
            JsonNode content = m.get("content");
            if (content == null || content.isNull()) {
                throw refuse(where + ".content", "Field required");
            }
            String text = text(content, where + ".content");
            promptTokens += 4 + Tokenizer.count(text);
            prompt.add(new Prompt.Message(role, text));
            if (role.equals("user")) {
                lastUser = text;
            }
        }
        boolean stream = bool(body, "stream");
        List<ChatRequest.Tool> tools = tools(body.get("tools"));
        JsonNode choice = body.get("tool_choice");
        ToolChoice toolChoice = toolChoice(choice);
        boolean parallel = !(choice != null && choice.isObject() && choice.path("disable_parallel_tool_use").asBoolean(false));
        ChatRequest.Reasoning thinking = thinking(body.get("thinking"), maxTokens);
        // Anthropic has no seed in the body (x-mock-seed still works) and always reports usage; it has no
        // ignore_eos or min_tokens.
        return new ChatRequest(model, stream, true, maxTokens, 1, tools, toolChoice, parallel, null, lastUser,
                promptTokens, thinking, true, null, new Prompt(prompt), false, 0);
    }

    /**
     * Extended thinking: none unless asked for. {@code enabled} caps the profile's reasoning tokens at
     * {@code budget_tokens} (at least 1024 and below {@code max_tokens}, as the API requires); {@code adaptive}
     * leaves the amount to the profile; {@code display: "omitted"} sends the thinking block with its signature
     * but without its text.
     */
    private static ChatRequest.Reasoning thinking(JsonNode v, int maxTokens) {
        if (v == null || v.isNull()) {
            return ChatRequest.Reasoning.OFF;
        }
        if (!v.isObject()) {
            throw refuse("thinking", "Input should be a valid dictionary");
        }
        String type = v.path("type").asText("");
        String display = v.path("display").asText("summarized");
        if (!display.equals("summarized") && !display.equals("omitted")) {
            throw refuse("thinking." + type + ".display", "Input should be 'summarized' or 'omitted'");
        }
        boolean shown = display.equals("summarized");
        return switch (type) {
            case "disabled" -> ChatRequest.Reasoning.OFF;
            case "adaptive" -> new ChatRequest.Reasoning(true, shown, 0);
            case "enabled" -> {
                JsonNode budget = v.get("budget_tokens");
                if (budget == null || budget.isNull()) {
                    throw refuse("thinking.enabled.budget_tokens", "Field required");
                }
                if (!budget.isIntegralNumber() || !budget.canConvertToInt()) {
                    throw refuse("thinking.enabled.budget_tokens", "Input should be a valid integer");
                }
                if (budget.asInt() < 1024) {
                    throw refuse("thinking.enabled.budget_tokens", "Input should be greater than or equal to 1024");
                }
                if (budget.asInt() >= maxTokens) {
                    throw new BadRequestException(ErrorCatalogue.anthropicInvalid("max_tokens",
                            "must be greater than thinking.budget_tokens (" + budget.asInt() + "), which counts "
                                    + "toward it"));
                }
                yield new ChatRequest.Reasoning(true, shown, budget.asInt());
            }
            default -> throw refuse("thinking", "Input tag '" + type + "' found using 'type' does not match any of "
                    + "the expected tags: 'enabled', 'disabled', 'adaptive'");
        };
    }

    private static int maxTokens(JsonNode v) {
        if (v == null || v.isNull()) {
            throw refuse("max_tokens", "Field required");
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw refuse("max_tokens", "Input should be a valid integer");
        }
        if (v.asInt() < 1) {
            throw refuse("max_tokens", "Input should be greater than or equal to 1");
        }
        return v.asInt();
    }

    /**
     * The text of a {@code system} or message {@code content}: a string, or the text of its blocks ({@code text},
     * a {@code tool_result}'s content, a {@code tool_use}'s input); other blocks (images, documents) add none.
     */
    private static String text(JsonNode content, String where) {
        if (content == null || content.isNull()) {
            return "";
        }
        if (content.isTextual()) {
            return content.asText();
        }
        if (!content.isArray()) {
            throw refuse(where, "Input should be a valid string or a valid list");
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < content.size(); i++) {
            JsonNode block = content.get(i);
            if (!block.isObject() || !block.path("type").isTextual()) {
                throw refuse(where + "." + i, "Input should be a content block with a 'type'");
            }
            switch (block.get("type").asText()) {
                case "text" -> sb.append(block.path("text").asText(""));
                case "tool_result" -> sb.append(text(block.get("content"), where + "." + i + ".content"));
                case "tool_use" -> sb.append(block.path("input").toString());
                default -> {
                    // images, documents, thinking blocks: no text the mock counts
                }
            }
        }
        return sb.toString();
    }

    private static List<ChatRequest.Tool> tools(JsonNode tools) {
        List<ChatRequest.Tool> out = new ArrayList<>();
        if (tools == null || tools.isNull()) {
            return out;
        }
        if (!tools.isArray()) {
            throw refuse("tools", "Input should be a valid list");
        }
        for (int i = 0; i < tools.size(); i++) {
            JsonNode t = tools.get(i);
            String where = "tools." + i;
            if (!t.isObject()) {
                throw refuse(where, "Input should be a valid dictionary");
            }
            JsonNode type = t.get("type");
            if (type != null && !type.isNull() && !type.asText().equals("custom")) {
                // Server tools (web search, code execution) run at Anthropic; the mock runs none.
                throw refuse(where + ".type", "the mock serves only custom tools (with input_schema), not '"
                        + type.asText() + "'");
            }
            String name = requiredString(t, "name", where + ".name");
            JsonNode schema = t.get("input_schema");
            if (schema == null || schema.isNull()) {
                throw refuse(where + ".input_schema", "Field required");
            }
            if (!schema.isObject()) {
                throw refuse(where + ".input_schema", "Input should be a valid dictionary");
            }
            out.add(new ChatRequest.Tool(name, schema));
        }
        return out;
    }

    private static ToolChoice toolChoice(JsonNode v) {
        if (v == null || v.isNull()) {
            return ToolChoice.AUTO;
        }
        if (!v.isObject()) {
            throw refuse("tool_choice", "Input should be a valid dictionary");
        }
        String type = v.path("type").asText("");
        return switch (type) {
            case "auto" -> ToolChoice.AUTO;
            case "any" -> new ToolChoice(ToolChoice.Mode.REQUIRED, null);
            case "none" -> new ToolChoice(ToolChoice.Mode.NONE, null);
            case "tool" -> new ToolChoice(ToolChoice.Mode.NAMED, requiredString(v, "name", "tool_choice.name"));
            default -> throw refuse("tool_choice", "Input tag '" + type + "' found using 'type' does not match any "
                    + "of the expected tags: " + quoted(TOOL_CHOICES));
        };
    }

    private static String requiredString(JsonNode node, String field) {
        return requiredString(node, field, field);
    }

    private static String requiredString(JsonNode node, String field, String path) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw refuse(path, "Field required");
        }
        if (!v.isTextual()) {
            throw refuse(path, "Input should be a valid string");
        }
        return v.asText();
    }

    private static boolean bool(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return false;
        }
        if (!v.isBoolean()) {
            throw refuse(field, "Input should be a valid boolean");
        }
        return v.asBoolean();
    }

    private static String quoted(List<String> values) {
        return "'" + String.join("', '", values) + "'";
    }

    private static BadRequestException refuse(String path, String problem) {
        return new BadRequestException(ErrorCatalogue.anthropicInvalid(path, problem));
    }
}
