package io.streambench.driver.workload;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Reads CSV traces: BurstGPT's ({@code Timestamp} s, {@code Request tokens}, ...) and the plain one. */
final class CsvTraces {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader().setSkipHeaderRecord(true).setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).get();

    private CsvTraces() {
    }

    static Trace read(Path file, TraceFormat format) {
        TraceRows rows = new TraceRows(file);
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = FORMAT.parse(reader)) {
            Map<String, Integer> header = parser.getHeaderMap();
            String time;
            double unitNanos;
            String input;
            String output;
            if (format == TraceFormat.BURSTGPT) {
                time = "Timestamp";
                unitNanos = 1e9;
                input = "Request tokens";
                output = "Response tokens";
            } else {
                boolean seconds = header.containsKey("timestamp_s");
                time = seconds ? "timestamp_s" : "timestamp_ms";
                unitNanos = seconds ? 1e9 : 1e6;
                input = "input_tokens";
                output = "output_tokens";
            }
            for (String column : List.of(time, input, output)) {
                if (!header.containsKey(column)) {
                    throw new IllegalArgumentException(file + ": no column '" + column + "' in the header "
                            + header.keySet() + " (" + format.label() + " format)");
                }
            }
            for (CSVRecord record : parser) {
                // The header is line 1; records hold no line breaks in these formats.
                String origin = file + ":" + (record.getRecordNumber() + 1);
                if (!record.isConsistent()) {
                    throw new IllegalArgumentException(origin + ": has " + record.size() + " fields, the header "
                            + header.size());
                }
                rows.add(TraceRows.number(record.get(time), time, origin), unitNanos,
                        TraceRows.whole(record.get(input), input, origin), TraceRows.whole(record.get(output), output, origin),
                        List.of(), origin, input, output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read trace " + file + ": " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            // commons-csv reports malformed CSV (a stray quote, ...) this way.
            throw new IllegalArgumentException(file + ": not valid CSV: " + e.getCause().getMessage());
        }
        return rows.trace(format);
    }
}
