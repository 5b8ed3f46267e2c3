package io.streambench.mock.internal.model;

import java.util.List;

/**
 * The text a request asks the model to read, in every API's terms: its messages in order, each with the role
 * it was sent under (a system prompt, the turns of a conversation, a completions prompt). Decoders of each API
 * make one; the model counts its tokens and hashes its blocks.
 *
 * @param messages the messages in the order the model reads them
 */
public record Prompt(List<Message> messages) {

    /** A prompt of no messages. */
    public static final Prompt EMPTY = new Prompt(List.of());

    public Prompt {
        messages = List.copyOf(messages);
    }

    /**
     * One message: the role it was sent under ({@code system}, {@code user}, ...) and its text, or the token ids
     * a request gave instead of text (a legacy completions prompt of ids), which the model takes as they are.
     *
     * @param tokenIds the message's tokens as the request gave them, or null for a text to tokenize
     */
    public record Message(String role, String text, int[] tokenIds) {
        public Message {
            if (role == null || text == null) {
                throw new IllegalArgumentException("a prompt message needs a role and a text");
            }
            if (tokenIds != null && !text.isEmpty()) {
                throw new IllegalArgumentException("a prompt message is text or token ids, not both");
            }
        }

        /** A message of text. */
        public Message(String role, String text) {
            this(role, text, null);
        }

        /** A message of token ids (a copy of {@code ids} is kept). */
        public static Message ofTokenIds(String role, int[] ids) {
            return new Message(role, "", ids.clone());
        }
    }

    /** A prompt of one user message. */
    public static Prompt ofUser(String text) {
        return new Prompt(List.of(new Message("user", text)));
    }

    /** The characters of every message's text. */
    public long chars() {
        long n = 0;
        for (Message m : messages) {
            n += m.text().length();
        }
        return n;
    }
}
