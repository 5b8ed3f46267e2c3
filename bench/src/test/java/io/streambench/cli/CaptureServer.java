package io.streambench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.streambench.driver.workload.Tokenizer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntFunction;

/**
 * A chat completions server on loopback that keeps every request body and answers request {@code n} with the
 * chunks {@code answers} gives for it, as an OpenAI-compatible stream: a role chunk, one content chunk per piece,
 * a finish chunk, then (unless told not to) a usage chunk whose {@code prompt_tokens} is its own count of the
 * messages' text with {@code tokenizer}, and {@code [DONE]}.
 */
final class CaptureServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final List<JsonNode> bodies = Collections.synchronizedList(new ArrayList<>());
    private final List<String> outputHeaders = Collections.synchronizedList(new ArrayList<>());
    private final IntFunction<List<String>> answers;
    private final Tokenizer tokenizer;
    private final boolean usage;

    CaptureServer(IntFunction<List<String>> answers, Tokenizer tokenizer, boolean usage) throws IOException {
        this.answers = answers;
        this.tokenizer = tokenizer;
        this.usage = usage;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/v1/chat/completions", this::answer);
        server.start();
    }

    /** The base URL, as for --url. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** The bodies received, in arrival order. */
    List<JsonNode> bodies() {
        synchronized (bodies) {
            return List.copyOf(bodies);
        }
    }

    /** Each request's {@code x-mock-output-tokens} header, empty where it had none. */
    List<String> outputHeaders() {
        synchronized (bodies) {
            return List.copyOf(outputHeaders);
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        JsonNode body = JSON.readTree(exchange.getRequestBody());
        int n;
        synchronized (bodies) {
            n = bodies.size();
            bodies.add(body);
            String header = exchange.getRequestHeaders().getFirst("x-mock-output-tokens");
            outputHeaders.add(header == null ? "" : header);
        }
        int prompt = 0;
        for (JsonNode message : body.get("messages")) {
            prompt += tokenizer.count(message.get("content").asText());
        }
        List<String> pieces = answers.apply(n);
        exchange.getResponseHeaders().set("content-type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            event(out, chunk().set("choices", choices(JsonNodeFactory.instance.objectNode().put("role", "assistant"), null)));
            for (String piece : pieces) {
                event(out, chunk().set("choices", choices(JsonNodeFactory.instance.objectNode().put("content", piece), null)));
            }
            event(out, chunk().set("choices", choices(JsonNodeFactory.instance.objectNode(), "stop")));
            if (usage) {
                ObjectNode counts = JsonNodeFactory.instance.objectNode().put("prompt_tokens", prompt)
                        .put("completion_tokens", tokenizer.count(String.join("", pieces)))
                        .put("total_tokens", prompt + tokenizer.count(String.join("", pieces)));
                ObjectNode last = chunk();
                last.putArray("choices");
                last.set("usage", counts);
                event(out, last);
            }
            out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
        }
    }

    private static ObjectNode chunk() {
        return JsonNodeFactory.instance.objectNode().put("id", "chatcmpl-capture").put("object", "chat.completion.chunk")
                .put("created", 1).put("model", "m");
    }

    private static JsonNode choices(ObjectNode delta, String finish) {
        ObjectNode choice = JsonNodeFactory.instance.objectNode().put("index", 0);
        choice.set("delta", delta);
        if (finish == null) {
            choice.putNull("finish_reason");
        } else {
            choice.put("finish_reason", finish);
        }
        return JsonNodeFactory.instance.arrayNode().add(choice);
    }

    private static void event(OutputStream out, JsonNode chunk) throws IOException {
        out.write(("data: " + JSON.writeValueAsString(chunk) + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() {
        server.stop(0);
        ((ExecutorService) server.getExecutor()).shutdownNow();
    }
}
