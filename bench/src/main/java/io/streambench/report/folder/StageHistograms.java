package io.streambench.report.folder;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;

/** A metric's {@code *.hlog} interval log added up per stage, for pages that draw whole-stage percentiles. */
final class StageHistograms {

    private StageHistograms() {
    }

    /**
     * Adds up every interval of {@code file} by its {@code stageN} tag; values stay in the log's unit (ns). An
     * absent file reads as no stages; one that does not decode is an IllegalArgumentException naming it.
     */
    static Map<Integer, Histogram> read(Path file) {
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
