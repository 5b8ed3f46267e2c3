package io.streambench.cli;

import io.streambench.mock.UsageException;
import io.streambench.report.compare.Check;
import io.streambench.report.compare.Comparison;
import io.streambench.report.compare.ComparisonTable;
import io.streambench.report.compare.Gate;
import io.streambench.report.compare.JunitReport;
import io.streambench.report.compare.Results;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code streambench compare}: a baseline against a current result, every metric side by side, and gates. */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false, usageHelpWidth = 110,
        description = {"Compares two run folders (reports/<timestamp>-<name>/: run.json, summary.csv) or two JMH "
                + "result folders (reports/jmh/<timestamp>/: results.csv, jmh-result.json): prints every metric "
                + "per stage or per benchmark and parameters with baseline, current, absolute and relative change, "
                + "then checks the --fail-if gates.",
            "Each side may be several folders (repeated runs, comma-separated or repeated options, or a folder "
                + "holding them): figures are then medians over the runs.",
            "Exit codes: 0 no gate tripped, 1 a gate tripped (a regression), 2 bad input (missing folder, bad "
                + "or unknown gate)."},
        footer = {"", "Gates (see the README, \"Comparing runs and CI gates\"):",
            "  METRIC[SELECTOR] (> or <) [+|-]NUMBER[%%|ns|us|ms|s|B|KB|KiB|MB|MiB]",
            "  signed or %%: a change from the baseline; unsigned: a bound on the current figure.",
            "  A change trips only when it passes the threshold AND the two sides' intervals (JMH error, spread",
            "  of repeated runs) do not overlap.",
            "", "Examples:",
            "  streambench compare reports/baselines/run reports/20261124-101500-run --fail-if 'errors>0' \\",
            "      --fail-if 'chunks_per_request<-1%%' --fail-if 'ttft.p99[stage=1]>+25%%'",
            "  streambench compare --baseline a1,a2,a3 --current b1,b2,b3 --fail-if 'tokens_per_s<-10%%'",
            "  streambench compare reports/baselines/jmh reports/jmh/20261124-101500 --fail-if 'B/op>+5%%' \\",
            "      --fail-if 'score[parser=bytes-scan]/score[parser=sdk-style]<-30%%' --junit compare.xml"})
public final class CompareCommand implements Callable<Integer> {

    @Parameters(arity = "0..2", paramLabel = "DIR", description = "BASELINE then CURRENT: a run folder, a JMH "
            + "result folder, a comma-separated list of them, or a folder holding several.")
    List<String> positional = new ArrayList<>();

    @Option(names = "--baseline", paramLabel = "DIR[,DIR...]", description = "Baseline folder(s), repeatable "
            + "(instead of the first positional).")
    List<String> baselines = new ArrayList<>();

    @Option(names = "--current", paramLabel = "DIR[,DIR...]", description = "Current folder(s), repeatable "
            + "(instead of the second positional).")
    List<String> currents = new ArrayList<>();

    @Option(names = "--fail-if", paramLabel = "GATE", description = "Regression gate, repeatable, e.g. "
            + "'ttft.p99>+10%%', 'B/op>+5%%', 'errors>0', 'itl.p50>+2ms', 'events/s<-10%%', "
            + "'score[parser=bytes-scan]/score[parser=sdk-style]<-30%%'.")
    List<String> gates = new ArrayList<>();

    @Option(names = "--junit", paramLabel = "FILE", description = "Also write the gates as JUnit XML (one "
            + "testcase per gate per stage or benchmark) for CI test reports.")
    Path junit;

    @Option(names = "--csv", paramLabel = "FILE", description = "Also write the whole comparison as CSV (scope, "
            + "metric, unit, baseline, current with their intervals, delta, change_pct).")
    Path csv;

    @Option(names = "--metric", paramLabel = "GLOB", description = "Show only metrics matching, repeatable "
            + "(e.g. 'ttft.*', 'errors*'); gates always see every metric.")
    List<String> metrics = new ArrayList<>();

