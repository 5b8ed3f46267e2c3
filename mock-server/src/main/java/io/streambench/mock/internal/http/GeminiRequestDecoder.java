package io.streambench.mock.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.streambench.mock.internal.model.Prompt;
import io.streambench.mock.internal.profile.Tokenizer;
import io.streambench.mock.internal.wire.ChatRequest.ToolChoice;
import io.streambench.mock.internal.wire.ChatRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Validates a Gemini {@code generateContent} request: the model and the method come from the path
 * ({@code /v1beta/models/{model}:streamGenerateContent?alt=sse}, or {@code /v1/...} as Google's Java SDK
 * calls it), the body gives {@code contents}, {@code systemInstruction}, {@code generationConfig}
 * ({@code maxOutputTokens}, {@code candidateCount}, {@code seed}, {@code thinkingConfig}), {@code tools} with
 * {@code functionDeclarations} and {@code toolConfig}. Refusals are 400 {@code INVALID_ARGUMENT} in Google's
 * words. Fields the mock does not model ({@code safetySettings}, {@code temperature}, ...) are accepted and
 * ignored.
 */
final class GeminiRequestDecoder {

    private static final Pattern PATH = Pattern.compile("/(v1beta|v1)/models/([^/:]+):(streamGenerateContent|generateContent)");
    private static final List<String> MODES = List.of("AUTO", "ANY", "NONE", "VALIDATED");
    private static final List<String> THINKING_LEVELS = List.of("THINKING_LEVEL_UNSPECIFIED", "MINIMAL", "LOW",
            "MEDIUM", "HIGH");

    private GeminiRequestDecoder() {
    }

    /** What a Gemini path says: the model, and whether the answer streams. */
    record Path(String model, boolean stream) {

        /** The Gemini route {@code path} names, or null when it names none. */
        static Path parse(String path) {
            Matcher m = PATH.matcher(path);
            return m.matches() ? new Path(m.group(2), m.group(3).equals("streamGenerateContent")) : null;
        }
    }

    static ChatRequest decode(JsonNode body, QueryStringDecoder uri) {
        Path path = Path.parse(uri.path());
        if (path == null) {
            throw new IllegalStateException("routed here without a Gemini path: " + uri.path());
        }
        if (path.stream() && !uri.parameters().getOrDefault("alt", List.of()).contains("sse")) {
            // Without alt=sse the API streams one JSON array instead of events; the mock serves only SSE.
            throw refuse("alt", "The mock streams streamGenerateContent as server-sent events only: add ?alt=sse "
                    + "(as Google's SDKs do).");
        }
        if (body == null || !body.isObject()) {
            throw refuse(null, "Invalid JSON payload received. Expected an object.");
        }
        JsonNode contents = body.get("contents");
        if (contents == null || contents.isNull() || (contents.isArray() && contents.isEmpty())) {
            throw refuse("contents", "* GenerateContentRequest.contents: contents is not specified\n");
        }
        if (!contents.isArray()) {
            throw typeError("contents", contents);
        }
        String system = partsText(body.path("systemInstruction").get("parts"), "systemInstruction");
        int promptTokens = Tokenizer.count(system);
        List<Prompt.Message> prompt = new ArrayList<>(contents.size() + 1);
        if (body.hasNonNull("systemInstruction")) {
            prompt.add(new Prompt.Message("system", system));
        }
        String lastUser = "";
        for (int i = 0; i < contents.size(); i++) {
            JsonNode c = contents.get(i);
            String where = "contents[" + i + "]";
            if (!c.isObject()) {
                throw typeError(where, c);
            }
            String role = c.path("role").asText("user");
            JsonNode parts = c.get("parts");
            if (parts == null || !parts.isArray() || parts.isEmpty()) {
                throw refuse(where + ".parts", "* GenerateContentRequest." + where + ".parts: contents.parts must "
                        + "not be empty.\n");
            }
            String text = partsText(parts, where + ".parts");
            promptTokens += Tokenizer.count(text);
            // Gemini's "model" turns are what the other APIs call assistant turns.
            prompt.add(new Prompt.Message(role.equals("model") ? "assistant" : role, text));
            if (role.equals("user")) {
                lastUser = text;
            }
        }
        JsonNode config = body.path("generationConfig");
        int maxTokens = positiveInt(config, "maxOutputTokens", 0);
        int candidates = positiveInt(config, "candidateCount", 1);
        if (candidates > 1) {
            throw refuse("generationConfig.candidateCount", "The mock answers with one candidate; candidateCount "
                    + candidates + " is not served.");
        }
        Long seed = null;
        JsonNode s = config.get("seed");
        if (s != null && !s.isNull()) {
            if (!s.isIntegralNumber() || !s.canConvertToLong()) {
                throw typeError("generationConfig.seed", s);
            }
            seed = s.asLong();
        }
        List<ChatRequest.Tool> tools = tools(body.get("tools"));
        ToolChoice choice = toolChoice(body.path("toolConfig").path("functionCallingConfig"), tools);
        ChatRequest.Reasoning thinking = thinking(config.path("thinkingConfig"));
        // Gemini has no ignore_eos or min_tokens.
        return new ChatRequest(path.model(), path.stream(), true, maxTokens, 1, tools, choice, true, seed, lastUser,
                promptTokens, thinking, true, null, new Prompt(prompt), false, 0);
    }

