package io.streambench.mock.internal.profile;

/** An endless source of output tokens for one choice of one stream. */
@FunctionalInterface
public interface TokenStream {

    /** The next token; never null. */
    Token next();
}
