package io.streambench.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.streambench.driver.ErrorClass;
import io.streambench.driver.Metric;
import io.streambench.driver.StageMetrics;
import io.streambench.driver.StageWindow;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

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
        List<StageSummary> stages = stages(runs, histograms);
        SummaryCsv.write(out.resolve("summary.csv"), stages);
        mergeRequests(runs, baseMillis, out.resolve("requests.csv"));
        Map<Path, Long> timelines = new LinkedHashMap<>();
        runs.forEach(r -> timelines.put(r.dir().resolve("timeline.csv"), r.start().toEpochMilli()));
        TimelineMerge.merge(timelines, baseMillis, out.resolve("timeline.csv"));
        writeRunJson(runs, stages, out, windows, disjoint);
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
            for (String file : List.of("requests.csv", "timeline.csv")) {
                if (!Files.isRegularFile(run.dir().resolve(file))) {
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
        return run.dir().resolve(metric.label() + ".hlog");
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

    /** Per stage index: the merged histograms and the sources' counters and errors added up. */
    private static List<StageSummary> stages(List<SourceRun> runs, Map<Metric, Map<Integer, Histogram>> histograms) {
        int count = runs.stream().mapToInt(r -> r.json().at("/results/stages").size()).max().orElse(0);
        List<StageSummary> stages = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long[] sums = new long[9];
            String[] keys = {"requests", "succeeded", "failed", "attempts", "failed_attempts", "retries",
                "output_tokens", "chunks", "bytes"};
            Map<ErrorClass, Long> errors = new EnumMap<>(ErrorClass.class);
            ErrorMessages messages = new ErrorMessages();
            String workload = null;
            double seconds = 0;
            StageWindow.Figures window = null;
            boolean windowKnown = true;
            for (SourceRun run : runs) {
                JsonNode stage = stageNode(run, i);
                if (stage == null) {
                    continue;
                }
                StageWindow.Figures w = window(stage);
                windowKnown &= w != null;
                window = window == null ? w : w == null ? window : plus(window, w);
                workload = workload == null ? stage.path("workload").asText() : workload;
                seconds = Math.max(seconds, stage.path("seconds").asDouble());
                for (int k = 0; k < keys.length; k++) {
                    sums[k] += stage.path(keys[k]).asLong();
                }
                for (Iterator<Map.Entry<String, JsonNode>> it = stage.path("errors_by_class").fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    errors.merge(errorClass(run, e.getKey()), e.getValue().asLong(), Long::sum);
                }
                addMessages(run, stage.path("error_messages"), messages);
            }
            // A finished run has nothing in flight: every request started has completed.
            StageMetrics.Counters counters = new StageMetrics.Counters(sums[0], sums[0], sums[1], sums[2], 0, sums[3],
                    sums[4], sums[5], sums[6], sums[7], sums[8]);
            Map<Metric, Histogram> h = new EnumMap<>(Metric.class);
            for (Map.Entry<Metric, Map<Integer, Histogram>> e : histograms.entrySet()) {
                Histogram stageHistogram = e.getValue().get(i);
                if (stageHistogram != null) {
                    h.put(e.getKey(), stageHistogram);
                }
            }
            stages.add(new StageSummary(i, workload, h, counters, errors, seconds, messages.top(ErrorMessages.KEPT),
                    windowKnown ? window : null));
        }
        return stages;
    }

    /** Adds a source stage's {@code error_messages} (absent in runs written before they existed). */
    private static void addMessages(SourceRun run, JsonNode byClass, ErrorMessages into) {
        for (Iterator<Map.Entry<String, JsonNode>> it = byClass.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            List<ErrorMessages.Count> counts = new ArrayList<>();
            for (JsonNode c : e.getValue().path("messages")) {
                counts.add(new ErrorMessages.Count(c.path("message").asText(), c.path("count").asLong()));
            }
            into.add(errorClass(run, e.getKey()), new ErrorMessages.Top(counts, e.getValue().path("other").asLong()));
        }
    }

    /** A source stage's phases from its run.json; null when it has none (written before they were recorded). */
    private static StageWindow.Figures window(JsonNode stage) {
        if (!stage.path("window_s").isNumber()) {
            return null;
        }
        return new StageWindow.Figures(stage.path("warmup_s").asDouble(), stage.path("window_s").asDouble(),
                stage.path("drain_s").asDouble(), counts(stage.path("warmup")), counts(stage.path("window")),
                counts(stage.path("drain")));
    }

    private static StageWindow.Counts counts(JsonNode phase) {
        return new StageWindow.Counts(phase.path("requests").asLong(), phase.path("succeeded").asLong(),
                phase.path("output_tokens").asLong(), phase.path("chunks").asLong(), phase.path("bytes").asLong());
    }

    /**
     * Drivers that ran together: what their windows hold is added up and each phase lasts as long as the longest
     * driver's, so the merged rates are the sum of the drivers' rates when their windows coincide.
     */
    private static StageWindow.Figures plus(StageWindow.Figures a, StageWindow.Figures b) {
        return new StageWindow.Figures(Math.max(a.warmupSeconds(), b.warmupSeconds()),
                Math.max(a.windowSeconds(), b.windowSeconds()), Math.max(a.drainSeconds(), b.drainSeconds()),
                a.warmup().plus(b.warmup()), a.window().plus(b.window()), a.drain().plus(b.drain()));
    }

    private static JsonNode stageNode(SourceRun run, int index) {
        for (JsonNode stage : run.json().at("/results/stages")) {
            if (stage.path("index").asInt(-1) == index) {
                return stage;
            }
        }
        return null;
    }

    private static ErrorClass errorClass(SourceRun run, String label) {
        try {
            return ErrorClass.valueOf(label.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(run.dir().resolve("run.json") + " has an unknown error class '"
                    + label + "'");
        }
    }

    /**
     * Concatenates the sources' rows, adding the {@code driver} column and moving {@code intended_ms} and
     * {@code start_ms} from each driver's start to the merged start.
     */
    private static void mergeRequests(List<SourceRun> runs, long baseMillis, Path file) {
        List<String> columns = new ArrayList<>(RequestsCsv.COLUMNS);
        columns.add("driver");
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (CSVPrinter printer = Csv.open(file, columns)) {
            for (SourceRun run : runs) {
                Path source = run.dir().resolve("requests.csv");
                BigDecimal shift = BigDecimal.valueOf(Duration.between(Instant.ofEpochMilli(baseMillis), run.start())
                        .toNanos()).movePointLeft(6);
                try (Reader in = Files.newBufferedReader(source, StandardCharsets.UTF_8);
                        CSVParser parser = CSVParser.parse(in, format)) {
                    if (!parser.getHeaderNames().equals(RequestsCsv.COLUMNS)) {
                        throw new IllegalArgumentException(source + " has other columns than this version writes: "
                                + parser.getHeaderNames());
                    }
                    for (CSVRecord rec : parser) {
                        List<String> values = new ArrayList<>(rec.toList());
                        shift(values, RequestsCsv.COLUMNS.indexOf("intended_ms"), shift);
                        shift(values, RequestsCsv.COLUMNS.indexOf("start_ms"), shift);
                        values.add(run.driverId());
                        printer.printRecord(values);
                    }
                } catch (UncheckedIOException e) {
                    // the parser's iterator wraps a malformed row (CSVException) this way
                    throw new IllegalArgumentException(source + " is not a readable CSV: " + e.getCause().getMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot merge requests.csv into " + file + ": " + e.getMessage(), e);
        }
    }

    private static void shift(List<String> values, int column, BigDecimal millis) {
        String v = values.get(column);
        if (!v.isEmpty()) {
            values.set(column, new BigDecimal(v).add(millis).setScale(3, java.math.RoundingMode.HALF_EVEN)
                    .toPlainString());
        }
    }

    private static void writeRunJson(List<SourceRun> runs, List<StageSummary> stages, Path out,
            Map<Path, Map<Integer, MeasuredWindow>> windows, boolean disjoint) {
        List<Map<String, Object>> sources = new ArrayList<>();
        boolean interrupted = false;
        double maxHeap = 0;
        double maxHeapAfterGc = 0;
        for (SourceRun run : runs) {
            JsonNode json = run.json();
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("dir", run.dir().toAbsolutePath().normalize().toString());
            s.put("name", json.path("name").asText());
            s.put("driver_id", run.driverId());
            s.put("driver_index", json.path("driver_index").isInt() ? json.path("driver_index").asInt() : null);
            s.put("start_at", json.path("start_at").isTextual() ? json.path("start_at").asText() : null);
            s.put("start", run.start().toString());
            s.put("end", run.end().toString());
            s.put("status", json.path("status").asText());
            List<Map<String, Object>> measured = new ArrayList<>();
            windows.get(run.dir()).forEach((stage, w) -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("stage", stage);
                m.put("start", w.start().toString());
                m.put("end", w.end().toString());
                measured.add(m);
            });
            s.put("measured", measured);
            s.put("environment", json.path("environment"));
            s.put("results", json.path("results"));
            sources.add(s);
            interrupted |= "interrupted".equals(json.path("status").asText());
            maxHeap = Math.max(maxHeap, json.at("/results/max_heap_used_mb").asDouble());
            maxHeapAfterGc = Math.max(maxHeapAfterGc, json.at("/results/max_heap_after_gc_mb").asDouble());
        }
        long completed = stages.stream().mapToLong(s -> s.counters().completed()).sum();
        long succeeded = stages.stream().mapToLong(s -> s.counters().succeeded()).sum();
        String status = interrupted ? "interrupted" : completed > 0 && succeeded == 0 ? "failed" : "completed";
        Instant start = runs.stream().map(SourceRun::start).min(Comparator.naturalOrder()).orElseThrow();
        Instant end = runs.stream().map(SourceRun::end).max(Comparator.naturalOrder()).orElseThrow();
        RunJson.writeMerged(out.resolve("run.json"), runs.get(0).json().path("name").asText(), status, start, end,
                disjoint, runs.get(0).json().path("config"), sources, stages, maxHeap, maxHeapAfterGc);
    }
}
