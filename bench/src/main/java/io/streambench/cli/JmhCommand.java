package io.streambench.cli;

import io.streambench.report.JmhResults;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code streambench jmh}: runs the JMH benchmarks with plain JMH options and writes reports/jmh/<timestamp>/. */
@Command(name = "jmh", sortOptions = false, usageHelpWidth = 110,
        description = {"Runs the JMH benchmarks (io.streambench.jmh) and writes reports/jmh/<timestamp>/: JMH's "
                + JmhResults.JSON + " and " + JmhResults.CSV + ", and " + JmhResults.NORMALIZED
                + " (benchmark, params, score, error, unit, bytes_per_op; see reports/README.md).",
            "Every other argument is a JMH option or benchmark regexp, passed through as is: -h lists them.",
            "Exit codes: 0 ok, 1 the run failed, 2 bad options."},
        footer = {"", "Examples:",
            "  streambench jmh -h                                  JMH's own options",
            "  streambench jmh -l                                  list the benchmarks",
            "  streambench jmh --quick SseParserBenchmark -p parser=bytes-scan      a smoke run",
            "  streambench jmh -e MemoryCeiling -f 1 -wi 3 -i 5 -w 1s -r 1s -prof gc",
            "  streambench jmh MemoryCeilingBenchmark              the memory ceiling (one shot, -Xmx256m)"})
public final class JmhCommand implements Callable<Integer> {

    /** The quick profile's settings, for smoke runs only; its figures are never quoted. */
    static final int QUICK_FORKS = 1;
    static final int QUICK_WARMUP_ITERATIONS = 1;
    static final int QUICK_ITERATIONS = 2;
    static final TimeValue QUICK_TIME = TimeValue.milliseconds(100);

    @Option(names = "--help", usageHelp = true, description = "Show this help (-h shows JMH's options).")
    boolean help;

    @Option(names = "--quick", description = "Smoke-run profile: 1 fork, 1 warmup and 2 measured iterations of "
            + "100 ms each, a few representative parameter values (parsers sdk-style, bytes-nonblocking, bytes-scan; "
            + "chat streams of short chunks in 1,448-byte reads; ...) and no MemoryCeilingBenchmark, unless the JMH options say "
            + "otherwise: the whole suite in about 30 s. Never quote its figures.")
    boolean quick;

    @Option(names = "--out", paramLabel = "DIR", description = "Parent folder of the result folder (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("reports", "jmh");

    @Parameters(paramLabel = "JMH_ARGS", arity = "0..*", description = "JMH options and benchmark regexps.")
    List<String> jmhArgs = new ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        CommandLineOptions options;
        try {
            options = new CommandLineOptions(jmhArgs.toArray(String[]::new));
        } catch (CommandLineOptionException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "bad JMH option: " + e.getMessage());
        }
        if (options.shouldHelp()) {
            options.showHelp();
            return 0;
        }
        if (options.shouldList() || options.shouldListWithParams() || options.shouldListProfilers()
                || options.shouldListResultFormats()) {
            listOnly(options);
            return 0;
        }
        ChainedOptionsBuilder builder = new OptionsBuilder().parent(options);
        if (quick) {
            quickProfile(options, builder);
        }
        Collection<RunResult> results;
        try {
            results = new Runner(builder.build()).run();
        } catch (RunnerException e) {
            err.println(spec.qualifiedName() + ": the run failed: " + e.getMessage());
            err.flush();
            return 1;
        }
        if (results.isEmpty()) {
            err.println(spec.qualifiedName() + ": no benchmark produced a result");
            err.flush();
            return 1;
        }
        Path dir = JmhResults.write(results, out);
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println("results: " + dir.toAbsolutePath().normalize() + " (" + JmhResults.JSON + ", " + JmhResults.CSV
                + ", " + JmhResults.NORMALIZED + ")" + (quick ? " -- quick profile: smoke run, do not quote" : ""));
        stdout.flush();
        return 0;
    }

    private static void quickProfile(CommandLineOptions options, ChainedOptionsBuilder builder) {
        if (!options.getForkCount().hasValue()) {
            builder.forks(QUICK_FORKS);
        }
        if (!options.getWarmupIterations().hasValue()) {
            builder.warmupIterations(QUICK_WARMUP_ITERATIONS);
        }
        if (!options.getWarmupTime().hasValue()) {
            builder.warmupTime(QUICK_TIME);
        }
        if (!options.getMeasurementIterations().hasValue()) {
            builder.measurementIterations(QUICK_ITERATIONS);
        }
        if (!options.getMeasurementTime().hasValue()) {
            builder.measurementTime(QUICK_TIME);
        }
        if (!options.getTimeout().hasValue()) {
            builder.timeout(TimeValue.seconds(TimeUnit.MINUTES.toSeconds(1)));
        }
        // One fork per parameter combination is what costs time (a JVM start each): a smoke run covers
        // every benchmark once with a few representative combinations, so the whole suite takes well
        // under a minute. Any -p given on the command line wins.
        QUICK_PARAMS.forEach((name, values) -> {
            if (!options.getParameter(name).hasValue()) {
                builder.param(name, values);
            }
        });
        if (options.getIncludes().isEmpty()) {
            builder.exclude("MemoryCeilingBenchmark"); // one heap-filling shot per strategy: run it on purpose
        }
    }

    /** The parameter values of the quick profile, by parameter name. */
    static final Map<String, String[]> QUICK_PARAMS = Map.of(
            "parser", new String[] {"sdk-style", "bytes-nonblocking", "bytes-scan"},
            "dialect", new String[] {"chat"},
            "shape", new String[] {"short"},
            "reads", new String[] {"segment"},
            "answerTokens", new String[] {"1000"},
            "paddingBytes", new String[] {"24"},
            "timestamps", new String[] {"true"});

    private static void listOnly(CommandLineOptions options) throws Exception {
        Runner runner = new Runner(options);
        if (options.shouldList()) {
            runner.list();
        }
        if (options.shouldListWithParams()) {
            runner.listWithParams(options);
        }
        if (options.shouldListProfilers()) {
            options.listProfilers();
        }
        if (options.shouldListResultFormats()) {
            options.listResultFormats();
        }
    }
}
