package io.streambench.report.folder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.apache.commons.csv.CSVPrinter;

/**
 * A CSV file being written row by row with its {@link Columns}: the header first, then one record per
 * {@link #write}. Failures are UncheckedIOException naming the file.
 *
 * <pre>{@code
 * try (CsvOut<AttemptRow> out = RequestsCsv.COLUMNS.open(dir.resolve("requests.csv"))) {
 *     out.write(row);
 * }
 * }</pre>
 *
 * @param <R> the row type
 */
public final class CsvOut<R> implements AutoCloseable {

    private final Path file;
    private final Columns<R> columns;
    private final CSVPrinter printer;

    CsvOut(Path file, Columns<R> columns) {
        this.file = file;
        this.columns = columns;
        this.printer = Csv.open(file, columns.names());
    }

    public void write(R row) {
        try {
            columns.print(printer, row);
        } catch (IOException e) {
            throw failed(e);
        }
    }

    public void flush() {
        try {
            printer.flush();
        } catch (IOException e) {
            throw failed(e);
        }
    }

    @Override
    public void close() {
        try {
            printer.close(true);
        } catch (IOException e) {
            throw failed(e);
        }
    }

    private UncheckedIOException failed(IOException e) {
        return new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
}
