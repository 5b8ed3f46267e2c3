package io.streambench.client.sse;

/**
 * {@code bytes-scan}'s reader of the Responses API's per-token events ({@code response.output_text.delta},
 * {@code response.reasoning_summary_text.delta}, {@code response.function_call_arguments.delta}) and every
 * other event made of the same parts: {@code type}, {@code delta}, {@code output_index}, and fields no
 * listener needs ({@code item_id}, {@code logprobs}, {@code sequence_number}, {@code obfuscation}...), which
 * are checked and skipped. An event with an {@code item}, a {@code response} or an error is left to Jackson.
 */
final class ResponsesScanner extends JsonScan<ResponsesScratch> {


    ResponsesScanner(ResponsesScratch scratch) {
        super(scratch);
    }

    @Override
    boolean field(int kind) {
        if (keyIs("type")) {
            return stringOrNull(scratch.type);
        }
        if (keyIs("delta")) {
            return stringOrNull(scratch.delta);
        }
        if (keyIs("output_index")) {
            boolean ok = indexOrNull();
            scratch.outputIndex = intValue;
            return ok;
        }
        return !(keyIs("item") || keyIs("response") || keyIs("error") || keyIs("code") || keyIs("message"))
                && skipValue();
    }
}
