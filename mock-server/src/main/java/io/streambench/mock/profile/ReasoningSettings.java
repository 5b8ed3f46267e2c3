package io.streambench.mock.profile;

import java.util.Locale;

/**
 * How a profile's model reasons before it answers: how many reasoning (thinking) tokens it spends, and the
 * delta field chat completions streams them in. Each API spells the reasoning its own way (chat
 * completions' {@code reasoning_content} or {@code reasoning}, Responses' reasoning summary, Anthropic's
 * thinking blocks, Gemini's thought parts) and counts it in usage as that API does.
 *
 * @param tokens reasoning tokens per answer, or null for a model that does not reason (the default)
 * @param chatField the delta field of chat completions' reasoning
 */
public record ReasoningSettings(Distribution tokens, ChatField chatField) {

    /** A model that does not reason. */
    public static final ReasoningSettings NONE = new ReasoningSettings(null, ChatField.REASONING_CONTENT);

    public ReasoningSettings {
        if (chatField == null) {
            throw new IllegalArgumentException("reasoning_field is required");
        }
    }

    /** The delta field chat completions streams reasoning in: servers differ (DeepSeek, vLLM). */
    public enum ChatField {
        /** {@code delta.reasoning_content}: DeepSeek, and vLLM before the rename. */
        REASONING_CONTENT("reasoning_content"),
        /** {@code delta.reasoning}: current vLLM and OpenRouter-style gateways. */
        REASONING("reasoning");

        private final String json;

        ChatField(String json) {
            this.json = json;
        }

        /** The field's name in the JSON delta and message. */
        public String json() {
            return json;
        }

        /** The field named {@code name} ({@code reasoning_content} or {@code reasoning}). */
        public static ChatField parse(String name) {
            for (ChatField f : values()) {
                if (f.json.equals(name.trim().toLowerCase(Locale.ROOT))) {
                    return f;
                }
            }
            throw new IllegalArgumentException("expected reasoning_content or reasoning, got '" + name + "'");
        }
    }
}
