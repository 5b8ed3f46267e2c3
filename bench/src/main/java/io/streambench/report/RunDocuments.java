package io.streambench.report;

import io.streambench.driver.EarlyStop;
import io.streambench.driver.ErrorClass;
import io.streambench.driver.RunConfig;
import io.streambench.driver.RunOutcome;
import io.streambench.report.folder.RunJson;
import io.streambench.report.folder.RunJsonConfig;
import io.streambench.report.folder.RunJsonResults;
import io.streambench.report.folder.RunJsonResults.TopMessages;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds {@code run.json}'s records from a run (or a merge) and writes them. */
final class RunDocuments {

    private RunDocuments() {
    }

    /**
     * The run.json of one driver's run.
     *
     * @param driver how the driver was started and what it started with
     */
    static void write(Path file, RunConfig config, RunOutcome outcome, Instant start, Instant end,
            List<StageSummary> stages, RunJson.Environment environment, long maxHeapUsed, long maxHeapAfterGc,
            RunJson.Driver driver, RunJsonResults.Limits limits) {
        String status = outcome.earlyStop() != null ? "failed" : outcome.interrupted() ? "interrupted"
                : outcome.failed() ? "failed" : "completed";
        RunJsonResults.Results plain = results(stages, RunJsonResults.round(maxHeapUsed / 1048576.0),
                RunJsonResults.round(maxHeapAfterGc / 1048576.0));
        RunJsonResults.Results results = new RunJsonResults.Results(plain.stages(), plain.maxHeapUsedMb(),
                plain.maxHeapAfterGcMb(), limits);
        RunJson.write(file, new RunJson.Run(config.name(), status, earlyStop(outcome.earlyStop()), start.toString(),
                end.toString(), seconds(start, end), RunJsonConfig.Config.of(config), environment, results, driver));
    }

    /**
     * The run.json of a merged run: the sources' shared configuration, one entry per source run (folder, driver
     * id, times, measured windows, environment) and the stages' combined totals.
     *
     * @param disjoint the sources did not all measure at the same time ({@code merge --allow-disjoint})
     */
    static void writeMerged(Path file, String name, String status, Instant start, Instant end, boolean disjoint,
            RunJsonConfig.Config config, List<RunJson.Source> sources, List<StageSummary> stages,
            double maxHeapUsedMb, double maxHeapAfterGcMb) {
        RunJson.write(file, new RunJson.Merged(name, status, start.toString(), end.toString(), seconds(start, end),
                sources.stream().map(RunJson.Source::driverId).toList(), disjoint, sources, config,
                results(stages, maxHeapUsedMb, maxHeapAfterGcMb)));
    }

    private static double seconds(Instant start, Instant end) {
        return Duration.between(start, end).toMillis() / 1000.0;
    }

    private static RunJson.EarlyStop earlyStop(EarlyStop stop) {
        return stop == null ? null : new RunJson.EarlyStop(stop.requests(), stop.error().label(),
                stop.status() == 0 ? null : stop.status(), stop.answer());
    }

    private static RunJsonResults.Results results(List<StageSummary> stages, double maxHeapUsedMb,
            double maxHeapAfterGcMb) {
        return new RunJsonResults.Results(stages.stream().map(RunDocuments::stage).toList(), maxHeapUsedMb,
                maxHeapAfterGcMb);
    }

    private static RunJsonResults.Stage stage(StageSummary s) {
        Map<String, Long> errors = new LinkedHashMap<>();
        for (ErrorClass e : ErrorClass.values()) {
            if (s.errors().containsKey(e)) {
                errors.put(e.label(), s.errors().get(e));
            }
        }
        Map<String, TopMessages> messages = new LinkedHashMap<>();
        s.messages().forEach((e, top) -> messages.put(e.label(), top));
        return new RunJsonResults.Stage(s.index(), s.workload(), RunJsonResults.round(s.seconds()),
                RunJsonResults.Totals.of(s.counters()), s.window() == null ? null : RunJsonResults.Phases.of(s.window()),
                errors, messages, SloFigures.json(s), s.verdict() == null ? null : s.verdict().saturated());
    }
}
