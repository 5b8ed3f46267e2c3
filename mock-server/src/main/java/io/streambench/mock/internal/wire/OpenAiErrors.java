package io.streambench.mock.internal.wire;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The error object of every OpenAI API (chat completions, legacy completions, Responses):
 * {@code {"error": {"message", "type", "param", "code"}}}, with the {@code type} OpenAI gives each status.
 */
final class OpenAiErrors {

    /** The message of a mid-stream error event the fault does not word itself. */
    static final String STREAM_ERROR_MESSAGE =
            "The server had an error while processing your request. Sorry about that!";
    /** The type of a mid-stream error event the fault does not name. */
    static final String STREAM_ERROR_TYPE = "server_error";

    private OpenAiErrors() {
    }

    /** A fault's error message, or the OpenAI APIs' usual one. */
    static String message(String message) {
        return message != null ? message : STREAM_ERROR_MESSAGE;
    }

    /** A fault's error type, or the OpenAI APIs' usual one. */
    static String type(String type) {
        return type != null ? type : STREAM_ERROR_TYPE;
    }

    /**
     * @param param the request field at fault, or null
     * @param code a machine-readable code, or null
     */
    static String body(int status, String message, String param, String code) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ObjectNode error = root.putObject("error");
        error.put("message", message);
        error.put("type", typeFor(status));
        if (param == null) {
            error.putNull("param");
        } else {
            error.put("param", param);
        }
        if (code == null) {
            error.putNull("code");
        } else {
            error.put("code", code);
        }
        return root.toString();
    }

    /** The {@code type} OpenAI gives an error of {@code status}. */
    private static String typeFor(int status) {
        return switch (status) {
            case 401 -> "invalid_request_error";
            case 403 -> "permission_error";
            case 404 -> "invalid_request_error";
            case 429 -> "rate_limit_error";
            default -> status >= 500 ? "server_error" : "invalid_request_error";
        };
    }
}
