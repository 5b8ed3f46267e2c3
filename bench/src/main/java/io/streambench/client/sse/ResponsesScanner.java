package io.streambench.client.sse;

/**
 * {@code bytes-scan}'s reader of the Responses API's per-token events ({@code response.output_text.delta},
 * {@code response.reasoning_summary_text.delta}, {@code response.function_call_arguments.delta}) and every
 * other event made of the same parts: {@code type}, {@code delta}, {@code output_index}, and fields no
 * listener needs ({@code item_id}, {@code logprobs}, {@code sequence_number}, {@code obfuscation}...), which
 * are checked and skipped. An event with an {@code item}, a {@code response} or an error is left to Jackson.
 */
final class ResponsesScanner extends JsonScan {

    private static final byte[] TYPE = ascii("type");
    private static final byte[] DELTA = ascii("delta");
    private static final byte[] OUTPUT_INDEX = ascii("output_index");
    private static final byte[] ITEM = ascii("item");
    private static final byte[] RESPONSE = ascii("response");
    private static final byte[] ERROR = ascii("error");
    private static final byte[] CODE = ascii("code");
    private static final byte[] MESSAGE = ascii("message");

    private final ResponsesScratch scratch;

    ResponsesScanner(ResponsesScratch scratch) {
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
            if (keyIs(TYPE)) {
                scratch.hasType = peek() != 'n';
                ok = scratch.hasType ? string(scratch.type) : literal(NULL);
            } else if (keyIs(DELTA)) {
                scratch.hasDelta = peek() != 'n';
                ok = scratch.hasDelta ? string(scratch.delta) : literal(NULL);
            } else if (keyIs(OUTPUT_INDEX)) {
                ok = indexOrNull();
                scratch.outputIndex = intValue;
            } else if (keyIs(ITEM) || keyIs(RESPONSE) || keyIs(ERROR) || keyIs(CODE) || keyIs(MESSAGE)) {
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
}
