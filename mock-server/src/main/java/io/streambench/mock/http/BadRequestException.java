package io.streambench.mock.http;

/** A request the server refuses with 400 and an OpenAI error object naming {@code param}. */
final class BadRequestException extends RuntimeException {

    private final String param;
    private final String code;

    BadRequestException(String param, String code, String message) {
        super(message, null, false, false);
        this.param = param;
        this.code = code;
    }

    String param() {
        return param;
    }

    String code() {
        return code;
    }
}
