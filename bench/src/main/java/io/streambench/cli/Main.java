package io.streambench.cli;

import io.streambench.mock.cli.MockServerCommand;
import io.streambench.mock.profile.ProfileException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code streambench}: the command line. Exit codes: 0 ok, 1 failed run, 2 bad usage or configuration. */
@Command(name = "streambench", mixinStandardHelpOptions = true, version = "streambench 0.1.0",
        description = "Measures how LLM responses stream over Server-Sent Events.",
        subcommands = {RunCommand.class, MockServerCommand.class, JmhCommand.class, CompareCommand.class,
            MergeCommand.class, ReportCommand.class,
            CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "choose a command: run, mock, jmh, compare, merge, report");
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code. */
    public static int execute(String... args) {
        return configure(new CommandLine(new Main())).execute(args);
    }

    /** Sets one-line error handling on the whole command tree. */
    static CommandLine configure(CommandLine cmd) {
        // jmh passes every option it does not know itself (-f, -prof, -h...) to JMH.
        CommandLine jmh = cmd.getSubcommands().get("jmh");
        if (jmh != null) {
            jmh.setUnmatchedOptionsArePositionalParams(true);
        }
        cmd.setParameterExceptionHandler((ex, a) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println(qualified(ex.getCommandLine()) + ": " + ex.getMessage() + " (see --help)");
            err.flush();
            return 2;
        });
        cmd.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            int code;
            if (ex instanceof IllegalArgumentException || ex instanceof IllegalStateException
                    || ex instanceof ProfileException) {
                err.println(qualified(commandLine) + ": " + ex.getMessage());
                code = 2;
            } else if (ex instanceof UncheckedIOException) {
                err.println(qualified(commandLine) + ": " + ex.getMessage());
                code = 1;
            } else {
                err.println(qualified(commandLine) + ": unexpected error: " + ex);
                code = 1;
            }
            err.flush();
            return code;
        });
        return cmd;
    }

    private static String qualified(CommandLine cmd) {
        return cmd.getCommandSpec().qualifiedName();
    }
}
