package io.streambench.cli;

import io.streambench.driver.ClientTls;
import io.streambench.driver.gateway.GatewaySettings;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;

/**
 * {@code streambench run}: drives parallel streams against the embedded mock or a URL and writes a report. The
 * options come in groups, one class each ({@link TargetOptions}, {@link LoadOptions}...); {@link RunConfigReader}
 * reads them into a run, which a {@link RunSession} carries out.
 */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false, usageHelpWidth = 110,
        description = {"Drives parallel streaming requests (chat completions, or --api completions, responses, messages, gemini) and writes reports/<timestamp>-<name>/ "
                + "(run.json, requests.csv, summary.csv, timeline.csv, *.hlog, report.html; see reports/README.md).",
            "Without --url it starts an embedded mock server (no network, no key). The URL requests go to is "
                + "printed at the start (target: ...) and kept in run.json.",
            "Exit codes: 0 ok, 1 the run failed (no request succeeded, or --fail-fast stopped it), 2 bad usage "
                + "(options, files), 130 stopped by Ctrl-C (the files still hold everything measured until then)."},
        footer = {"", "Examples:",
            "  streambench run --mock-profile paced --concurrency 64 --duration 30s",
            "  streambench run --rate 5,20,80 --arrival poisson --duration 20s --warmup 5s",
            "  streambench run --url https://api.openai.com/v1 --model gpt-4o-mini \\",
            "      --api-key-env OPENAI_API_KEY --concurrency 4 --requests 20 --max-tokens 200",
            "  streambench run --url https://api.anthropic.com --api messages --model claude-sonnet-4-5 \\",
            "      --api-key-env ANTHROPIC_API_KEY --concurrency 4 --requests 20 --max-tokens 200",
            "  streambench run --api responses --mock-profile paced --concurrency 64 --duration 30s",
            "  streambench run --gateway http://127.0.0.1:8081/v1 --mock-port 9100 --mock-profile paced --duration 10s",
            "  streambench run --input-tokens normal:1000:200 --output-tokens 200 --prefix-tokens 500 --prefix-groups 8",
            "  streambench run --trace docs/examples/traces/mooncake-synthetic-1000.jsonl --time-scale 10",
            "  streambench run --mock-profile capacity-demo --find-max-rate --slo 'ttft.p99<=100ms' --warmup 1s --duration 3s",
            "  streambench run --mock-profile capacity-demo --sweep 5 --slo 'ttft.p99<=100ms' --warmup 1s --duration 3s"})
public final class RunCommand implements Callable<Integer> {

    /** The exit status after Ctrl-C, as shells report a process ended by SIGINT (128 + 2). */
    static final int EXIT_INTERRUPTED = 130;

    @ArgGroup(validate = false, heading = "%nTarget (default: an embedded mock server)%n")
    TargetOptions target = new TargetOptions();

    @ArgGroup(validate = false, heading = "%nEmbedded mock server (without --url only; refused with it)%n")
    MockOptions mock = new MockOptions();

    @ArgGroup(validate = false, heading = "%nMeasuring a gateway (see the README, \"Measuring a gateway\")%n")
    GatewayOptions gateway = new GatewayOptions();

    @ArgGroup(validate = false, heading = "%nWorkload: what the requests say (default: one fixed prompt; see the "
            + "README, \"Workloads\")%n")
    WorkloadOptions workload = new WorkloadOptions();

    @ArgGroup(validate = false, heading = "%nLoad%n")
    LoadOptions load = new LoadOptions();

    @ArgGroup(validate = false, heading = "%nObjectives and limits (see the README, \"Finding the limits\")%n")
    ObjectiveOptions objectives = new ObjectiveOptions();

    @ArgGroup(validate = false, heading = "%nClient strategies%n")
    ClientStrategyOptions client = new ClientStrategyOptions();

    @ArgGroup(validate = false, heading = "%nTimeouts and retries (durations: 500ms, 10s, 2m, 1h)%n")
    TimeoutOptions limits = new TimeoutOptions();

    @ArgGroup(validate = false, heading = "%nOutput%n")
    OutputOptions output = new OutputOptions();

    @ArgGroup(validate = false, heading = "%nSeveral drivers (merge their reports with 'streambench merge')%n")
    DriverOptions driver = new DriverOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        RunConfigReader options = new RunConfigReader(spec.commandLine().getParseResult(), target, mock, gateway,
                workload, load, objectives, client, limits, output.name);
        RunConfigReader.Read read = options.read();
        GatewaySettings gatewaySettings = options.gatewaySettings();
        FileReasons.requireWritableFolder("--out", output.out);
        Launch launch = new Launch(driver.startAt == null ? null
                : Launch.parseStartAt(driver.startAt, Clock.systemDefaultZone()), driver.driverId, System.getenv());
        EmbeddedMock embedded = target.url == null && gateway.mockUrl == null
                ? new EmbeddedMock(mock.profile, mock.profiles, mock.tls) : null;
        ClientTls tls = options.clientTls();
        if (tls.insecure()) {
            System.err.println("WARNING: --insecure: https certificates and host names are NOT checked; "
                    + "anyone on the path can read and change this traffic");
        }
        RunSession session = new RunSession(read.config(), embedded, output.out, System.out, !output.quiet, tls,
                launch).clientWarmup(load.clientWarmup);
        if (gatewaySettings != null) {
            session.gateway(gatewaySettings);
        }
        if (read.limitPlan() != null) {
            session.limits(read.limitPlan());
        }
        RunSession.Result result = session.executeWithShutdownHook();
        if (session.stoppedByShutdown()) {
            // Ctrl-C: the JVM's signal thread exits with 130 (128 + SIGINT) once the report is written; main
            // returns the same, so the status does not hang on which thread's exit comes first.
            return EXIT_INTERRUPTED;
        }
        return result.dir() == null || result.outcome().failed() || result.outcome().earlyStop() != null ? 1 : 0;
    }
}
