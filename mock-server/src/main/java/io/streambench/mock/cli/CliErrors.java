package io.streambench.mock.cli;

import io.streambench.mock.UsageException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Locale;
import picocli.CommandLine;

/**
 * How every streambench command ends when something goes wrong: one mapping for {@code streambench ...} and the
 * standalone mock.
 *
 * <ul>
 *   <li>bad usage (a picocli parameter error, a {@link UsageException}): exit 2 and one line on stderr;
 *   <li>an I/O failure (disk full, a file that vanished): exit 1 and one line, for it is neither the user's
 *       input nor a bug;
 *   <li>anything else is a bug in streambench: exit 1, "internal error: ..." and a hint to report it. The stack
 *       trace is printed only when the environment variable {@value #DEBUG_ENV} is set (to anything but
 *       {@code 0} or {@code false}).
 * </ul>
 */
public final class CliErrors {

    /** Bad usage: options, files, configuration. */
    public static final int USAGE = 2;
    /** The command failed: a failed run, an I/O failure, a bug. */
    public static final int FAILED = 1;
    /** Set it to print the stack trace of an internal error. */
    public static final String DEBUG_ENV = "STREAMBENCH_DEBUG";

    private CliErrors() {
    }

    /** Installs the mapping on {@code cmd} and its subcommands; the stack trace follows {@value #DEBUG_ENV}. */
    public static CommandLine configure(CommandLine cmd) {
        return configure(cmd, debug(System.getenv(DEBUG_ENV)));
    }

    /** Installs the mapping; {@code stackTraces} prints the stack trace of internal errors. */
    public static CommandLine configure(CommandLine cmd, boolean stackTraces) {
        cmd.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println(name(ex.getCommandLine()) + ": " + ex.getMessage() + " (see --help)");
            err.flush();
            return USAGE;
        });
        cmd.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            int code = report(ex, name(commandLine), err, stackTraces);
            err.flush();
            return code;
        });
        return cmd;
    }

    /** Prints what {@code ex} means for the user and returns the exit code. */
    static int report(Exception ex, String command, PrintWriter err, boolean stackTraces) {
        if (ex instanceof UsageException) {
            err.println(command + ": " + ex.getMessage());
            return USAGE;
        }
        if (ex instanceof UncheckedIOException || ex instanceof IOException) {
            err.println(command + ": " + ex.getMessage());
            return FAILED;
        }
        err.println(command + ": internal error: " + ex);
        if (stackTraces) {
            ex.printStackTrace(err);
        } else {
            err.println("  This is a bug in streambench; please report it with the command line. " + DEBUG_ENV
                    + "=1 prints the stack trace.");
        }
        return FAILED;
    }

    static boolean debug(String value) {
        if (value == null) {
            return false;
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        return !v.isEmpty() && !v.equals("0") && !v.equals("false");
    }

    private static String name(CommandLine cmd) {
        return cmd.getCommandSpec().qualifiedName();
    }
}
