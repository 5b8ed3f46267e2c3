package io.streambench.cli;

import io.streambench.mock.Version;
import io.streambench.mock.cli.CliErrors;
import io.streambench.mock.cli.MockServerCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code streambench}: the command line. Exit codes ({@link CliErrors}): 0 ok, 1 failed run or internal error, 2 bad
 * usage or configuration.
 */
@Command(name = "streambench", mixinStandardHelpOptions = true, versionProvider = Main.VersionText.class,
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

    /** Sets one-line error handling on the whole command tree: {@link CliErrors}. */
    static CommandLine configure(CommandLine cmd) {
        // jmh passes every option it does not know itself (-f, -prof, -h...) to JMH.
        CommandLine jmh = cmd.getSubcommands().get("jmh");
        if (jmh != null) {
            jmh.setUnmatchedOptionsArePositionalParams(true);
        }
        return CliErrors.configure(cmd);
    }

    /** {@code --version}: the build's version. */
    static final class VersionText implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"streambench " + Version.current()};
        }
    }
}
