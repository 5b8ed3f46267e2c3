package io.streambench.mock.cli;

import io.streambench.mock.MockServer;
import io.streambench.mock.MockServerConfig;
import io.streambench.mock.Transport;
import io.streambench.mock.UsageException;
import io.streambench.mock.Version;
import io.streambench.mock.profile.ProfileLoader;
import io.streambench.mock.profile.Profiles;
import io.streambench.mock.tls.TlsIdentity;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code streambench-mock-server}: runs the mock server until SIGINT or SIGTERM. */
@Command(name = "mock", mixinStandardHelpOptions = true, versionProvider = MockServerCommand.VersionText.class,
        description = {"Serves an OpenAI-compatible chat completions endpoint that streams with controlled timing.",
            "Routes: POST /v1/chat/completions, GET /v1/models, GET /health, GET /stats (more in the README).",
            "The request's model picks the profile; x-mock-* headers override single knobs (see README)."},
        sortOptions = false)
public final class MockServerCommand implements Callable<Integer> {

    /** Answers of the default warm-up: enough for the per-request code to be compiled (docs/measuring.md). */
    static final int DEFAULT_WARMUP = 5000;
    /** The longest a warm-up may take, however few answers a busy machine got through. */
    static final int WARMUP_SECONDS = 10;

    @Option(names = "--port", paramLabel = "PORT", description = "TCP port, 0 for any free one (default: ${DEFAULT-VALUE}).")
    int port = 8080;

    @Option(names = "--host", paramLabel = "ADDRESS", description = "Address to bind (default: ${DEFAULT-VALUE}).")
    String host = "127.0.0.1";

    @Option(names = "--profiles", paramLabel = "FILE", description = "YAML or JSON profiles file, added to the built-ins.")
    Path profiles;

    @Option(names = "--io-threads", paramLabel = "N", description = "Event loop threads, 0 for one per core (default: ${DEFAULT-VALUE}).")
    int ioThreads = 0;

    @Option(names = "--max-body-bytes", paramLabel = "BYTES", description = "Largest request body; larger gets 413 (default: ${DEFAULT-VALUE}).")
    int maxBodyBytes = MockServerConfig.DEFAULT_MAX_BODY_BYTES;

    @Option(names = "--idle-timeout-ms", paramLabel = "MS", description = "Close connections idle this long with no request in flight, 0 never (default: ${DEFAULT-VALUE}).")
    long idleTimeoutMs = MockServerConfig.DEFAULT_IDLE_TIMEOUT_MILLIS;

    @Option(names = "--transport", paramLabel = "NAME", completionCandidates = TransportNames.class,
            description = "Socket transport: ${COMPLETION-CANDIDATES}; auto is epoll where available (default: ${DEFAULT-VALUE}).")
    String transport = Transport.AUTO;

    @Option(names = "--tls-cert", paramLabel = "PEM", description = "Serve https with this PEM certificate chain (leaf first); needs --tls-key.")
    Path tlsCert;

    @Option(names = "--tls-key", paramLabel = "PEM", description = "The PEM PKCS#8 private key (BEGIN PRIVATE KEY) of --tls-cert.")
    Path tlsKey;

    @Option(names = "--tls-self-signed", description = "Serve https with a self-signed EC certificate made at start for localhost, 127.0.0.1 and ::1; "
            + "its PEM is written to a temporary file whose path is printed (give it to clients as their CA file).")
    boolean tlsSelfSigned;

    @Option(names = "--record", paramLabel = "N", description = "Keep records of the last N requests whose prompt "
            + "carries a streambench tag (arrival, status, each event's write time and size), served on GET /records, "
            + "for 'streambench run --gateway URL --mock-url URL'; 0 records nothing (default: ${DEFAULT-VALUE}).")
    int record = 0;

    @Option(names = "--warmup", paramLabel = "N", description = "Before listening, stream N short answers from a private "
            + "copy of the server on loopback (at most " + WARMUP_SECONDS + " s), so that the first requests it serves run "
            + "compiled code, not the JIT's first tiers; its counters hold nothing of it; 0 skips (default: ${DEFAULT-VALUE}).")
    int warmup = DEFAULT_WARMUP;

