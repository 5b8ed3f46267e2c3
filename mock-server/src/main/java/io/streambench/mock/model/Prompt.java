package io.streambench.mock.model;

import java.util.List;

/**
 * The text a request asks the model to read, in every API's terms: its messages in order, each with the role
 * it was sent under (a system prompt, the turns of a conversation, a completions prompt). Decoders of each API
 * make one; the model counts its tokens and hashes its blocks. Not an API: public for {@code wire} and
 * {@code http}.
 *
 * @param messages the messages in the order the model reads them
 */
public record Prompt(List<Message> messages) {

    /** A prompt of no messages. */
    public static final Prompt EMPTY = new Prompt(List.of());

    public Prompt {
        messages = List.copyOf(messages);
    }

    /** One message: the role it was sent under ({@code system}, {@code user}, ...) and its text. */
    public record Message(String role, String text) {
        public Message {
            if (role == null || text == null) {
                throw new IllegalArgumentException("a prompt message needs a role and a text");
            }
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
