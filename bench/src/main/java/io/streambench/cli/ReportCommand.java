package io.streambench.cli;

import io.streambench.mock.UsageException;
import io.streambench.report.html.HtmlReport;
import io.streambench.report.html.JmhReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code streambench report DIR}: re-renders {@code report.html} of a run folder or a JMH results folder. */
@Command(name = "report", mixinStandardHelpOptions = true, usageHelpWidth = 110,
        description = {"Writes DIR/report.html (self-contained: inline PNG plots, no network) from the files in DIR.",
            "A run folder (reports/<timestamp>-<name>/: run.json, summary.csv, timeline.csv, *.hlog): summary, "
                    + "percentile spectra, throughput and streams over time, latency per load level, errors, settings.",
            "A JMH folder (reports/jmh/<timestamp>/: results.csv): scores per strategy with JMH's error bars, "
                    + "B/op and the benchmarks' counters."})
public final class ReportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "A run folder or a JMH results folder.")
    Path dir;

    @Override
    public Integer call() {
        if (!Files.isDirectory(dir)) {
            throw new UsageException("not a folder: " + dir);
        }
        Path html;
        if (Files.isRegularFile(dir.resolve("run.json"))) {
            // The folder is the user's: what its reader refuses (a file missing or malformed) is bad usage.
            html = UsageException.whenInvalid(() -> HtmlReport.render(dir));
        } else if (Files.isRegularFile(dir.resolve(JmhReport.RESULTS))) {
            html = UsageException.whenInvalid(() -> JmhReport.render(dir));
        } else {
            throw new UsageException("neither a run folder (no run.json) nor a JMH folder (no "
                    + JmhReport.RESULTS + "): " + dir);
        }
        spec.commandLine().getOut().println("report: " + html.toAbsolutePath());
        spec.commandLine().getOut().flush();
        return 0;
    }
}