    @Option(names = "--list-profiles", description = "Print the profiles and exit.")
    boolean listProfiles;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        Profiles loaded = profiles == null ? ProfileLoader.builtins() : ProfileLoader.load(profiles);
        if (listProfiles) {
            PrintWriter out = spec.commandLine().getOut();
            loaded.byName().values().forEach(p -> out.println(p.name() + (p.name().equals(loaded.defaultName())
                    ? " (default)" : "") + ": ttft_ms=" + p.ttftMs() + " itl_ms=" + p.itlMs() + " output_tokens="
                    + (p.outputTokens() == null ? "source" : p.outputTokens()) + " tokens_per_chunk=" + p.tokensPerChunk()
                    + (p.model().on() ? " " + p.model().describe() : "")));
            out.flush();
            return 0;
        }
        TlsIdentity tls = tlsIdentity();
        if (record < 0) {
            throw new UsageException("--record must be >= 0 (0 records nothing), got " + record);
        }
        MockServerConfig config = UsageException.whenInvalid(() -> new MockServerConfig(host, port, loaded, ioThreads,
                maxBodyBytes, Transport.named(transport), idleTimeoutMs, tls, record));
        if (warmup < 0) {
            throw new UsageException("--warmup must be >= 0 (0 skips it), got " + warmup);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (warmup > 0) {
            probeBind(config);
            MockServer.Warmup w = MockServer.warmUp(config, warmup, Duration.ofSeconds(WARMUP_SECONDS));
            out.printf(Locale.ROOT, "warmed up: %d answers%s in %.1f s from a private copy on loopback (--warmup 0 skips)%n",
                    w.answers(), w.failed() > 0 ? " (" + w.failed() + " failed)" : "", w.took().toNanos() / 1e9);
            out.flush();
        }
        MockServer server = MockServer.start(config);
        Path pem = tlsSelfSigned ? writeCertificate(tls) : null;
        if (pem != null) {
            out.println("self-signed certificate (trust it with --ca-file / curl --cacert): " + pem);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("streambench mock: shutting down");
            server.close();
            stopped.countDown();
        }, "mock-shutdown"));
        out.println("streambench mock listening on " + server.baseUrl() + " (" + server.transport()
                + ", profiles: " + String.join(", ", loaded.byName().keySet()) + "; default " + loaded.defaultName() + ")");
        out.println("  curl -N " + (pem != null ? "--cacert " + pem + " " : "") + server.baseUrl() + "/v1/chat/completions -H 'content-type: application/json' "
                + "-d '{\"model\":\"" + loaded.defaultName() + "\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}'");
        out.flush();
        stopped.await();
        return 0;
    }

    /**
     * Fails now, not after the warm-up, when the address cannot be bound: binds it with a plain socket and lets it
     * go (the server binds it again right after; another process taking it in between still gets the server's own
     * error).
     */
    private static void probeBind(MockServerConfig config) {
        if (config.port() == 0) {
            return;
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(config.host(), config.port()));
        } catch (IOException e) {
            throw new UsageException("cannot bind " + config.host() + ":" + config.port() + ": " + e.getMessage(), e);
        }
    }

    private TlsIdentity tlsIdentity() {
        if (tlsSelfSigned && (tlsCert != null || tlsKey != null)) {
            throw new UsageException("--tls-self-signed excludes --tls-cert and --tls-key");
        }
        if ((tlsCert == null) != (tlsKey == null)) {
            throw new UsageException("--tls-cert and --tls-key go together");
        }
        if (tlsSelfSigned) {
            return TlsIdentity.selfSigned();
        }
        return tlsCert == null ? null : TlsIdentity.fromPem(tlsCert, tlsKey);
    }

    private static Path writeCertificate(TlsIdentity tls) {
        try {
            Path pem = Files.createTempFile("streambench-mock-", ".pem");
            pem.toFile().deleteOnExit();
            Files.writeString(pem, tls.certificatesPem(), StandardCharsets.US_ASCII);
            return pem;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the self-signed certificate: " + e.getMessage(), e);
        }
    }

    /** Runs the command; exit codes as {@link CliErrors} says: 0 ok, 1 failure, 2 bad usage or configuration. */
    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs with picocli's standard wiring and this project's exit codes and one-line errors. */
    public static int execute(String... args) {
        return CliErrors.configure(new CommandLine(new MockServerCommand())).execute(args);
    }

    /** Sets the one-line error handlers on {@code cmd}: {@link CliErrors#configure(CommandLine)}. */
    public static CommandLine configure(CommandLine cmd) {
        return CliErrors.configure(cmd);
    }

    /** The transports, for --help. */
    static final class TransportNames extends ArrayList<String> {
        private static final long serialVersionUID = 1L;

        TransportNames() {
            super(Transport.names());
        }
    }

    /** {@code --version}: the build's version. */
    static final class VersionText implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"streambench mock server " + Version.current()};
        }
    }
}
