package io.streambench.mock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streambench.mock.profile.ProfileLoader;
import io.streambench.mock.testing.PomVersion;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The command line: bad input exits 2 with one line on stderr that names the problem; help and the profile list
 * exit 0. No test here starts a server: every run either fails before binding or only lists profiles, and each
 * is bounded in time in case a regression makes it serve.
 */
class MockServerCommandTest {

    private static final Duration BOUND = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    @Test
    void shouldRejectUnknownFlag() {
        Run run = run("--bogus");

        run.assertUsageError("--bogus");
    }

    @Test
    void shouldRejectPortThatIsNotANumber() {
        Run run = run("--port", "abc");

        run.assertUsageError("--port", "abc");
    }

    @Test
    void shouldRejectPortAboveRange() {
        Run run = run("--port", "70000");

        run.assertUsageError("port", "70000");
    }

    @Test
    void shouldRejectANegativeWarmup() {
        Run run = run("--warmup", "-1");

        run.assertUsageError("--warmup", "-1");
    }

    @Test
    void shouldRefuseAPortInUseBeforeWarmingUp() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            long start = System.nanoTime();
            Run run = run("--port", Integer.toString(taken.getLocalPort()), "--warmup", "1000000");

            run.assertUsageError("cannot bind", "127.0.0.1:" + taken.getLocalPort());
            assertTrue(System.nanoTime() - start < Duration.ofSeconds(5).toNanos(),
                    "the address is checked before a warm-up of up to 10 s");
        }
    }

    @Test
    void shouldRejectATlsCertificateWithoutItsKey() throws IOException {
        Path cert = Files.writeString(dir.resolve("cert.pem"), "");

        Run run = run("--tls-cert", cert.toString(), "--port", "0");

        run.assertUsageError("--tls-cert", "--tls-key");
    }

    @Test
    void shouldRejectAKeyFileWithoutAPkcs8Key() throws IOException {
        Path cert = Files.writeString(dir.resolve("cert.pem"),
                io.streambench.mock.tls.TlsIdentity.selfSigned().certificatesPem());
        Path key = Files.writeString(dir.resolve("key.pem"), "-----BEGIN EC PRIVATE KEY-----\nAAAA\n-----END EC PRIVATE KEY-----\n");

        Run run = run("--tls-cert", cert.toString(), "--tls-key", key.toString(), "--port", "0");

        run.assertUsageError("PKCS#8", "key.pem");
    }

    @Test
    void shouldRejectProfilesFileThatDoesNotExist() {
        Path missing = dir.resolve("missing.yaml");

        Run run = run("--profiles", missing.toString());

        run.assertUsageError(missing.toString());
    }

    @Test
    void shouldRejectProfilesFileWithBadDistribution() throws IOException {
        Path file = Files.writeString(dir.resolve("bad.yaml"), "profiles: {slow: {extends: instant, itl_ms: 'gamma:1:2'}}",
                StandardCharsets.UTF_8);

        Run run = run("--profiles", file.toString());

        run.assertUsageError("profiles.slow.itl_ms", "gamma");
    }

    @Test
    void shouldRejectProfilesFileThatIsNotYaml() throws IOException {
        Path file = Files.writeString(dir.resolve("broken.yaml"), "profiles: {a: [unclosed", StandardCharsets.UTF_8);

        Run run = run("--profiles", file.toString());

        run.assertUsageError(file.toString());
    }

    @Test
    void shouldRejectUnknownTransport() {
        Run run = run("--transport", "foo");

        run.assertUsageError("transport", "foo");
    }

    @Test
    void shouldPrintHelpListingEveryOption() {
        Run run = run("--help");

        assertEquals(0, run.exitCode);
        assertEquals("", run.err);
        List<OptionSpec> options = newCommandLine().getCommandSpec().options();
        assertTrue(options.size() >= 9, "options: " + options.size());
        for (OptionSpec option : options) {
            assertTrue(run.out.contains(option.longestName()), option.longestName() + " missing from:\n" + run.out);
        }
        for (String expected : List.of("--port", "--host", "--profiles", "--io-threads", "--max-body-bytes",
                "--transport", "--list-profiles", "--help", "--version")) {
            assertTrue(run.out.contains(expected), expected + " missing from:\n" + run.out);
        }
    }

    @Test
    void shouldPrintVersion() {
        Run run = run("--version");

        assertEquals(0, run.exitCode);
        assertTrue(run.out.contains("0.1.0"), run.out);
    }

    @Test
    void shouldPrintTheVersionOfTheBuild() {
        Run run = run("--version");

        assertEquals("streambench mock server " + PomVersion.ofThisModule(), run.out.strip());
    }

    @Test
    void shouldRefuseAPortInUseAsBadUsageWithOneLine() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Run run = run("--port", Integer.toString(taken.getLocalPort()), "--transport", "nio");

            run.assertUsageError("cannot bind", "127.0.0.1:" + taken.getLocalPort());
        }
    }

    @Test
    void shouldListTheTransportsInHelp() {
        Run run = run("--help");

        assertTrue(run.out.contains("auto, nio, epoll, io_uring"), run.out);
    }

    @Test
    void shouldListBuiltinProfiles() {
        Run run = runCapturingSystemOut("--list-profiles");

        assertEquals(0, run.exitCode, run.err);
        assertEquals("", run.err);
        for (String name : ProfileLoader.builtins().byName().keySet()) {
            assertTrue(run.out.contains(name + ":") || run.out.contains(name + " (default)"), name + " in:\n" + run.out);
        }
        assertTrue(run.out.contains("realistic (default)"), run.out);
        assertTrue(run.out.contains("capacity-demo: ttft_ms=constant:10 itl_ms=constant:5 output_tokens=constant:16 "
                + "tokens_per_chunk=constant:1 capacity.sequences=32 capacity.itl_ms_per_sequence=0.1 "
                + "capacity.prefill_stall=0.0"), run.out);
    }

    @Test
    void shouldListProfilesFromFileWithTheBuiltins() throws IOException {
        Path file = Files.writeString(dir.resolve("p.yaml"), "profiles: {mine: {extends: instant, ttft_ms: 3}}",
                StandardCharsets.UTF_8);

        Run run = runCapturingSystemOut("--list-profiles", "--profiles", file.toString());

        assertEquals(0, run.exitCode, run.err);
        assertTrue(run.out.contains("mine: ttft_ms=constant:3"), run.out);
        assertTrue(run.out.contains("paced:"), run.out);
    }

    @Test
    void shouldPrintProfileListToTheCommandLineOut() {
        Run run = run("--list-profiles");

        assertTrue(run.out.contains("realistic"), "captured: '" + run.out + "'");
    }

    private static CommandLine newCommandLine() {
        return MockServerCommand.configure(new CommandLine(new MockServerCommand()));
    }

    private static Run run(String... args) {
        CommandLine cmd = newCommandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int code = assertTimeoutPreemptively(BOUND, () -> cmd.execute(args), "the command must not start serving");
        return new Run(code, out.toString(), err.toString());
    }

    /** For output the command writes to System.out rather than to the CommandLine's writer. */
    private static Run runCapturingSystemOut(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Run run;
        try {
            System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
            run = run(args);
        } finally {
            System.setOut(original);
        }
        return new Run(run.exitCode, run.out + bytes.toString(StandardCharsets.UTF_8), run.err);
    }

    private record Run(int exitCode, String out, String err) {

        void assertUsageError(String... named) {
            assertEquals(2, exitCode, "exit code; stderr: " + err);
            assertEquals("", out, "nothing on stdout");
            String line = err.strip();
            assertTrue(!line.isEmpty() && !line.contains("\n") && !line.contains("\r"),
                    "exactly one line on stderr: '" + err + "'");
            for (String n : named) {
                assertTrue(line.contains(n), "'" + n + "' not named in: " + line);
            }
        }
    }
}
