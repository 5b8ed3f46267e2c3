package io.streambench.client.stack;

import io.streambench.client.sse.ParserFactory;
import java.time.Duration;
import java.util.Objects;

/**
 * What a stack is made with.
 *
 * @param parser         the SSE parser of stacks that take bytes and leave the parsing to the application (the
 *                       JDK's {@code HttpClient}, our Netty client); stacks with their own parser ignore it, and
 *                       say so ({@link ClientStackProvider#usesParser})
 * @param connectTimeout TCP (and TLS) connect, where the stack has such a setting
 * @param ioThreads      event loops or selector threads, 0 for the stack's own default
 * @param sendStamps     the server sends {@code : t=} stamps (the mock, asked to): stacks that drop comments then
 *                       read them from the body bytes
 */
public record StackSettings(ParserFactory parser, Duration connectTimeout, int ioThreads, boolean sendStamps) {

    public StackSettings {
        Objects.requireNonNull(parser, "parser");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        if (ioThreads < 0) {
            throw new IllegalArgumentException("io threads must be >= 0, got " + ioThreads);
        }
    }
}
