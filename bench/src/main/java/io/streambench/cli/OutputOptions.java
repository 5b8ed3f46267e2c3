package io.streambench.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code run}'s output: where the report folder goes, its name, and whether progress is shown. */
final class OutputOptions {
    @Option(names = "--out", paramLabel = "DIR", description = "Parent folder of the run's report folder (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("reports");

    @Option(names = "--name", paramLabel = "NAME", description = "Suffix of the report folder, [A-Za-z0-9._-] (default: ${DEFAULT-VALUE}).")
    String name = "run";

    @Option(names = {"--quiet", "--no-progress"}, description = "No live progress (the summary and report path are still printed). "
            + "On a terminal progress is a bar per stage, else one line per second.")
    boolean quiet;
}
