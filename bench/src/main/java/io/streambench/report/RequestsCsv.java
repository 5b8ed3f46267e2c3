package io.streambench.report;

import io.streambench.driver.AttemptRow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVPrinter;

/** {@code requests.csv}: one row per attempt, failed ones too, streamed as attempts end. */
final class RequestsCsv implements AutoCloseable {

    /** The columns, in order (documented in reports/README.md). */
    static final List<String> COLUMNS = List.of("request_id", "attempt", "stage", "phase", "intended_ms",
            "start_ms", "connect_ms", "status", "error_class", "error_message", "retry_after_ms", "retried",
            "ttfb_ms", "ttfe_ms", "ttft_ms", "e2e_ms", "response_e2e_ms", "tpot_ms", "chunks", "bytes",
            "output_tokens", "token_source", "finish_reason", "itl_max_ms", "parse_ms", "stamp_overhead_max_ms",
            "flushes", "display_delay_max_ms", "kept_chars", "truncated");

    private final CSVPrinter printer;

    RequestsCsv(Path file) {
        printer = Csv.open(file, COLUMNS);
    }

    void write(AttemptRow r) {
        try {
            printer.printRecord(r.requestId(), r.attempt(), r.stage(), r.measured() ? "measured" : "warmup",
                    Csv.ms(r.intendedNanos()), Csv.ms(r.startNanos()), Csv.ms(r.connectNanos()),
                    r.status() == 0 ? "" : r.status(), r.error().label(), r.message() == null ? "" : r.message(),
                    Csv.ms(r.retryAfterNanos()), r.retried(), Csv.ms(r.ttfb()), Csv.ms(r.ttfe()), Csv.ms(r.ttft()),
                    Csv.ms(r.e2e()), Csv.ms(r.responseE2e()), Csv.ms(r.tpot()), r.chunks(), r.bytes(),
                    r.outputTokens(), r.tokenSource(), r.finishReason() == null ? "" : r.finishReason(),
                    Csv.ms(r.itlMax()), Csv.ms(r.parseNanos()), Csv.ms(r.stampOverheadMax()), r.client().flushes(),
                    Csv.ms(r.client().maxDisplayDelay()), r.client().keptChars() < 0 ? "" : r.client().keptChars(),
                    r.client().truncated());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void flush() {
        try {
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
