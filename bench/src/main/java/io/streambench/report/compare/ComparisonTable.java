package io.streambench.report.compare;

import com.github.freva.asciitable.AsciiTable;
import com.github.freva.asciitable.Column;
import com.github.freva.asciitable.HorizontalAlign;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The comparison as people read it: one table per scope (stage or benchmark) with every metric's
 * baseline, current, absolute and relative change; and the same rows as CSV.
 */
public final class ComparisonTable {

    /** The CSV columns (documented in reports/README.md). */
    public static final List<String> CSV_COLUMNS = List.of("scope", "metric", "unit", "baseline", "baseline_low",
            "baseline_high", "current", "current_low", "current_high", "delta", "change_pct");

    private ComparisonTable() {
    }

    /**
     * Prints one table per scope.
     *
     * @param show    which rows to print (by metric name)
     * @param flagged {@code scope label + " " + metric} of rows a gate failed on, marked in the last column
     */
    public static void print(PrintWriter out, List<Comparison.Row> rows, Predicate<String> show, Set<String> flagged) {
        Map<Scope, List<Comparison.Row>> byScope = new LinkedHashMap<>();
        for (Comparison.Row row : rows) {
            if (show.test(row.metric())) {
                byScope.computeIfAbsent(row.scope(), s -> new ArrayList<>()).add(row);
            }
        }
        for (Map.Entry<Scope, List<Comparison.Row>> e : byScope.entrySet()) {
            String scope = e.getKey().label();
            out.println(scope);
            out.println(AsciiTable.getTable(AsciiTable.BASIC_ASCII_NO_DATA_SEPARATORS, e.getValue(), List.of(
                    new Column().header("metric").dataAlign(HorizontalAlign.LEFT).with(Comparison.Row::metric),
                    new Column().header("unit").dataAlign(HorizontalAlign.LEFT).with(r -> r.unit().label()),
                    new Column().header("baseline").dataAlign(HorizontalAlign.RIGHT).with(r -> cell(r.baseline())),
                    new Column().header("current").dataAlign(HorizontalAlign.RIGHT).with(r -> cell(r.current())),
                    new Column().header("delta").dataAlign(HorizontalAlign.RIGHT).with(r -> Numbers.signed(r.delta())),
                    new Column().header("change").dataAlign(HorizontalAlign.RIGHT)
                            .with(r -> Numbers.percent(r.percent())),
                    new Column().header("gate").dataAlign(HorizontalAlign.LEFT)
                            .with(r -> flagged.contains(scope + " " + r.metric()) ? "FAILED" : ""))));
        }
        out.flush();
    }

    /** Writes every row as CSV ({@link #CSV_COLUMNS}). */
    public static void writeCsv(Path file, List<Comparison.Row> rows) {
        CSVFormat format = CSVFormat.RFC4180.builder().setRecordSeparator('\n')
                .setHeader(CSV_COLUMNS.toArray(String[]::new)).get();
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                CSVPrinter csv = new CSVPrinter(w, format)) {
            for (Comparison.Row r : rows) {
                csv.printRecord(r.scope().label(), r.metric(), r.unit().label(),
                        num(r.baseline(), 0), num(r.baseline(), -1), num(r.baseline(), 1),
                        num(r.current(), 0), num(r.current(), -1), num(r.current(), 1),
                        Numbers.plain(r.delta()), Numbers.plain(r.percent()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static String num(Measured m, int which) {
        if (m == null) {
            return "";
        }
        Figure f = m.figure();
        return Numbers.plain(which < 0 ? f.low() : which > 0 ? f.high() : f.value());
    }

    /** {@code 12.5}, {@code 12.5 +-0.3} (JMH error), {@code 12.5 (11.9..13.1)} (spread of runs), {@code -}. */
    static String cell(Measured m) {
        if (m == null) {
            return "-";
        }
        Figure f = m.figure();
        if (!f.hasInterval()) {
            return Numbers.format(f.value());
        }
        double up = f.high() - f.value();
        double down = f.value() - f.low();
        if (f.samples().size() == 1 && Math.abs(up - down) <= 1e-9 * Math.max(1, Math.abs(f.value()))) {
            return Numbers.format(f.value()) + " +-" + Numbers.format(up);
        }
        return Numbers.format(f.value()) + " (" + Numbers.format(f.low()) + ".." + Numbers.format(f.high()) + ")";
    }
}
