package io.streambench.report;

import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * Which percentiles rest on too few values to be read as percentiles. A percentile p of n values has about
 * n(1-p) values above it; when that is under {@link #VALUES_ABOVE} the figure is one of the largest few values
 * of a small sample (a p99 of 19 values is their maximum) and moves a lot from run to run. So pXX is flagged
 * when {@code count < 10 / (1 - p)}: p50 needs 20 values, p90 100, p95 200, p99 1,000, p99.9 10,000.
 *
 * <pre>{@code
 * FewSamples.flagged(19, 90);          // true: a p90 of 19 values is their second largest
 * FewSamples.columns(150);             // "p90;p95;p99;p999", the summary.csv cell
 * }</pre>
 */
public final class FewSamples {

    /** Values that must lie above a percentile for it to be reported without a flag. */
    public static final int VALUES_ABOVE = 10;

    /** The footnote the console and the HTML report print under a table with flagged figures. */
    public static final String NOTE = "* rests on too few values: fewer than " + VALUES_ABOVE + " lie above this "
            + "percentile (pXX needs " + VALUES_ABOVE + "/(1-p) values: p50 20, p90 100, p99 1,000, p99.9 10,000); "
            + "it is one of the few largest values of a small sample and moves from run to run";

    /** summary.csv's percentile columns and their levels in percent. */
    private static final List<String> COLUMNS = List.of("p50", "p90", "p95", "p99", "p999");
    private static final double[] LEVELS = {50, 90, 95, 99, 99.9};

    private FewSamples() {
    }

    /** The values a percentile needs: {@code 10 / (1 - p)}, rounded (20 for p50, 1,000 for p99). */
    public static long needed(double percentile) {
        return Math.round(VALUES_ABOVE * 100.0 / (100.0 - percentile));
    }

    /** Whether the {@code percentile} (in percent, e.g. 99.9) of {@code count} values is flagged. */
    public static boolean flagged(long count, double percentile) {
        return count < needed(percentile);
    }

    /** summary.csv's {@code few_samples} cell: the flagged percentile columns joined by {@code ;}, or empty. */
    public static String columns(long count) {
        StringJoiner flagged = new StringJoiner(";");
        for (int i = 0; i < LEVELS.length; i++) {
            if (flagged(count, LEVELS[i])) {
                flagged.add(COLUMNS.get(i));
            }
        }
        return flagged.toString();
    }

    /** A figure with the flag's {@code *} when {@code percentile} of {@code count} values is flagged. */
    public static String mark(String figure, long count, double percentile) {
        return flagged(count, percentile) ? figure + "*" : figure;
    }

    /** {@code %10.3f} with a trailing {@code *} or space, for the console's aligned columns. */
    static String console(double ms, long count, double percentile) {
        return String.format(Locale.ROOT, "%10.3f", ms) + (flagged(count, percentile) ? "*" : " ");
    }
}
