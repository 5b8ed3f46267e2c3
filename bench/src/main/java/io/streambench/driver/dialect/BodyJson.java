package io.streambench.driver.dialect;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streambench.client.Api;
import io.streambench.driver.dialect.FunctionTool.ToolShape;
import io.streambench.driver.workload.ChatMessage;
import io.streambench.driver.workload.PlannedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the encoders of the APIs other than chat share: a JSON writer per body, the planned messages as text,
 * the answer limit, the tools, and the extra fields of a dataset line passed on as they are.
 */
final class BodyJson {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Extra fields every encoder writes its own way: its stream switch, the limit under its API's name. */
    static final Set<String> LIMITS = Set.of("stream", "max_tokens", "max_completion_tokens");
    /** ... and the tools, in its API's shape. */
    static final Set<String> MAPPED = Set.of("stream", "max_tokens", "max_completion_tokens", "tools");

    private BodyJson() {
    }

    /** Writes one body with {@code body}, which may throw IOException only from the generator. */
    static byte[] write(PlannedRequest request, Body body) {
        ByteArrayBuilder out = new ByteArrayBuilder(256 + 6 * request.tokens().promptTokens());
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            body.write(json);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("encoding request " + request.index() + ": " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    /** The body's fields, between its braces. */
    @FunctionalInterface
    interface Body {
        void write(JsonGenerator json) throws IOException;
    }

    /**
     * The text of message {@code position} of {@code request}, which {@code api} takes as text: a role of
     * system, developer, user or assistant, with text content (or content parts that are all text), and no other
     * fields. A tool call or tool result, an image or a named participant has no faithful equivalent in the
     * plain messages sent here, so it is refused rather than dropped.
     */
    static String text(PlannedRequest request, int position, Api api) {
        ChatMessage m = request.messages().get(position);
        String where = "request " + request.index() + ", message " + position;
        if (m.role().equals("tool") || !m.fields().isEmpty()) {
            throw new IllegalArgumentException(where + ": --api " + api.label() + " sends text messages only (role "
                    + "system, developer, user or assistant, no " + (m.role().equals("tool") ? "tool role"
                    : String.join(", ", m.fields().keySet())) + ")");
        }
        if (m.parts() != null) {
            for (JsonNode part : m.parts()) {
                if (!"text".equals(part.path("type").asText())) {
                    throw new IllegalArgumentException(where + ": --api " + api.label() + " sends text content "
                            + "only, not a " + part.path("type").asText("untyped") + " part");
                }
            }
        }
        return m.content();
    }

    /** True for the roles that become an API's system prompt. */
    static boolean system(ChatMessage m) {
        return m.role().equals("system") || m.role().equals("developer");
    }

    /** The system and developer messages' texts joined by blank lines, or null when there are none. */
    static String systemText(PlannedRequest request, Api api) {
        StringBuilder system = null;
        List<ChatMessage> messages = request.messages();
        for (int i = 0; i < messages.size(); i++) {
            if (system(messages.get(i))) {
                String text = text(request, i, api);
                system = system == null ? new StringBuilder(text) : system.append("\n\n").append(text);
            }
        }
        return system == null ? null : system.toString();
    }

    /**
     * The answer limit: a dataset line's own ({@code max_tokens} or {@code max_completion_tokens}, which win in
     * chat bodies too), else the planned length, else the run's default; 0 for none.
     */
    static int limit(PlannedRequest request, BodyOptions options) {
        for (String own : List.of("max_tokens", "max_completion_tokens")) {
            JsonNode v = request.extraBody().get(own);
            if (v != null && v.isIntegralNumber() && v.canConvertToInt() && v.intValue() > 0) {
                return v.intValue();
            }
        }
        return request.tokens().outputTokens() > 0 ? request.tokens().outputTokens() : options.maxTokens();
    }

    /** Refuses a plan that asks for an exact length, which only vLLM-style chat and completions can ask. */
    static void refuseIgnoreEos(PlannedRequest request, Api api) {
        if (request.tokens().ignoreEos()) {
            throw new IllegalArgumentException("request " + request.index() + ": --api " + api.label()
                    + " has no ignore_eos (vLLM's field for chat and completions)");
        }
    }

    /** The extra fields except {@code skip}, as they are. */
    static void extras(JsonGenerator json, Map<String, JsonNode> extra, Set<String> skip) throws IOException {
        for (Map.Entry<String, JsonNode> field : extra.entrySet()) {
            if (!skip.contains(field.getKey())) {
                json.writeFieldName(field.getKey());
                json.writeTree(field.getValue());
            }
        }
    }

    /**
     * The request's {@code tools}: a dataset line's own (converted from chat's shape when written so), else the
     * run's functions ({@link #runTools}); nothing when neither has any.
     */
    static void tools(JsonGenerator json, PlannedRequest request, JsonNode runTools, ToolShape shape)
            throws IOException {
        JsonNode own = request.extraBody().get("tools");
        if (own != null) {
            json.writeFieldName("tools");
            json.writeTree(Tools.chatShaped(own)
                    ? Tools.json(Tools.parse(own, "request " + request.index() + " tools"), shape) : own);
        } else if (runTools != null) {
            json.writeFieldName("tools");
            json.writeTree(runTools);
        }
    }

    /** The run's functions in {@code shape}, made once; null for none. */
    static JsonNode runTools(BodyOptions options, ToolShape shape) {
        return options.tools().isEmpty() ? null : Tools.json(options.tools(), shape);
    }
}
