package io.streambench.report;

import io.streambench.driver.Metric;
import io.streambench.report.folder.RunFolder;
import io.streambench.report.folder.SummaryCsv;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;

/**
 * Merges the run folders of several driver processes into one run folder with the same files: the
 * {@code *.hlog} interval histograms added exactly (HdrHistogram {@code add}, intervals aligned on absolute
 * time), {@code summary.csv} recomputed from those sums, {@code requests.csv} concatenated with a
 * {@code driver} column, {@code timeline.csv} summed per second and a {@code run.json} naming the sources.
 * Runs whose settings differ are refused (IllegalArgumentException naming the setting and both values), and
 * so are runs that did not measure at the same time, unless allowed: their rates would be added as if they had.
 *
 * <pre>{@code
 * RunMerge.Result merged = RunMerge.merge(List.of(Path.of("a"), Path.of("b")), Path.of("merged"), false);
 * }</pre>
 */
public final class RunMerge {

    /** The merged folder and its stages (whole-stage histograms and combined counters). */
    public record Result(Path dir, List<StageSummary> stages) {
    }

    private RunMerge() {
    }

    /**
     * Checks every source, then writes the merged run to {@code out} (created; must not hold files).
     * Bad sources, settings that differ, or (unless {@code allowDisjoint}) a stage whose measured windows do not
     * all overlap: IllegalArgumentException with one line, before anything is written.
     *
     * @param allowDisjoint merge runs that measured at different times too; {@code run.json} then says
     *                      {@code "disjoint": true}
     */
    public static Result merge(List<Path> dirs, Path out, boolean allowDisjoint) {
        if (dirs.isEmpty()) {
            throw new IllegalArgumentException("no run folders to merge");
        }
        List<SourceRun> runs = dirs.stream().map(SourceRun::read).toList();
        Map<Path, Map<Integer, MeasuredWindow>> windows = check(runs);
        boolean disjoint = checkOverlap(runs, windows, allowDisjoint);
        long baseMillis = runs.stream().map(SourceRun::start).min(Comparator.naturalOrder()).orElseThrow()
                .toEpochMilli();
        boolean existed = Files.isDirectory(out);
        prepare(out);
        try {
            return write(runs, baseMillis, out, windows, disjoint);
        } catch (RuntimeException e) {
            // A source that turns out bad half-way (a malformed CSV row): leave no partial run behind.
            removeWritten(out, existed);
            throw e;
        }
    }

    private static Result write(List<SourceRun> runs, long baseMillis, Path out,
            Map<Path, Map<Integer, MeasuredWindow>> windows, boolean disjoint) {
        Map<Metric, Map<Integer, Histogram>> histograms = new EnumMap<>(Metric.class);
        try (HlogFiles hlogs = new HlogFiles(out, baseMillis)) {
            for (Metric metric : Metric.values()) {
                List<Path> files = runs.stream().map(r -> hlog(r, metric)).toList();
                histograms.put(metric, HlogMerge.merge(metric, files, baseMillis, hlogs));
            }
        }
        List<StageSummary> stages = MergedRun.stages(runs, histograms);
        SummaryCsv.write(out.resolve(RunFolder.SUMMARY_CSV), RunReport.summaryRows(stages));
        MergedRun.requests(runs, baseMillis, out.resolve(RunFolder.REQUESTS_CSV));
        Map<Path, Long> timelines = new LinkedHashMap<>();
        runs.forEach(r -> timelines.put(r.dir().resolve(RunFolder.TIMELINE_CSV), r.start().toEpochMilli()));
        TimelineMerge.merge(timelines, baseMillis, out.resolve(RunFolder.TIMELINE_CSV));
        MergedRun.writeRunJson(runs, stages, out.resolve(RunFolder.RUN_JSON), windows, disjoint);
        return new Result(out, stages);
    }

    /** Deletes what the merge wrote to {@code out} (empty or absent before), and {@code out} unless it existed. */
    private static void removeWritten(Path out, boolean existed) {
        try (Stream<Path> tree = Files.walk(out)) {
            for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
                if (!existed || !p.equals(out)) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException | UncheckedIOException ignored) {
            // best effort: the error being reported matters more
        }
    }

