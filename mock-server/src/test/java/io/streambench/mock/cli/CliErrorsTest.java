package io.streambench.mock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streambench.mock.UsageException;
import io.streambench.mock.profile.ProfileException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The one mapping of every command: bad usage exits 2 with one line; a broken invariant is an internal error
 * (exit 1, said so, with a hint to report it), never the user's fault; an I/O failure exits 1 with one line.
 * Each case runs through {@link MockServerCommand#configure}, the handlers the mock installs.
 */
class CliErrorsTest {

    @Test
    void shouldReportUsageAsTwoAndOneLine() {
        Run run = run(new UsageException("--port must be in [0, 65535], got 70000"));

        assertEquals(2, run.code);
        assertEquals("boom: --port must be in [0, 65535], got 70000", run.err.strip());
    }

    @Test
    void shouldReportABadProfileAsUsage() {
        Run run = run(new ProfileException("p.yaml: profiles.a.itl_ms: unknown distribution 'gamma'"));

        assertEquals(2, run.code);
        assertEquals(1, run.err.strip().lines().count(), run.err);
    }

    @Test
    void shouldReportABrokenInvariantAsAnInternalErrorNotAsBadUsage() {
        Run run = run(new IllegalStateException("pacer holds 3 streams but no slot is occupied"));

        assertEquals(1, run.code, run.err);
        assertTrue(run.err.startsWith("boom: internal error: java.lang.IllegalStateException: pacer holds 3 streams"),
                run.err);
        assertTrue(run.err.contains("bug in streambench") && run.err.contains("report it"), run.err);
        assertTrue(run.err.contains(CliErrors.DEBUG_ENV + "=1"), "how to see the stack trace: " + run.err);
        assertFalse(run.err.contains("\tat "), "no stack trace without the debug variable: " + run.err);
    }

    @Test
    void shouldReportAnIllegalArgumentThatIsNotUsageAsAnInternalError() {
        Run run = run(new IllegalArgumentException("bad figure value=NaN"));

        assertEquals(1, run.code, run.err);
        assertTrue(run.err.contains("internal error"), run.err);
    }

    @Test
    void shouldReportAnIoFailureAsOneLineAndOneWithoutCallingItABug() {
        Run run = run(new UncheckedIOException("cannot write out/run.json: No space left on device",
                new IOException("No space left on device")));

        assertEquals(1, run.code);
        assertEquals("boom: cannot write out/run.json: No space left on device", run.err.strip());
    }

    @Test
    void shouldPrintTheStackTraceOfAnInternalErrorInDebugMode() {
        Run run = run(new IllegalStateException("broken"), true);

        assertEquals(1, run.code);
        assertTrue(run.err.contains("internal error: java.lang.IllegalStateException: broken"), run.err);
        assertTrue(run.err.contains("\tat " + CliErrorsTest.class.getName()), run.err);
    }

    @Test
    void shouldReadTheDebugVariableAsOnUnlessEmptyZeroOrFalse() {
        assertFalse(CliErrors.debug(null));
        assertFalse(CliErrors.debug(""));
        assertFalse(CliErrors.debug("0"));
        assertFalse(CliErrors.debug("False"));
        assertTrue(CliErrors.debug("1"));
        assertTrue(CliErrors.debug("yes"));
    }

    @Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        private final RuntimeException toThrow;

        Boom(RuntimeException toThrow) {
            this.toThrow = toThrow;
        }

        @Override
        public Integer call() {
            throw toThrow;
        }
    }

    private static Run run(RuntimeException toThrow) {
        return run(toThrow, false);
    }

    private static Run run(RuntimeException toThrow, boolean debug) {
        CommandLine cmd = new CommandLine(new Boom(toThrow));
        if (debug) {
            CliErrors.configure(cmd, true);
        } else {
            MockServerCommand.configure(cmd);
        }
        StringWriter err = new StringWriter();
        cmd.setErr(new PrintWriter(err, true));
        cmd.setOut(new PrintWriter(new StringWriter(), true));
        return new Run(cmd.execute(), err.toString());
    }

    private record Run(int code, String err) {
    }
}
