package io.streambench.cli;

import io.streambench.report.RunMerge;
import io.streambench.report.SummaryTable;
import io.streambench.report.html.HtmlReport;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code streambench merge}: one report from the run folders of several driver processes. */
@Command(name = "merge", mixinStandardHelpOptions = true, sortOptions = false, usageHelpWidth = 110,
        description = {"Merges the run folders of several driver processes (e.g. started together with "
                + "'run --start-at') into one run folder: *.hlog interval histograms added exactly and aligned on "
                + "absolute time, summary.csv recomputed from them, requests.csv concatenated with a driver column, "
                + "timeline.csv summed per second, run.json listing the sources (see reports/README.md).",
            "Runs with different settings (stages, target, mock profile, client strategies, bounds, timeouts, "
                + "retries, histogram precision) are refused, and so are runs that did not measure at the same time "
                + "(a stage whose measured windows do not overlap) unless --allow-disjoint is given.",
            "Exit codes: 0 ok, 1 a file could not be read or written, 2 bad usage or settings that differ."},
        footer = {"", "Example:", "  streambench merge -o reports/merged results/driver-*/*/"})
public final class MergeCommand implements Callable<Integer> {

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "OUTDIR",
            description = "The merged run folder; created, and must be empty if it exists.")
    Path out;

    @Option(names = "--quiet", description = "Do not print the merged summary table.")
    boolean quiet;

    @Option(names = "--allow-disjoint", description = "Merge runs that measured at different times too. Histograms "
            + "and percentiles are still exact over all values, but requests/s and tokens/s divide the summed window counts "
            + "by the longest source's measured window: about the sum of the runs' own rates, a load no server saw at once. "
            + "run.json then says \"disjoint\": true.")
    boolean allowDisjoint;

    @Parameters(paramLabel = "DIR", arity = "1..*", description = "Run folders written by 'streambench run' "
            + "(each with run.json, requests.csv, timeline.csv and the *.hlog files).")
    List<Path> dirs = new ArrayList<>();

    private final PrintStream console;

    public MergeCommand() {
        this(System.out);
    }

    MergeCommand(PrintStream console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        RunMerge.Result merged = RunMerge.merge(dirs, out, allowDisjoint);
        try {
            HtmlReport.render(merged.dir());
        } catch (RuntimeException | LinkageError e) {
            console.println("merge: " + HtmlReport.FILE + " not written: " + e); // the merged data stays
        }
        if (!quiet) {
            SummaryTable.print(console, merged.stages());
        }
        console.println("merged " + dirs.size() + " runs: " + merged.dir().toAbsolutePath());
        console.flush();
        return 0;
    }
}
