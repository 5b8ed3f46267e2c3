package io.streambench.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * What a run folder holds, read back for the HTML report: {@code run.json}, {@code summary.csv},
 * {@code timeline.csv} and the stage histograms of the {@code *.hlog} interval logs (schemas in
 * reports/README.md).
 *
 * @param dir        the run folder
 * @param run        {@code run.json}
 * @param summary    {@code summary.csv} rows, in file order
 * @param timeline   {@code timeline.csv} rows, in file order
 * @param histograms per metric read from its hlog: stage number to the stage's added-up histogram (ns)
 */
record RunFiles(Path dir, JsonNode run, List<SummaryRow> summary, List<TimelineRow> timeline,
        Map<String, Map<Integer, Histogram>> histograms) {

    /** One {@code summary.csv} row; figures in {@code unit}, NaN where the cell is empty. */
    record SummaryRow(int stage, String workload, String metric, String unit, long count, double mean, double stddev,
            double min, double p50, double p90, double p95, double p99, double p999, double max) {
    }

    /** One {@code timeline.csv} row. */
    record TimelineRow(double elapsedSeconds, int stage, double intervalSeconds, long started, long done, long ok,
            long failed, long errors, long retries, long inFlight, long tokens, double tokensPerSecond,
            double heapUsedMiB) {
    }

    static final String RUN_JSON = "run.json";

    /**
     * Reads {@code dir}. {@code run.json} must be there; a missing CSV or hlog file reads as empty (a run
     * stopped early, or a folder copied in part).
     *
     * @param metrics the metrics whose hlog files to read
     * @throws IllegalArgumentException when {@code dir} is not a run folder or a file cannot be parsed
     */
    static RunFiles read(Path dir, List<String> metrics) {
        Path json = dir.resolve(RUN_JSON);
        if (!Files.isRegularFile(json)) {
            throw new IllegalArgumentException("not a run folder (no " + RUN_JSON + "): " + dir);
        }
        JsonNode run;
        try {
            run = new ObjectMapper().readTree(json.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + json + ": " + firstLine(e), e);
        }
        Map<String, Map<Integer, Histogram>> histograms = new LinkedHashMap<>();
        for (String metric : metrics) {
            histograms.put(metric, readHlog(dir.resolve(metric + ".hlog")));
        }
        return new RunFiles(dir, run, readSummary(dir.resolve("summary.csv")), readTimeline(dir.resolve("timeline.csv")),
                histograms);
    }

    /** The summary rows of one metric, by stage. */
    Map<Integer, SummaryRow> summaryOf(String metric) {
        Map<Integer, SummaryRow> rows = new TreeMap<>();
        for (SummaryRow row : summary) {
            if (row.metric().equals(metric)) {
                rows.put(row.stage(), row);
            }
        }
        return rows;
    }

    private static List<SummaryRow> readSummary(Path file) {
        List<SummaryRow> rows = new ArrayList<>();
        for (CSVRecord r : csv(file)) {
            rows.add(new SummaryRow(integer(r, "stage"), r.get("workload"), r.get("metric"), r.get("unit"),
                    (long) number(r, "count"), number(r, "mean"), number(r, "stddev"), number(r, "min"),
                    number(r, "p50"), number(r, "p90"), number(r, "p95"), number(r, "p99"), number(r, "p999"),
                    number(r, "max")));
        }
        return rows;
    }

    private static List<TimelineRow> readTimeline(Path file) {
        List<TimelineRow> rows = new ArrayList<>();
        for (CSVRecord r : csv(file)) {
            rows.add(new TimelineRow(number(r, "elapsed_s"), integer(r, "stage"), number(r, "interval_s"),
                    (long) number(r, "started"), (long) number(r, "done"), (long) number(r, "ok"),
                    (long) number(r, "failed"), (long) number(r, "errors"), (long) number(r, "retries"),
                    (long) number(r, "in_flight"), (long) number(r, "tokens"), number(r, "tokens_per_s"),
                    number(r, "heap_used_mb")));
        }
        return rows;
    }

    private static List<CSVRecord> csv(Path file) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.parse(in, format)) {
            return parser.getRecords();
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + firstLine(e), e);
        }
    }

    /** A number cell; NaN for an empty one. */
    static double number(CSVRecord r, String column) {
        if (!r.isMapped(column)) {
            throw new IllegalArgumentException("column=" + column + " missing in line " + r.getRecordNumber());
        }
        String cell = r.get(column);
        if (cell == null || cell.isEmpty()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("column=" + column + " value=" + cell + " is not a number (line "
                    + r.getRecordNumber() + ")", e);
        }
    }

    private static int integer(CSVRecord r, String column) {
        double value = number(r, column);
        return Double.isNaN(value) ? 0 : (int) value;
    }

    /** Adds up every interval of an hlog by its {@code stageN} tag; values stay in the log's unit (ns). */
    static Map<Integer, Histogram> readHlog(Path file) {
        Map<Integer, Histogram> stages = new TreeMap<>();
        if (!Files.isRegularFile(file)) {
            return stages;
        }
        long intervalLines;
        long intervalsRead = 0;
        try (Stream<String> lines = Files.lines(file, StandardCharsets.ISO_8859_1)) {
            // HistogramLogReader stops quietly at a line it cannot parse: count what it should have read
            intervalLines = lines.filter(l -> !l.isBlank() && !l.startsWith("#")
                    && !l.startsWith("\"StartTimestamp\"")).count();
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
        try {
            HistogramLogReader reader = new HistogramLogReader(file.toFile());
            try {
                EncodableHistogram interval;
                while ((interval = reader.nextIntervalHistogram()) != null) {
                    intervalsRead++;
                    if (!(interval instanceof Histogram h)) {
                        continue;
                    }
                    int stage = stageOf(h.getTag());
                    stages.computeIfAbsent(stage, s -> new Histogram(3)).add(h);
                }
            } finally {
                reader.close();
            }
        } catch (FileNotFoundException e) {
            return stages;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + firstLine(e), e);
        }
        if (intervalsRead < intervalLines) {
            throw new IllegalArgumentException("cannot read " + file + ": only " + intervalsRead + " of its "
                    + intervalLines + " intervals decode (a corrupt or cut interval log)");
        }
        return stages;
    }

    private static int stageOf(String tag) {
        if (tag != null && tag.startsWith("stage")) {
            try {
                return Integer.parseInt(tag.substring("stage".length()));
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        return 0;
    }

    private static String firstLine(Exception e) {
        String message = String.valueOf(e.getMessage());
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
