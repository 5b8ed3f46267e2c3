package io.streambench.mock.internal.http;

/** A request body the server refuses: thrown while decoding it, answered with its {@link ErrorReply}. */
final class BadRequestException extends RuntimeException {

    private final transient ErrorReply reply;

    BadRequestException(ErrorReply reply) {
        super(reply.message(), null, false, false);
        this.reply = reply;
    }

    ErrorReply reply() {
        return reply;
    }
}
