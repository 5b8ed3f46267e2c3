package io.streambench.client.sse;

/**
 * {@code bytes-scan}'s reader of Anthropic's per-token event, {@code content_block_delta}
 * ({@code text_delta}, {@code thinking_delta}, {@code input_json_delta}, {@code signature_delta}), and of
 * {@code message_stop}: {@code type}, {@code index} and a flat {@code delta}, other fields checked and
 * skipped. An event with a {@code message}, a {@code content_block}, {@code usage} or an error is left to
 * Jackson.
 */
final class MessagesScanner extends JsonScan {

    private static final byte[] INDEX = ascii("index");
    private static final byte[] DELTA = ascii("delta");
    private static final byte[] MESSAGE = ascii("message");
    private static final byte[] CONTENT_BLOCK = ascii("content_block");
    private static final byte[] USAGE = ascii("usage");
    private static final byte[] ERROR = ascii("error");
    private static final byte[] TEXT = ascii("text");
    private static final byte[] THINKING = ascii("thinking");
    private static final byte[] PARTIAL_JSON = ascii("partial_json");
    private static final byte[] STOP_REASON = ascii("stop_reason");

    private final MessagesScratch scratch;

    MessagesScanner(MessagesScratch scratch) {
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
            if (keyIs(INDEX)) {
                ok = indexOrNull();
                scratch.index = intValue;
            } else if (keyIs(DELTA)) {
                ok = peek() == 'n' ? literal(NULL) : delta();
            } else if (keyIs(MESSAGE) || keyIs(CONTENT_BLOCK) || keyIs(USAGE) || keyIs(ERROR)) {
                ok = false;
            } else {
                ok = skipValue();
            }
            if (!ok) {
                return false;
            }
        } while (comma());
        return close('}') && afterRoot();
    }

    private boolean delta() {
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
            if (keyIs(TEXT)) {
                scratch.hasText = peek() != 'n';
                ok = scratch.hasText ? string(scratch.text) : literal(NULL);
            } else if (keyIs(THINKING)) {
                scratch.hasThinking = peek() != 'n';
                ok = scratch.hasThinking ? string(scratch.thinking) : literal(NULL);
            } else if (keyIs(PARTIAL_JSON)) {
                scratch.hasPartialJson = peek() != 'n';
                ok = scratch.hasPartialJson ? string(scratch.partialJson) : literal(NULL);
            } else if (keyIs(STOP_REASON)) {
                scratch.hasStopReason = peek() != 'n';
                ok = scratch.hasStopReason ? string(scratch.stopReason) : literal(NULL);
            } else {
                ok = skipValue();
            }
            if (!ok) {
                return false;
            }
        } while (comma());
        return close('}');
    }
}
