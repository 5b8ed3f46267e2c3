package io.streambench.driver.dialect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.streambench.driver.ChatEncoder;
import io.streambench.driver.RequestEncoder;
import io.streambench.driver.dialect.FunctionTool.ToolShape;
import io.streambench.driver.workload.PlannedRequest;
import java.util.HashMap;
import java.util.Map;

/**
 * Chat completions bodies with the run's tools and {@code reasoning_effort}: {@link ChatEncoder}'s bodies, these
 * two given to it as fields of each request that lacks them (a dataset line's own win, as every field of a line
 * does).
 */
final class ChatBodies implements RequestEncoder {

    private final ChatEncoder chat;
    private final Map<String, JsonNode> defaults;

    private ChatBodies(ChatEncoder chat, Map<String, JsonNode> defaults) {
        this.chat = chat;
        this.defaults = defaults;
    }

    /** Chat bodies for {@code options}: {@link ChatEncoder} itself when they hold neither tools nor an effort. */
    static RequestEncoder of(BodyOptions options) {
        if (options.reasoningBudget() != null) {
            throw new IllegalArgumentException("chat completions take a reasoning effort, not a budget");
        }
        ChatEncoder chat = new ChatEncoder(options.model(), options.includeUsage(), options.maxTokens());
        Map<String, JsonNode> defaults = new HashMap<>();
        JsonNode tools = BodyJson.runTools(options, ToolShape.CHAT);
        if (tools != null) {
            defaults.put("tools", tools);
        }
        if (options.reasoningEffort() != null) {
            defaults.put("reasoning_effort", TextNode.valueOf(options.reasoningEffort()));
        }
        return defaults.isEmpty() ? chat : new ChatBodies(chat, Map.copyOf(defaults));
    }

    @Override
    public byte[] encode(PlannedRequest request) {
        Map<String, JsonNode> extra = new HashMap<>(defaults);
        extra.putAll(request.extraBody());
        return chat.encode(new PlannedRequest(request.index(), request.messages(), request.tokens(),
                request.sendOffset(), request.group(), extra));
    }
}
