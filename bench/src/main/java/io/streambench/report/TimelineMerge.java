package io.streambench.report;

import io.streambench.report.folder.CsvOut;
import io.streambench.report.folder.TimelineCsv;
import io.streambench.report.folder.TimelineRow;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

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
        TimelineRow.Tally tally = new TimelineRow.Tally(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        double tokensPerSecond;
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
            for (TimelineRow row : TimelineCsv.read(source.getKey())) {
                add(row, source.getValue(), baseMillis, rows);
            }
        }
        try (CsvOut<TimelineRow> csv = TimelineCsv.COLUMNS.open(out)) {
            for (TreeMap<Integer, Row> second : rows.values()) {
                for (Map.Entry<Integer, Row> e : second.entrySet()) {
                    Row r = e.getValue();
                    csv.write(new TimelineRow(new TimelineRow.Interval(e.getKey(), (r.endMillis - baseMillis) / 1000.0,
                            r.intervalSeconds, r.endMillis), r.tally, r.tokensPerSecond, r.heapMb));
                }
            }
        }
    }

    private static void add(TimelineRow row, long startMillis, long baseMillis, TreeMap<Long, TreeMap<Integer, Row>> rows) {
        TimelineRow.Interval when = row.interval();
        double interval = when.seconds();
        long end = when.epochMillis() >= 0 ? when.epochMillis()
                : startMillis + Math.round(when.elapsedSeconds() * 1000);
        long mid = end - Math.round(interval * 500);
        Row r = rows.computeIfAbsent(Math.floorDiv(mid - baseMillis, 1000L), k -> new TreeMap<>())
                .computeIfAbsent(when.stage(), k -> new Row());
        r.tally = r.tally.plus(row.tally());
        r.tokensPerSecond += row.tally().tokens() / Math.max(1e-9, interval);
        r.intervalSeconds = Math.max(r.intervalSeconds, interval);
        r.heapMb = Math.max(r.heapMb, row.heapUsedMb());
        r.endMillis = Math.max(r.endMillis, end);
    }
}
