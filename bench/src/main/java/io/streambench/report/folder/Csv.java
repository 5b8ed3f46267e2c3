package io.streambench.report.folder;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Shared CSV conventions: RFC 4180 with a header row, LF line ends, numbers with a dot, empty cell for "none". */
public final class Csv {

    private Csv() {
    }

    /** Opens {@code file} for writing with {@code header} as its first row. */
    public static CSVPrinter open(Path file, List<String> header) {
        try {
            BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            CSVFormat format = CSVFormat.RFC4180.builder()
                    .setRecordSeparator('\n')
                    .setHeader(header.toArray(String[]::new))
                    .get();
            return new CSVPrinter(out, format);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Nanoseconds as milliseconds with 3 decimals (rounded half up), or an empty cell for a negative ("did not
     * happen") value. Integer arithmetic: this runs for every cell of requests.csv, and String.format builds
     * a DecimalFormatSymbols per call, which at thousands of rows per second is most of the report thread's
     * garbage.
     */
    public static String ms(long nanos) {
        if (nanos < 0) {
            return "";
        }
        long micros = nanos / 1000 + (nanos % 1000 >= 500 ? 1 : 0);
        long fraction = micros % 1000;
        return (micros / 1000) + (fraction < 10 ? ".00" : fraction < 100 ? ".0" : ".") + fraction;
    }

    /** A double with {@code decimals} decimals. */
    public static String num(double value, int decimals) {
        return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
