package io.streambench.driver.gateway;

import io.streambench.mock.UsageException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.streambench.driver.Requests;
import io.streambench.mock.record.Tag;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where a request's tag goes: at the start of its prompt text, the one part of a request every gateway forwards as
 * it is (headers may be dropped, fields renamed, the body re-encoded). Each body is prepared once, with a
 * placeholder in the text that each request's tag then replaces, so a request costs one array copy.
 *
 * <p>The prompt text is found the same way in every API's body: {@code prompt} (legacy completions) or
 * {@code input} when it is a string (Responses), else the last user message of {@code messages} (chat
 * completions, Anthropic), {@code input} (Responses) or {@code contents} (Gemini), whose {@code content} is a
 * string or whose {@code content} / {@code parts} list has a {@code text}.
 */
final class TagPlacement {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PLACEHOLDER = "[sbtag PLACEHOLDER]";
    private static final byte[] PLACEHOLDER_BYTES = PLACEHOLDER.getBytes(StandardCharsets.US_ASCII);

    /** One body split around its placeholder. */
    private record Template(byte[] before, byte[] after) {
    }

    private final List<Template> templates;

    private TagPlacement(List<Template> templates) {
        this.templates = templates;
    }

    /**
     * Prepares every body of {@code requests}, which must be encoded at start (a prompt, or a prompts file
     * without drawn lengths): request {@code n} has body {@code n} of them, round robin.
     *
     * @throws IllegalArgumentException naming the body that has no prompt text to carry a tag, or when the bodies
     *                                  are made per request (synthetic prompts, traces, conversations)
     */
    static TagPlacement of(Requests requests) {
        if (requests.encodedAtStart() == 0) {
            throw new UsageException("--gateway tags bodies made at start (a --prompt, or a --prompts or --dataset "
                    + "file); " + requests.label() + " makes each request's own, which it does not measure yet");
        }
        List<Template> templates = new ArrayList<>();
        for (int i = 0; i < requests.encodedAtStart(); i++) {
            templates.add(template(requests.body(i), i, requests.label()));
        }
        return new TagPlacement(templates);
    }

    /** The body of request {@code requestId} (round robin, as {@link Requests} reuses them) with {@code tag} in its prompt. */
    byte[] body(long requestId, Tag tag) {
        Template t = templates.get((int) Math.floorMod(requestId, (long) templates.size()));
        byte[] text = tag.text().getBytes(StandardCharsets.US_ASCII);
        byte[] out = Arrays.copyOf(t.before(), t.before().length + text.length + t.after().length);
        System.arraycopy(text, 0, out, t.before().length, text.length);
        System.arraycopy(t.after(), 0, out, t.before().length + text.length, t.after().length);
        return out;
    }

    private static Template template(byte[] body, int index, String source) {
        ObjectNode root;
        try {
            JsonNode node = JSON.readTree(body);
            if (!(node instanceof ObjectNode object)) {
                throw new IllegalArgumentException(where(index, source) + "is not a JSON object");
            }
            root = object;
        } catch (IOException e) {
            throw new IllegalArgumentException(where(index, source) + "is not JSON: " + e.getMessage());
        }
        if (!place(root)) {
            throw new UsageException("--gateway: " + where(index, source) + "has no prompt text to carry "
                    + "the request's tag (a user message whose content is text, or a prompt)");
        }
        byte[] tagged;
        try {
            tagged = JSON.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        int at = indexOf(tagged, PLACEHOLDER_BYTES);
        return new Template(Arrays.copyOfRange(tagged, 0, at),
                Arrays.copyOfRange(tagged, at + PLACEHOLDER_BYTES.length, tagged.length));
    }

    private static String where(int index, String source) {
        return "request body " + (index + 1) + " of " + source + " ";
    }

    /** Puts the placeholder at the start of the prompt text; false when there is none. */
    private static boolean place(ObjectNode root) {
        if (root.path("prompt").isTextual()) {
            root.put("prompt", prefixed(root.get("prompt").asText()));
            return true;
        }
        if (root.path("input").isTextual()) {
            root.put("input", prefixed(root.get("input").asText()));
            return true;
        }
        for (String list : new String[] {"messages", "input", "contents"}) {
            if (root.get(list) instanceof ArrayNode messages && placeInLastUserMessage(messages)) {
                return true;
            }
        }
        return false;
    }

    private static boolean placeInLastUserMessage(ArrayNode messages) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (!(messages.get(i) instanceof ObjectNode message)) {
                continue;
            }
            String role = message.path("role").asText("user");
            if (!role.equals("user")) {
                continue;
            }
            if (message.path("content").isTextual()) {
                message.put("content", prefixed(message.get("content").asText()));
                return true;
            }
            for (String parts : new String[] {"content", "parts"}) {
                if (message.get(parts) instanceof ArrayNode list) {
                    for (JsonNode part : list) {
                        if (part instanceof ObjectNode p && p.path("text").isTextual()) {
                            p.set("text", TextNode.valueOf(prefixed(p.get("text").asText())));
                            return true;
                        }
                    }
                }
            }
            return false;
        }
        return false;
    }

    private static String prefixed(String text) {
        return PLACEHOLDER + " " + text;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalStateException("placeholder not found after encoding");
    }
}
