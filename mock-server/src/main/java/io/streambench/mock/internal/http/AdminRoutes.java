package io.streambench.mock.internal.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.streambench.mock.internal.model.ModelStats;
import io.streambench.mock.internal.model.ServerModels;
import io.streambench.mock.internal.stats.ServerStats;
import io.streambench.mock.record.ClockReading;
import io.streambench.mock.record.RecordsJson;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The routes that are not an API: {@code /v1/models}, {@code /health}, {@code /stats}, {@code /metrics}, and for a
 * driver measuring a gateway {@code /records} and {@code /clock}.
 */
final class AdminRoutes {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper SNAKE = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
    private static final String JSON_TYPE = HttpHeaderValues.APPLICATION_JSON.toString();
    private static final byte[] HEALTH = utf8("{\"status\":\"ok\"}");

    private static final int MAX_RECORDS_PAGE = 1000;

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

    /**
     * {@code GET /records?since=N&limit=M}: the records of tagged requests numbered above N (default 0), at most M
     * (default and most 1,000), as {@link RecordsJson} writes them; 404 when the server records nothing.
     */
    void records(Exchange x, FullHttpRequest request) {
        if (state.recorder() == null) {
            x.refuse(new ErrorReply(404, "This mock records nothing: start it with --record N to measure a gateway.",
                    null, "not_recording"), Routes.FALLBACK_FORMAT);
            return;
        }
        java.util.Map<String, List<String>> query = new QueryStringDecoder(request.uri()).parameters();
        long since;
        int limit;
        try {
            since = Long.parseLong(query.getOrDefault("since", List.of("0")).get(0));
            limit = Math.min(MAX_RECORDS_PAGE, Integer.parseInt(query.getOrDefault("limit",
                    List.of(String.valueOf(MAX_RECORDS_PAGE))).get(0)));
        } catch (NumberFormatException e) {
            x.refuse(new ErrorReply(400, "since and limit must be integers", "since", "invalid_value"),
                    Routes.FALLBACK_FORMAT);
            return;
        }
        x.reply(x.response(200, JSON_TYPE, RecordsJson.page(state.recorder(), since, Math.max(1, limit))));
    }

    /** {@code GET /clock}: this process's nanoTime, wall clock and boot id, read together ({@link ClockReading}). */
    void clock(Exchange x, FullHttpRequest request) {
        x.reply(x.response(200, JSON_TYPE, RecordsJson.clock(ClockReading.now())));
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
