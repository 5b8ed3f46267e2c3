package io.streambench.driver;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON bodies a run sends, encoded once; request {@code n} gets body {@code n % size()}.
 *
 * <pre>{@code
 * RequestBodies bodies = RequestBodies.ofPrompt("paced", "Hello", 0, true);
 * byte[] json = bodies.body(requestNumber);
 * }</pre>
 */
public final class RequestBodies {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<byte[]> bodies;
    private final String source;

    private RequestBodies(List<byte[]> bodies, String source) {
        if (bodies.isEmpty()) {
            throw new IllegalArgumentException("no request bodies in " + source);
        }
        this.bodies = List.copyOf(bodies);
        this.source = source;
    }

    /**
     * One chat request with a single user message.
     *
     * @param maxTokens    {@code max_tokens}, or 0 to leave it out
     * @param includeUsage ask for the usage chunk ({@code stream_options.include_usage})
     */
    public static RequestBodies ofPrompt(String model, String prompt, int maxTokens, boolean includeUsage) {
        ObjectNode body = JSON.createObjectNode();
        body.put("model", model);
        body.putArray("messages").addObject().put("role", "user").put("content", prompt);
        return new RequestBodies(List.of(encode(complete(body, model, maxTokens, includeUsage))), "prompt");
    }

    /**
     * One request per non-blank line of a JSONL file: either a chat request object (its {@code messages},
     * {@code tools} and other fields kept) or {@code {"prompt": "...", ...}} (the prompt becomes the user
     * message, every other key is kept). Every body gets {@code stream: true} (a line with {@code "stream": false}
     * is refused); {@code model}, {@code max_tokens} (unless the line has {@code max_completion_tokens}) and
     * {@code stream_options} are added where the line has none.
     *
     * @throws UncheckedIOException when the file cannot be read (its cause says why)
     * @throws IllegalArgumentException naming the file and line of a line that is not a usable request
     */
    public static RequestBodies fromJsonl(Path file, String model, int maxTokens, boolean includeUsage) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read prompts file " + file + ": " + e.getMessage(), e);
        }
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty()) {
                continue;
            }
            out.add(encode(complete(parseLine(file, i + 1, line), model, maxTokens, includeUsage)));
        }
        return new RequestBodies(out, file.toString());
    }

    private static ObjectNode parseLine(Path file, int lineNumber, String line) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + ":" + lineNumber + ": not JSON: " + e.getOriginalMessage());
        }
        if (!(node instanceof ObjectNode object)) {
            throw new IllegalArgumentException(file + ":" + lineNumber + ": expected a JSON object");
        }
        String at = file + ":" + lineNumber + ": ";
        if (object.has("stream") && !object.get("stream").asBoolean(false)) {
            throw new IllegalArgumentException(at + "\"stream\": " + object.get("stream")
                    + ": every request streams; remove the key");
        }
        if (object.has("messages") && object.has("prompt")) {
            throw new IllegalArgumentException(at + "has both \"messages\" and \"prompt\"; give one");
        }
        if (object.has("messages")) {
            return object;
        }
        if (!object.has("prompt")) {
            throw new IllegalArgumentException(at + "needs \"messages\" or \"prompt\"");
        }
        if (!object.get("prompt").isTextual()) {
            throw new IllegalArgumentException(at + "\"prompt\" must be a string, got " + object.get("prompt"));
        }
        // The prompt becomes the user message; every other key (max_tokens, temperature, stop...) is sent as is.
        ObjectNode body = JSON.createObjectNode();
        body.putArray("messages").addObject().put("role", "user").put("content", object.get("prompt").asText());
        object.fields().forEachRemaining(e -> {
            if (!e.getKey().equals("prompt")) {
                body.set(e.getKey(), e.getValue());
            }
        });
        return body;
    }

    private static ObjectNode complete(ObjectNode body, String model, int maxTokens, boolean includeUsage) {
        if (!body.hasNonNull("model")) {
            body.put("model", model);
        }
        body.put("stream", true);
        if (maxTokens > 0 && !body.has("max_tokens") && !body.has("max_completion_tokens")) {
            body.put("max_tokens", maxTokens);
        }
        if (includeUsage && !body.has("stream_options")) {
            body.putObject("stream_options").put("include_usage", true);
        }
        return body;
    }

    private static byte[] encode(ObjectNode body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The body for request number {@code request} (round robin). Do not modify the array. */
    public byte[] body(long request) {
        return bodies.get((int) Math.floorMod(request, (long) bodies.size()));
    }

    /** How many distinct bodies. */
    public int size() {
        return bodies.size();
    }

    /** {@code prompt} or the prompts file. */
    public String source() {
        return source;
    }
}
