package io.streambench.client.sse;

/**
 * {@code bytes-scan}'s reader of Anthropic's per-token event, {@code content_block_delta}
 * ({@code text_delta}, {@code thinking_delta}, {@code input_json_delta}, {@code signature_delta}), and of
 * {@code message_stop}: {@code type}, {@code index} and a flat {@code delta}, other fields checked and
 * skipped. An event with a {@code message}, a {@code content_block}, {@code usage} or an error is left to
 * Jackson.
 */
final class MessagesScanner extends JsonScan<MessagesScratch> {

    private static final int DELTA = 1;


    MessagesScanner(MessagesScratch scratch) {
        super(scratch);
    }

    @Override
    boolean field(int kind) {
        if (kind == DELTA) {
            return deltaField();
        }
        if (keyIs("index")) {
            boolean ok = indexOrNull();
            scratch.index = intValue;
            return ok;
        }
        if (keyIs("delta")) {
            return objectOrNull(DELTA);
        }
        return !(keyIs("message") || keyIs("content_block") || keyIs("usage") || keyIs("error")) && skipValue();
    }

    private boolean deltaField() {
        if (keyIs("text")) {
            return stringOrNull(scratch.text);
        }
        if (keyIs("thinking")) {
            return stringOrNull(scratch.thinking);
        }
        if (keyIs("partial_json")) {
            return stringOrNull(scratch.partialJson);
        }
        return keyIs("stop_reason") ? stringOrNull(scratch.stopReason) : skipValue();
    }
}
