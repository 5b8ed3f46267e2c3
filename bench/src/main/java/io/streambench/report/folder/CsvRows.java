package io.streambench.report.folder;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CSV file of a run folder one record at a time, cells by column name. Whatever is wrong with the
 * file (a cut quote, a missing column, a cell that is not a number) is an IllegalArgumentException with one
 * line naming the file and its line: {@code reports/x/timeline.csv line 3: elapsed_s=abc is not a number}.
 *
 * <pre>{@code
 * List<TimelineRow> rows = CsvRows.read(file, TimelineCsv::row);
 * }</pre>
 */
public final class CsvRows {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();

    private final Path file;
    private final CSVParser parser;
    private CSVRecord record;
    private long line;

    private CsvRows(Path file, CSVParser parser) {
        this.file = file;
        this.parser = parser;
    }

    /** Every record of {@code file} as {@code row} makes it; an empty list when the file is absent. */
    public static <T> List<T> read(Path file, Function<CsvRows, T> row) {
        List<T> rows = new ArrayList<>();
        if (Files.isRegularFile(file)) {
            forEach(file, cells -> rows.add(row.apply(cells)));
        }
        return rows;
    }

    /** Hands each record of {@code file} (which must exist) to {@code each}, streaming: any size reads in little memory. */
    public static void forEach(Path file, Consumer<CsvRows> each) {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.parse(in, FORMAT)) {
            CsvRows rows = new CsvRows(file, parser);
            Iterator<CSVRecord> records = parser.iterator();
            while (rows.next(records)) {
                each.accept(rows); // what it throws is its own: a write failure is not this file's damage
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + firstLine(e.getMessage()), e);
        }
    }

    /** The header of {@code file} (empty for an empty file). */
    public static List<String> header(Path file) {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.parse(in, FORMAT)) {
            return parser.getHeaderNames();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + firstLine(e.getMessage()), e);
        }
    }

    private boolean next(Iterator<CSVRecord> records) {
        try {
            if (!records.hasNext()) {
                return false;
            }
            record = records.next();
        } catch (UncheckedIOException e) {
            // the parser's iterator wraps a malformed record (CSVException: a quote left open) this way; its
            // "(startline N) " says again what damaged() says
            String what = e.getCause() == null ? e.getMessage() : e.getCause().getMessage();
            throw damaged(String.valueOf(what).replaceFirst("^\\(startline \\d+\\) ", ""));
        }
        line = parser.getCurrentLineNumber();
        return true;
    }

    /** The header, in order. */
    public List<String> header() {
        return parser.getHeaderNames();
    }

    /** Whether the file has {@code column} (older runs lack some). */
    public boolean has(String column) {
        return parser.getHeaderMap() != null && parser.getHeaderMap().containsKey(column);
    }

    /** The record's cells, in order. */
    public List<String> values() {
        return record.toList();
    }

    /** A cell as it is. */
    public String text(String column) {
        if (!record.isMapped(column)) {
            throw damaged("no column " + column);
        }
        if (!record.isSet(column)) {
            throw damaged("no " + column + " cell (" + record.size() + " cells, the header has " + header().size() + ")");
        }
        return record.get(column);
    }

    /** A decimal cell; NaN for an empty one. */
    public double number(String column) {
        String cell = text(column);
        return cell.isEmpty() ? Double.NaN : parse(column, cell, Double::parseDouble, "a number");
    }

    /** A whole-number cell, which must be there. */
    public long whole(String column) {
        return parse(column, text(column), Long::parseLong, "a whole number");
    }

    private <T> T parse(String column, String cell, Function<String, T> parser, String what) {
        try {
            return parser.apply(cell);
        } catch (NumberFormatException e) {
            throw damaged(column + "=" + cell + " is not " + what);
        }
    }

    /** A whole-number cell that fits an int. */
    public int integer(String column) {
        long value = whole(column);
        if (value != (int) value) {
            throw damaged(column + "=" + value + " is out of range");
        }
        return (int) value;
    }

    /** The one-line error for what is wrong at the current line. */
    public IllegalArgumentException damaged(String what) {
        return new IllegalArgumentException(file + " line " + Math.max(line, parser.getCurrentLineNumber()) + ": "
                + firstLine(what));
    }

    private static String firstLine(String message) {
        String text = String.valueOf(message);
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }
}