    /** Refuses sources that cannot be merged; returns each source's measured window per stage. */
    private static Map<Path, Map<Integer, MeasuredWindow>> check(List<SourceRun> runs) {
        Map<String, Path> ids = new HashMap<>();
        Map<Path, Path> real = new HashMap<>();
        SourceRun first = runs.get(0);
        for (SourceRun run : runs) {
            Path previous = real.put(realPath(run.dir()), run.dir());
            if (previous != null) {
                throw new IllegalArgumentException("run folder given twice: " + previous + " and " + run.dir());
            }
            previous = ids.put(run.driverId(), run.dir());
            if (previous != null) {
                throw new IllegalArgumentException("driver id " + run.driverId() + " in both " + previous + " and "
                        + run.dir() + ": give each driver its own --driver-id");
            }
            first.requireSameSettings(run);
            for (String file : List.of(RunFolder.REQUESTS_CSV, RunFolder.TIMELINE_CSV)) {
                if (!run.folder().has(file)) {
                    throw new IllegalArgumentException(run.dir() + " has no " + file);
                }
            }
        }
        Map<Path, Map<Integer, MeasuredWindow>> windows = new LinkedHashMap<>();
        for (Metric metric : Metric.values()) {
            int digits = -1;
            Path digitsFrom = null;
            for (SourceRun run : runs) {
                HlogMerge.Scan scan = HlogMerge.scan(hlog(run, metric));
                Map<Integer, MeasuredWindow> mine = windows.computeIfAbsent(run.dir(), k -> new TreeMap<>());
                scan.measured().forEach((stage, w) -> mine.merge(stage, w, MeasuredWindow::union));
                int d = scan.significantDigits();
                if (d >= 0 && digits >= 0 && d != digits) {
                    throw new IllegalArgumentException("runs differ in histogram precision of " + metric.label()
                            + ".hlog: " + digits + " significant digits (" + digitsFrom + ") vs " + d + " ("
                            + run.dir() + ")");
                }
                if (d >= 0 && digits < 0) {
                    digits = d;
                    digitsFrom = run.dir();
                }
            }
        }
        return windows;
    }

    /**
     * Per stage, the sources that measured something in it must have measured at one time: the latest start
     * before the earliest end (on a line, windows that overlap pairwise share a moment). Returns true when some
     * stage's windows do not overlap and {@code allowDisjoint} let it pass.
     */
    private static boolean checkOverlap(List<SourceRun> runs, Map<Path, Map<Integer, MeasuredWindow>> windows,
            boolean allowDisjoint) {
        Set<Integer> stageIndexes = new TreeSet<>();
        windows.values().forEach(w -> stageIndexes.addAll(w.keySet()));
        boolean disjoint = false;
        for (int stage : stageIndexes) {
            SourceRun latestStart = null;
            SourceRun earliestEnd = null;
            for (SourceRun run : runs) {
                MeasuredWindow w = windows.get(run.dir()).get(stage);
                if (w == null) {
                    continue; // measured nothing in this stage: adds counts only
                }
                if (latestStart == null || w.startMillis() > windows.get(latestStart.dir()).get(stage).startMillis()) {
                    latestStart = run;
                }
                if (earliestEnd == null || w.endMillis() < windows.get(earliestEnd.dir()).get(stage).endMillis()) {
                    earliestEnd = run;
                }
            }
            MeasuredWindow late = windows.get(latestStart.dir()).get(stage);
            MeasuredWindow early = windows.get(earliestEnd.dir()).get(stage);
            if (late.startMillis() < early.endMillis()) {
                continue;
            }
            if (!allowDisjoint) {
                throw new IllegalArgumentException("runs did not measure at the same time: stage " + stage + " of "
                        + earliestEnd.driverId() + " (" + earliestEnd.dir() + ") measured " + early + ", of "
                        + latestStart.driverId() + " (" + latestStart.dir() + ") " + late + "; merged rates would "
                        + "add them as if they had run together (start drivers together with run --start-at, or "
                        + "pass --allow-disjoint)");
            }
            disjoint = true;
        }
        return disjoint;
    }

    private static Path realPath(Path dir) {
        try {
            return dir.toRealPath();
        } catch (IOException e) {
            return dir.toAbsolutePath().normalize();
        }
    }

    private static Path hlog(SourceRun run, Metric metric) {
        return run.folder().hlog(metric.label());
    }

    private static void prepare(Path out) {
        try {
            if (Files.isDirectory(out)) {
                try (Stream<Path> entries = Files.list(out)) {
                    if (entries.findAny().isPresent()) {
                        throw new IllegalArgumentException("output folder " + out + " is not empty");
                    }
                }
            } else if (Files.exists(out)) {
                throw new IllegalArgumentException("output " + out + " is not a folder");
            }
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + out + ": " + e.getMessage(), e);
        }
    }
}
