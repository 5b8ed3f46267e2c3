package io.streambench.report;

import io.streambench.driver.Metric;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;

/**
 * Adds the interval logs of one metric from several runs, exactly: intervals whose midpoints fall in the
 * same second since the merged start (absolute time, so drivers started together line up) and carry the
 * same stage tag become one interval, the HdrHistogram sum of them. Streams the logs, holding one interval
 * per source, so long runs merge in constant memory.
 */
final class HlogMerge {

    private static final Pattern TAG = Pattern.compile("stage(\\d+)");

    private HlogMerge() {
    }

    /**
     * What one pass over a log found.
     *
     * @param significantDigits the precision of its histograms, or -1 when it has no interval
     * @param measured          per stage, the window of its intervals that hold at least one value
     */
    record Scan(int significantDigits, Map<Integer, MeasuredWindow> measured) {
    }

    /** Reads the whole log, so that a corrupt one is refused before a merge writes anything. */
    static Scan scan(Path file) {
        try (Source source = new Source(file)) {
            int digits = source.next == null ? -1 : source.next.getNumberOfSignificantValueDigits();
            Map<Integer, MeasuredWindow> measured = new TreeMap<>();
            while (source.next != null) {
                Histogram h = source.next;
                if (h.getTotalCount() > 0) {
                    measured.merge(source.stage(), new MeasuredWindow(h.getStartTimeStamp(), h.getEndTimeStamp()),
                            MeasuredWindow::union);
                }
                source.advance();
            }
            return new Scan(digits, measured);
        }
    }

    /**
     * Writes the merged intervals of {@code metric} to {@code out} and returns each stage's whole histogram.
     *
     * @param baseMillis the merged run's start (epoch ms): second buckets count from it
     */
    static Map<Integer, Histogram> merge(Metric metric, List<Path> files, long baseMillis, HlogFiles out) {
        List<Source> sources = new ArrayList<>();
        Map<Integer, Histogram> totals = new TreeMap<>();
        try {
            for (Path file : files) {
                sources.add(new Source(file));
            }
            while (true) {
                long bucket = Long.MAX_VALUE;
                for (Source s : sources) {
                    if (s.next != null) {
                        bucket = Math.min(bucket, s.bucket(baseMillis));
                    }
                }
                if (bucket == Long.MAX_VALUE) {
                    return totals;
                }
                Map<Integer, Interval> byStage = new TreeMap<>();
                for (Source s : sources) {
                    while (s.next != null && s.bucket(baseMillis) == bucket) {
                        byStage.computeIfAbsent(s.stage(), k -> new Interval()).add(s.next);
                        s.advance();
                    }
                }
                for (Map.Entry<Integer, Interval> e : byStage.entrySet()) {
                    Interval i = e.getValue();
                    out.write(metric, e.getKey(), i.sum, i.startMillis, i.endMillis);
                    totals.computeIfAbsent(e.getKey(), k -> empty(i.sum)).add(i.sum);
                }
            }
        } finally {
            sources.forEach(Source::close);
        }
    }

    private static Histogram empty(Histogram like) {
        return new Histogram(like.getNumberOfSignificantValueDigits());
    }

    /** The sum of the intervals in one bucket and the time they span. */
    private static final class Interval {
        Histogram sum;
        long startMillis = Long.MAX_VALUE;
        long endMillis = Long.MIN_VALUE;

        void add(Histogram h) {
            if (sum == null) {
                sum = empty(h);
            }
            sum.add(h);
            startMillis = Math.min(startMillis, h.getStartTimeStamp());
            endMillis = Math.max(endMillis, h.getEndTimeStamp());
        }
    }

    /** One log, read one interval ahead. */
    private static final class Source implements AutoCloseable {
        private final Path file;
        private final HistogramLogReader reader;
        /** Interval lines in the file: the reader stops quietly at a line it cannot parse, this notices. */
        private final long intervalLines;
        private long intervalsRead;
        Histogram next;

        Source(Path file) {
            this.file = file;
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException(file + " is missing");
            }
            try (Stream<String> lines = Files.lines(file, StandardCharsets.ISO_8859_1)) {
                intervalLines = lines.filter(l -> !l.isBlank() && !l.startsWith("#") && !l.startsWith("\"StartTimestamp\""))
                        .count();
                if (Files.size(file) == 0) {
                    throw new IllegalArgumentException(file + " is empty, not an interval log");
                }
            } catch (IOException e) {
                throw new IllegalArgumentException(file + " is not readable: " + e.getMessage());
            }
            try {
                reader = new HistogramLogReader(file.toFile());
            } catch (FileNotFoundException e) {
                throw new IllegalArgumentException(file + " is not readable: " + e.getMessage());
            }
            try {
                advance();
            } catch (RuntimeException e) {
                reader.close();
                throw e;
            }
        }

        void advance() {
            EncodableHistogram h;
            try {
                h = reader.nextIntervalHistogram();
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(file + " is not a readable interval log: " + e);
            }
            if (h != null && !(h instanceof Histogram)) {
                throw new IllegalArgumentException(file + " holds " + h.getClass().getSimpleName()
                        + " intervals, not integer histograms");
            }
            next = (Histogram) h;
            if (next != null) {
                intervalsRead++;
            } else if (intervalsRead < intervalLines) {
                throw new IllegalArgumentException(file + " is not a readable interval log: interval "
                        + (intervalsRead + 1) + " of " + intervalLines + " cannot be parsed (truncated or corrupt?)");
            }
        }

        /** The second (since the merged start) that holds the midpoint of the next interval. */
        long bucket(long baseMillis) {
            long mid = next.getStartTimeStamp() + (next.getEndTimeStamp() - next.getStartTimeStamp()) / 2;
            return Math.floorDiv(mid - baseMillis, 1000L);
        }

        int stage() {
            Matcher m = TAG.matcher(next.getTag() == null ? "" : next.getTag());
            if (!m.matches()) {
                throw new IllegalArgumentException(file + " has an interval tagged '" + next.getTag()
                        + "', expected stage<N>");
            }
            return Integer.parseInt(m.group(1));
        }

        @Override
        public void close() {
            reader.close();
        }
    }
}
