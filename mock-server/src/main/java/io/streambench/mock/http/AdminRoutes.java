package io.streambench.mock.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.streambench.mock.model.ModelStats;
import io.streambench.mock.model.ServerModels;
import io.streambench.mock.stats.ServerStats;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The routes that are not an API: {@code /v1/models}, {@code /health}, {@code /stats}, {@code /metrics}. */
final class AdminRoutes {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper SNAKE = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
    private static final String JSON_TYPE = HttpHeaderValues.APPLICATION_JSON.toString();
    private static final byte[] HEALTH = utf8("{\"status\":\"ok\"}");

    private final ServerState state;

    AdminRoutes(ServerState state) {
        this.state = state;
    }

    /**
     * Makes Jackson introspect the stats records and renders /metrics once, off the event loops: done
     * lazily, the first {@code /stats} call would stall one event loop for ~100 ms in the middle of a run.
     */
    static void warmUp() {
        ServerStats scratch = new ServerStats();
        SNAKE.valueToTree(scratch.snapshot(false));
        SNAKE.valueToTree(ModelStats.emptySnapshot());
        PrometheusMetrics.render(scratch, ServerModels.none(), "warm-up");
    }

    /** {@code GET /v1/models}: one model per profile. */
    void models(Exchange x, FullHttpRequest request) {
        ObjectNode root = JSON.createObjectNode();
        root.put("object", "list");
        ArrayNode data = root.putArray("data");
        for (String name : state.profiles().byName().keySet()) {
            data.addObject().put("id", name).put("object", "model").put("created", 0).put("owned_by", "streambench");
        }
        x.reply(x.response(200, JSON_TYPE, utf8(root.toString())));
    }

    void health(Exchange x, FullHttpRequest request) {
        x.reply(x.response(200, JSON_TYPE, HEALTH.clone()));
    }

    /** {@code GET /stats[?reset=true]}: every figure of {@link ServerStats}, and the transport. */
    void stats(Exchange x, FullHttpRequest request) {
        List<String> reset = new QueryStringDecoder(request.uri()).parameters().getOrDefault("reset", List.of());
        boolean resetWindows = reset.contains("true");
        ObjectNode root = SNAKE.valueToTree(state.stats().snapshot(resetWindows));
        root.put("transport", state.transport());
        if (!state.models().byName().isEmpty()) {
            ObjectNode models = root.putObject("models");
            state.models().byName().forEach((name, model) -> models.set(name,
                    SNAKE.valueToTree(model.snapshot(resetWindows))));
        }
        x.reply(x.response(200, JSON_TYPE, utf8(root.toString())));
    }

    /** {@code GET /metrics}: the same figures in the Prometheus text format. */
    void metrics(Exchange x, FullHttpRequest request) {
        x.reply(x.response(200, PrometheusMetrics.contentType(),
                PrometheusMetrics.render(state.stats(), state.models(), state.transport())));
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
