package io.streambench.report;

import io.streambench.driver.Metric;
import java.io.FileNotFoundException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * One HdrHistogram interval log per metric ({@code ttft.hlog}...): an interval histogram per second,
 * tagged with its stage ({@code stage0}), values in ns (tokens for {@code tokens_per_chunk}); the
 * {@code Interval_Max} column is in ms (tokens). Logs from several machines merge exactly.
 */
final class HlogFiles implements AutoCloseable {

    private final Map<Metric, HistogramLogWriter> writers = new EnumMap<>(Metric.class);
    private final Map<Metric, PrintStream> streams = new EnumMap<>(Metric.class);
    private final Map<Metric, Histogram> copies = new EnumMap<>(Metric.class);
    private final long startMillis;

    HlogFiles(Path dir, long startMillis) {
        this.startMillis = startMillis;
        for (Metric metric : Metric.values()) {
            try {
                PrintStream out = new PrintStream(dir.resolve(metric.label() + ".hlog").toFile(), "UTF-8");
                HistogramLogWriter writer = new HistogramLogWriter(out);
                writer.outputComment("streambench " + metric.label() + ", values in "
                        + (metric.unit() == Metric.Unit.NANOS ? "ns (max column in ms)" : "tokens") + ", tag = stage");
                writer.outputLogFormatVersion();
                writer.outputStartTime(startMillis);
                // Explicit, so that every reader takes the (relative) interval times from this run's start.
                writer.outputBaseTime(startMillis);
                writer.setBaseTime(startMillis);
                writer.outputLegend();
                writers.put(metric, writer);
                streams.put(metric, out);
            } catch (FileNotFoundException | java.io.UnsupportedEncodingException e) {
                throw new UncheckedIOException("cannot write hlog in " + dir + ": " + e.getMessage(),
                        new java.io.IOException(e));
            }
        }
    }

    /** Writes one interval (skipped when empty, as HdrHistogram's own loggers do not need them). */
    void write(Metric metric, int stage, Histogram interval, long intervalStartMillis, long intervalEndMillis) {
        if (interval.getTotalCount() == 0) {
            return;
        }
        // A Recorder's interval histogram (HdrHistogram 2.2.2) was seen encoding a highestTrackableValue below
        // its max value under load, which HistogramLogReader then fails to decode (index out of bounds); add()
        // walks the counts up to the max value, so a plain copy encodes consistently.
        Histogram copy = copies.computeIfAbsent(metric, m -> new Histogram(interval.getNumberOfSignificantValueDigits()));
        copy.reset();
        copy.add(interval);
        copy.setStartTimeStamp(interval.getStartTimeStamp());
        copy.setEndTimeStamp(interval.getEndTimeStamp());
        copy.setTag("stage" + stage);
        double ratio = metric.unit() == Metric.Unit.NANOS ? 1e6 : 1.0;
        writers.get(metric).outputIntervalHistogram((intervalStartMillis - startMillis) / 1000.0,
                (intervalEndMillis - startMillis) / 1000.0, copy, ratio);
    }

    void flush() {
        streams.values().forEach(PrintStream::flush);
    }

    @Override
    public void close() {
        streams.values().forEach(PrintStream::close);
    }
}
