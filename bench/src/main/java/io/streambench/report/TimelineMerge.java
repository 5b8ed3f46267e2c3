package io.streambench.report;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Merges the drivers' {@code timeline.csv} by time: rows whose interval midpoints fall in the same second
 * since the merged start, in the same stage, become one row with the counts, in-flight requests and
 * tokens per second summed, the longest interval and the largest heap of one driver.
 */
final class TimelineMerge {

    private TimelineMerge() {
    }

    /** A merged row being built. */
    private static final class Row {
        long started;
        long done;
        long ok;
        long failed;
        long errors;
        long retries;
        long inFlight;
        long tokens;
        double tokensPerSecond;
        long chunks;
        long bytes;
        double intervalSeconds;
        double heapMb;
        long endMillis = Long.MIN_VALUE;
    }

    /**
     * @param sources    each driver's {@code timeline.csv} and run start (epoch ms), for rows without
     *                   {@code epoch_ms} (written before that column existed)
     * @param baseMillis the merged run's start
     */
    static void merge(Map<Path, Long> sources, long baseMillis, Path out) {
        // key: second since the merged start, then stage
        TreeMap<Long, TreeMap<Integer, Row>> rows = new TreeMap<>();
        for (Map.Entry<Path, Long> source : sources.entrySet()) {
            read(source.getKey(), source.getValue(), baseMillis, rows);
        }
        try (TimelineCsv csv = new TimelineCsv(out)) {
            for (TreeMap<Integer, Row> second : rows.values()) {
                for (Map.Entry<Integer, Row> e : second.entrySet()) {
                    Row r = e.getValue();
                    Progress p = new Progress((r.endMillis - baseMillis) / 1000.0, e.getKey(), "", r.started, r.done,
                            r.ok, r.failed, r.errors, r.retries, (int) Math.min(Integer.MAX_VALUE, r.inFlight),
                            r.tokens, r.tokensPerSecond, r.chunks, r.bytes, 0, 0);
                    csv.write(p, r.intervalSeconds, Math.round(r.heapMb * 1048576.0), r.endMillis);
                }
            }
        }
    }

    private static void read(Path file, long startMillis, long baseMillis, TreeMap<Long, TreeMap<Integer, Row>> rows) {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.parse(in, format)) {
            List<String> header = parser.getHeaderNames();
            boolean epoch = header.contains("epoch_ms");
            // written before chunks and bytes were counted per second: they add nothing
            boolean arrivals = header.contains("chunks") && header.contains("bytes");
            for (CSVRecord rec : parser) {
                double interval = Double.parseDouble(rec.get("interval_s"));
                long end = epoch ? Long.parseLong(rec.get("epoch_ms"))
                        : startMillis + Math.round(Double.parseDouble(rec.get("elapsed_s")) * 1000);
                long mid = end - Math.round(interval * 500);
                Row r = rows.computeIfAbsent(Math.floorDiv(mid - baseMillis, 1000L), k -> new TreeMap<>())
                        .computeIfAbsent(Integer.parseInt(rec.get("stage")), k -> new Row());
                r.started += Long.parseLong(rec.get("started"));
                r.done += Long.parseLong(rec.get("done"));
                r.ok += Long.parseLong(rec.get("ok"));
                r.failed += Long.parseLong(rec.get("failed"));
                r.errors += Long.parseLong(rec.get("errors"));
                r.retries += Long.parseLong(rec.get("retries"));
                r.inFlight += Long.parseLong(rec.get("in_flight"));
                long tokens = Long.parseLong(rec.get("tokens"));
                r.tokens += tokens;
                r.tokensPerSecond += tokens / Math.max(1e-9, interval);
                if (arrivals) {
                    r.chunks += Long.parseLong(rec.get("chunks"));
                    r.bytes += Long.parseLong(rec.get("bytes"));
                }
                r.intervalSeconds = Math.max(r.intervalSeconds, interval);
                r.heapMb = Math.max(r.heapMb, Double.parseDouble(rec.get("heap_used_mb")));
                r.endMillis = Math.max(r.endMillis, end);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            // the parser's iterator wraps a malformed row (CSVException) this way
            throw new IllegalArgumentException(file + " is not a timeline.csv: " + e.getCause().getMessage());
        } catch (IllegalArgumentException e) {
            // missing column or a cell that is not a number (NumberFormatException is one)
            throw new IllegalArgumentException(file + " is not a timeline.csv: " + e.getMessage());
        }
    }
}
