package io.streambench.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the command line as a user would, in process, and captures what it prints. */
final class Cli {

    private Cli() {
    }

    /** Exit code and what the command printed through picocli's out and err. */
    record Outcome(int code, String out, String err) {
    }

    static Outcome execute(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = Main.configure(new CommandLine(new Main()));
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int code = cmd.execute(args);
        return new Outcome(code, out.toString(), err.toString());
    }
}
