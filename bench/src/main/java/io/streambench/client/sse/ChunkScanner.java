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
final class ChunkScanner extends JsonScan<ChunkScratch> {

    private static final byte[] CHOICES = ascii("choices");
    private static final byte[] USAGE = ascii("usage");
    private static final byte[] ERROR = ascii("error");
    private static final byte[] INDEX = ascii("index");
    private static final byte[] DELTA_KEY = ascii("delta");
    private static final byte[] FINISH_REASON = ascii("finish_reason");
    private static final byte[] LOGPROBS = ascii("logprobs");
    private static final byte[] ROLE = ascii("role");
    private static final byte[] CONTENT = ascii("content");
    private static final byte[] TEXT = ascii("text");
    private static final byte[] REASONING_CONTENT = ascii("reasoning_content");
    private static final byte[] REASONING = ascii("reasoning");
    private static final byte[] TOOL_CALLS = ascii("tool_calls");

    private static final int CHOICE = 1;
    private static final int DELTA = 2;

    private ChunkScratch.Choice choice;

    ChunkScanner(ChunkScratch scratch) {
        super(scratch);
    }

    @Override
    boolean field(int kind) {
        return switch (kind) {
            case ROOT -> rootField();
            case CHOICE -> choiceField();
            default -> deltaField();
        };
    }

    @Override
    boolean element(int kind) {
        choice = scratch.addChoice();
        return object(CHOICE);
    }

    private boolean rootField() {
        if (keyIs(CHOICES)) {
            return arrayOrNull(CHOICE);
        }
        if (keyIs(USAGE) || keyIs(ERROR)) {
            return literal(NULL);
        }
        return scalar();
    }

    private boolean choiceField() {
        if (keyIs(INDEX)) {
            boolean ok = indexOrNull();
            choice.index = intValue;
            return ok;
        }
        if (keyIs(DELTA_KEY)) {
            return objectOrNull(DELTA);
        }
        if (keyIs(FINISH_REASON)) {
            return stringOrNull(choice.finishReason);
        }
        if (keyIs(LOGPROBS)) {
            return literal(NULL);
        }
        return keyIs(TEXT) ? stringOrNull(choice.content) : scalar();
    }

    private boolean deltaField() {
        if (keyIs(ROLE)) {
            return stringOrNull(choice.role);
        }
        if (keyIs(CONTENT)) {
            return stringOrNull(choice.content);
        }
        if (keyIs(TOOL_CALLS)) {
            return literal(NULL);
        }
        return keyIs(REASONING_CONTENT) || keyIs(REASONING) ? stringOrNull(choice.reasoning) : scalar();
    }
}
