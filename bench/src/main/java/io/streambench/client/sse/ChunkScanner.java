package io.streambench.client.sse;

/**
 * A hand-written reader for the chunks that make up almost every chat or legacy completions stream: an
 * object of scalar fields plus {@code choices} whose {@code delta} holds {@code role}, {@code content},
 * {@code reasoning_content} or {@code reasoning} and other scalars (legacy completions: the choice's
 * {@code text}). It checks the JSON grammar as strictly as Jackson for everything it accepts (string
 * escapes, UTF-8, number syntax, literals, nothing after the object) and decodes strings straight
 * into the reused {@link ChunkScratch}.
 *
 * <p>Anything else makes {@link #scan} return false and the caller falls back to Jackson:
 * nested objects or arrays other than {@code choices} and {@code delta} (so tool calls, usage
 * and error objects), escaped or non-ASCII keys, and every input it cannot prove valid.
 */
final class ChunkScanner extends JsonScan {

    private static final byte[] CHOICES = ascii("choices");
    private static final byte[] USAGE = ascii("usage");
    private static final byte[] ERROR = ascii("error");
    private static final byte[] INDEX = ascii("index");
    private static final byte[] DELTA = ascii("delta");
    private static final byte[] FINISH_REASON = ascii("finish_reason");
    private static final byte[] LOGPROBS = ascii("logprobs");
    private static final byte[] ROLE = ascii("role");
    private static final byte[] CONTENT = ascii("content");
    private static final byte[] TEXT = ascii("text");
    private static final byte[] REASONING_CONTENT = ascii("reasoning_content");
    private static final byte[] REASONING = ascii("reasoning");
    private static final byte[] TOOL_CALLS = ascii("tool_calls");

    private final ChunkScratch scratch;

    ChunkScanner(ChunkScratch scratch) {
        this.scratch = scratch;
    }

    @Override
    boolean root() {
        scratch.reset();
        if (!open('{')) {
            return false;
        }
        if (close('}')) {
            return afterRoot();
        }
        do {
            if (!key()) {
                return false;
            }
            boolean ok;
            if (keyIs(CHOICES)) {
                ok = choices();
            } else if (keyIs(USAGE) || keyIs(ERROR)) {
                ok = literal(NULL);
            } else {
                ok = scalar();
            }
            if (!ok) {
                return false;
            }
        } while (comma());
        return close('}') && afterRoot();
    }

    private boolean choices() {
        if (peek() == 'n') {
            return literal(NULL);
        }
        if (!open('[')) {
            return false;
        }
        if (close(']')) {
            return true;
        }
        do {
            skipWhitespace();
            if (!choice(scratch.addChoice())) {
                return false;
            }
        } while (comma());
        return close(']');
    }

    private boolean choice(ChunkScratch.Choice choice) {
        if (!open('{')) {
            return false;
        }
        if (close('}')) {
            return true;
        }
        do {
            if (!key()) {
                return false;
            }
            boolean ok;
            if (keyIs(INDEX)) {
                if (peek() == 'n') {
                    ok = literal(NULL);
                    choice.index = 0;
                } else {
                    ok = index();
                    choice.index = intValue;
                }
            } else if (keyIs(DELTA)) {
                ok = peek() == 'n' ? literal(NULL) : delta(choice);
            } else if (keyIs(FINISH_REASON)) {
                choice.hasFinishReason = peek() != 'n';
                ok = choice.hasFinishReason ? string(choice.finishReason) : literal(NULL);
            } else if (keyIs(LOGPROBS)) {
                ok = literal(NULL);
            } else if (keyIs(TEXT)) {
                choice.hasContent = peek() != 'n';
                ok = choice.hasContent ? string(choice.content) : literal(NULL);
            } else {
                ok = scalar();
            }
            if (!ok) {
                return false;
            }
        } while (comma());
        return close('}');
    }

    private boolean delta(ChunkScratch.Choice choice) {
        if (!open('{')) {
            return false;
        }
        if (close('}')) {
            return true;
        }
        do {
            if (!key()) {
                return false;
            }
            boolean ok;
            if (keyIs(ROLE)) {
                choice.hasRole = peek() != 'n';
                ok = choice.hasRole ? string(choice.role) : literal(NULL);
            } else if (keyIs(CONTENT)) {
                choice.hasContent = peek() != 'n';
                ok = choice.hasContent ? string(choice.content) : literal(NULL);
            } else if (keyIs(TOOL_CALLS)) {
                ok = literal(NULL);
            } else if (keyIs(REASONING_CONTENT) || keyIs(REASONING)) {
                choice.hasReasoning = peek() != 'n';
                ok = choice.hasReasoning ? string(choice.reasoning) : literal(NULL);
            } else {
                ok = scalar();
            }
            if (!ok) {
                return false;
            }
        } while (comma());
        return close('}');
    }
}
