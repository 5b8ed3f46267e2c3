package io.streambench.mock;

import java.util.function.Supplier;

/**
 * Input a user gave (an option, a file, a header, a configuration value) that cannot be used. The message is
 * one line that names the bad value and, where it helps, what to give instead; the command line prints it and
 * exits with status 2, and nothing about it is a bug in streambench.
 *
 * <p>It is an {@link IllegalArgumentException}, so library callers that build configuration records keep their
 * contract; what a command reports as bad usage is this type only, never an arbitrary
 * {@code IllegalArgumentException} or {@code IllegalStateException}, which mean a broken invariant.
 *
 * <pre>
 * if (port &lt; 0 || port &gt; 65535) {
 *     throw new UsageException("--port must be in [0, 65535], got " + port);
 * }
 * </pre>
 */
public class UsageException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }

    /** With the exception that explains it (a parse error, an I/O failure reading the user's file). */
    public UsageException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Runs {@code check}, which turns user input into a value (a configuration record, a parsed file), and
     * reports its {@code IllegalArgumentException} as bad usage: for the places where a command hands what the
     * user typed to a library that validates it.
     */
    public static <T> T whenInvalid(Supplier<T> check) {
        try {
            return check.get();
        } catch (UsageException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        }
    }
}