    /**
     * Gemini's thinking models think unless told not to: the thoughts count in {@code thoughtsTokenCount} and
     * are streamed as {@code "thought": true} parts only with {@code includeThoughts}. A {@code thinkingBudget}
     * of 0 turns thinking off, -1 leaves the amount to the model (the profile), and a positive one caps it;
     * {@code thinkingLevel} is accepted and leaves the amount to the profile.
     */
    private static ChatRequest.Reasoning thinking(JsonNode config) {
        if (config.isMissingNode() || config.isNull()) {
            return ChatRequest.Reasoning.HIDDEN;
        }
        if (!config.isObject()) {
            throw typeError("generationConfig.thinkingConfig", config);
        }
        JsonNode include = config.get("includeThoughts");
        if (include != null && !include.isNull() && !include.isBoolean()) {
            throw typeError("generationConfig.thinkingConfig.includeThoughts", include);
        }
        boolean shown = include != null && include.asBoolean();
        JsonNode level = config.get("thinkingLevel");
        if (level != null && !level.isNull() && !THINKING_LEVELS.contains(level.asText().toUpperCase(Locale.ROOT))) {
            throw refuse("generationConfig.thinkingConfig.thinkingLevel", "Invalid value at "
                    + "'generation_config.thinking_config.thinking_level', \"" + level.asText() + "\"");
        }
        JsonNode budget = config.get("thinkingBudget");
        if (budget == null || budget.isNull()) {
            return new ChatRequest.Reasoning(true, shown, 0);
        }
        if (!budget.isIntegralNumber() || !budget.canConvertToInt() || budget.asInt() < -1) {
            throw typeError("generationConfig.thinkingConfig.thinkingBudget", budget);
        }
        if (budget.asInt() == 0) {
            return ChatRequest.Reasoning.OFF;
        }
        return new ChatRequest.Reasoning(true, shown, Math.max(0, budget.asInt()));
    }