    @Option(names = "--no-table", description = "Print the gates' results only.")
    boolean noTable;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (positional.size() == 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give both BASELINE and CURRENT");
        }
        List<Path> baseline = paths(baselines, positional.size() == 2 ? positional.get(0) : null);
        List<Path> current = paths(currents, positional.size() == 2 ? positional.get(1) : null);
        if (baseline.isEmpty() || current.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "give BASELINE and CURRENT (or --baseline DIR and --current DIR)");
        }
        // The gates and the folders are the user's: what they refuse (a bad gate, an unreadable or mismatched
        // folder, a gate that matches nothing) is bad usage.
        List<Gate> parsed = UsageException.whenInvalid(() -> gates.stream().map(Gate::parse).toList());
        Comparison comparison = UsageException.whenInvalid(() -> new Comparison(Results.load(baseline),
                Results.load(current)));
        List<Check> checks = new ArrayList<>();
        for (Gate gate : parsed) {
            checks.addAll(UsageException.whenInvalid(() -> comparison.evaluate(gate)));
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("baseline: " + describe(comparison.baseline()));
        out.println("current:  " + describe(comparison.current()));
        List<Comparison.Row> rows = comparison.rows();
        Set<String> flagged = new HashSet<>();
        checks.stream().filter(c -> c.status() == Check.Status.FAILED)
                .forEach(c -> flagged.add(c.scope() + " " + c.metric()));
        if (!noTable) {
            out.println();
            ComparisonTable.print(out, rows, filter(), flagged);
        }
        try {
            if (csv != null) {
                ComparisonTable.writeCsv(csv, rows);
            }
            if (junit != null) {
                JunitReport.write(junit, checks);
            }
        } catch (UncheckedIOException e) {
            // exit 2, not 1: a CI job must not read an unwritable --junit/--csv path as a regression
            throw new UsageException(e.getMessage(), e);
        }
        long failed = checks.stream().filter(c -> c.status() == Check.Status.FAILED).count();
        if (!checks.isEmpty()) {
            out.println("gates:");
            for (Check c : checks) {
                out.println("  " + c.status().name() + "  " + c.message());
            }
            long skipped = checks.stream().filter(c -> c.status() == Check.Status.SKIPPED).count();
            out.println(parsed.size() + " gate(s) on " + checks.size() + " figure(s): " + failed + " tripped, "
                    + (checks.size() - failed - skipped) + " held, " + skipped + " skipped"
                    + (failed > 0 ? " -- REGRESSION" : ""));
        }
        out.flush();
        if (failed > 0) {
            PrintWriter err = spec.commandLine().getErr();
            checks.stream().filter(c -> c.status() == Check.Status.FAILED)
                    .forEach(c -> err.println(spec.qualifiedName() + ": FAILED " + c.message()));
            err.flush();
            return 1;
        }
        return 0;
    }

    private Predicate<String> filter() {
        if (metrics.isEmpty()) {
            return m -> true;
        }
        List<Pattern> globs = metrics.stream().map(CompareCommand::glob).toList();
        return m -> globs.stream().anyMatch(p -> p.matcher(m).matches());
    }

    private static Pattern glob(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(regex.toString());
    }

    private static List<Path> paths(List<String> options, String positional) {
        List<String> all = new ArrayList<>(options);
        if (positional != null) {
            all.add(0, positional);
        }
        List<Path> paths = new ArrayList<>();
        for (String item : all) {
            for (String part : item.split(",")) {
                if (!part.isBlank()) {
                    paths.add(Path.of(part.strip()));
                }
            }
        }
        return paths;
    }

    private static String describe(Results r) {
        String dirs = String.join(", ", r.dirs().stream().map(Path::toString).toList());
        return dirs + (r.dirs().size() > 1 ? " (" + r.dirs().size() + " " + r.kind().label()
                + " folders: medians, intervals span them)" : "");
    }
}
