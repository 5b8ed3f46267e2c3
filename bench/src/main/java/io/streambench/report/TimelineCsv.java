package io.streambench.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVPrinter;

/** {@code timeline.csv}: one row per second of the run (and a shorter one where a stage ends). */
final class TimelineCsv implements AutoCloseable {

    /** The columns, in order (documented in reports/README.md). */
    static final List<String> COLUMNS = List.of("elapsed_s", "stage", "interval_s", "started", "done", "ok",
            "failed", "errors", "retries", "in_flight", "tokens", "tokens_per_s", "heap_used_mb", "epoch_ms", "chunks",
            "bytes");

    private final CSVPrinter printer;

    TimelineCsv(Path file) {
        printer = Csv.open(file, COLUMNS);
    }

    /** @param epochMillis wall-clock time at the end of the interval */
    void write(Progress p, double intervalSeconds, long heapUsedBytes, long epochMillis) {
        try {
            printer.printRecord(Csv.num(p.elapsedSeconds(), 3), p.stage(), Csv.num(intervalSeconds, 3),
                    p.intervalStarted(), p.intervalDone(), p.intervalOk(), p.intervalFailed(), p.intervalErrors(),
                    p.intervalRetries(), p.inFlight(), p.intervalTokens(), Csv.num(p.tokensPerSecond(), 1),
                    Csv.num(heapUsedBytes / 1048576.0, 1), epochMillis, p.intervalChunks(), p.intervalBytes());
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            printer.close(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