    /** The text of a list of parts: text parts, function calls' arguments, function responses. */
    private static String partsText(JsonNode parts, String where) {
        if (parts == null || parts.isNull()) {
            return "";
        }
        if (!parts.isArray()) {
            throw typeError(where, parts);
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < parts.size(); i++) {
            JsonNode p = parts.get(i);
            if (!p.isObject()) {
                throw typeError(where + "[" + i + "]", p);
            }
            if (p.has("text")) {
                sb.append(p.get("text").asText(""));
            } else if (p.has("functionCall")) {
                sb.append(p.get("functionCall").path("args").toString());
            } else if (p.has("functionResponse")) {
                sb.append(p.get("functionResponse").path("response").toString());
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
            throw typeError("tools", tools);
        }
        for (int i = 0; i < tools.size(); i++) {
            JsonNode t = tools.get(i);
            String where = "tools[" + i + "]";
            if (!t.isObject()) {
                throw typeError(where, t);
            }
            for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) t::fields) {
                if (!e.getKey().equals("functionDeclarations")) {
                    // googleSearch, codeExecution, urlContext run at Google; the mock runs none.
                    throw refuse(where + "." + e.getKey(), "The mock serves only functionDeclarations tools, not '"
                            + e.getKey() + "'.");
                }
            }
            JsonNode declarations = t.path("functionDeclarations");
            if (!declarations.isArray()) {
                throw typeError(where + ".functionDeclarations", declarations);
            }
            for (int j = 0; j < declarations.size(); j++) {
                JsonNode d = declarations.get(j);
                String at = where + ".functionDeclarations[" + j + "]";
                if (!d.isObject() || !d.path("name").isTextual() || d.get("name").asText().isEmpty()) {
                    throw refuse(at + ".name", "* GenerateContentRequest." + at + ".name: Name cannot be empty.\n");
                }
                JsonNode schema = d.has("parametersJsonSchema") ? d.get("parametersJsonSchema")
                        : d.has("parameters") ? lowerCaseTypes(d.get("parameters").deepCopy()) : null;
                if (schema != null && !schema.isNull() && !schema.isObject()) {
                    throw typeError(at + ".parameters", schema);
                }
                out.add(new ChatRequest.Tool(d.get("name").asText(), schema));
            }
        }
        return out;
    }

    /** Gemini's own schemas spell types in capitals ({@code OBJECT}); JSON Schema's are lower case. */
    private static JsonNode lowerCaseTypes(JsonNode schema) {
        if (schema instanceof ObjectNode o) {
            JsonNode type = o.get("type");
            if (type != null && type.isTextual()) {
                o.put("type", type.asText().toLowerCase(Locale.ROOT));
            }
            o.forEach(GeminiRequestDecoder::lowerCaseTypes);
        } else if (schema != null && schema.isArray()) {
            schema.forEach(GeminiRequestDecoder::lowerCaseTypes);
        }
        return schema;
    }

    private static ToolChoice toolChoice(JsonNode config, List<ChatRequest.Tool> tools) {
        if (config.isMissingNode() || config.isNull()) {
            return ToolChoice.AUTO;
        }
        String mode = config.path("mode").asText("AUTO").toUpperCase(Locale.ROOT);
        if (!MODES.contains(mode)) {
            throw refuse("toolConfig.functionCallingConfig.mode", "Invalid value at "
                    + "'tool_config.function_calling_config.mode', \"" + config.path("mode").asText() + "\"");
        }
        if (config.path("streamFunctionCallArguments").asBoolean(false)) {
            throw refuse("toolConfig.functionCallingConfig.streamFunctionCallArguments", "The mock sends function "
                    + "calls whole; streamFunctionCallArguments is not served.");
        }
        JsonNode allowed = config.path("allowedFunctionNames");
        if (mode.equals("NONE")) {
            return new ToolChoice(ToolChoice.Mode.NONE, null);
        }
        if (allowed.isArray() && !allowed.isEmpty()) {
            for (JsonNode name : allowed) {
                if (tools.stream().noneMatch(t -> t.name().equals(name.asText()))) {
                    throw refuse("toolConfig.functionCallingConfig.allowedFunctionNames", "Function '"
                            + name.asText() + "' in allowedFunctionNames is not declared in tools.");
                }
            }
            if (mode.equals("ANY") && allowed.size() == 1) {
                return new ToolChoice(ToolChoice.Mode.NAMED, allowed.get(0).asText());
            }
            // Several allowed names: the model calls some of them; keep only those on offer.
            tools.removeIf(t -> {
                for (JsonNode name : allowed) {
                    if (name.asText().equals(t.name())) {
                        return false;
                    }
                }
                return true;
            });
        }
        return mode.equals("ANY") ? new ToolChoice(ToolChoice.Mode.REQUIRED, null) : ToolChoice.AUTO;
    }

    private static int positiveInt(JsonNode node, String field, int fallback) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw typeError("generationConfig." + field, v);
        }
        if (v.asInt() < 1) {
            throw refuse("generationConfig." + field, "* GenerateContentRequest.generation_config." + field
                    + ": must be positive, got " + v.asInt() + ".\n");
        }
        return v.asInt();
    }

    private static BadRequestException typeError(String path, JsonNode got) {
        return refuse(path, "Invalid value at '" + path + "' (" + got.getNodeType().toString().toLowerCase(Locale.ROOT)
                + "): " + got);
    }

    private static BadRequestException refuse(String path, String message) {
        return new BadRequestException(ErrorCatalogue.googleInvalid(path, message));
    }
}
