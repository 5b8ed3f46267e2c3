package io.streambench.driver.limits;

import io.streambench.driver.Metric;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The text of objectives: times with a unit, metric names, percentile levels. */
final class Bound {

    static final Pattern OBJECTIVE = Pattern.compile("\\s*(?<name>[A-Za-z_][A-Za-z0-9_.]*)\\s*<=\\s*(?<bound>\\S+)\\s*");
    private static final Pattern TIME = Pattern.compile("(\\d+(?:\\.\\d+)?|\\.\\d+)(us|ms|s)");
    private static final Pattern LEVEL = Pattern.compile("p(\\d{1,2})(?:\\.?(\\d+))?");

    private Bound() {
    }

    /** {@code 500ms}, {@code 1.5s}, {@code 200us} in ns. */
    static long parse(String bound, String objective) {
        Matcher m = TIME.matcher(bound.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("--slo: '" + objective + "': the bound " + bound + " is not a time "
                    + "with a unit (us, ms, s), e.g. 500ms");
        }
        double amount = Double.parseDouble(m.group(1));
        double nanos = amount * switch (m.group(2)) {
            case "us" -> 1e3;
            case "ms" -> 1e6;
            default -> 1e9;
        };
        if (!(nanos >= 1) || nanos > 3.6e12) {
            throw new IllegalArgumentException("--slo: '" + objective + "': the bound must be between 1 ns and 1 h, "
                    + "got " + bound);
        }
        return Math.round(nanos);
    }

    /** The time-valued metric {@code name}. */
    static Metric metric(String name, String objective) {
        for (Metric m : Metric.values()) {
            if (m.label().equals(name)) {
                if (m.unit() != Metric.Unit.NANOS) {
                    throw new IllegalArgumentException("--slo: '" + objective + "': " + name + " is counted in "
                            + "tokens, not a time");
                }
                return m;
            }
        }
        throw new IllegalArgumentException("--slo: '" + objective + "': unknown metric " + name + "; known: "
                + Arrays.stream(Metric.values()).filter(m -> m.unit() == Metric.Unit.NANOS).map(Metric::label)
                        .collect(Collectors.joining(", ")) + ", " + Objective.ITL_MAX);
    }

    /** {@code p99} as 99, {@code p999} and {@code p99.9} as 99.9, {@code p50} as 50. */
    static double percentile(String stat, String objective) {
        Matcher m = LEVEL.matcher(stat);
        if (!m.matches()) {
            throw new IllegalArgumentException("--slo: '" + objective + "': unknown statistic " + stat
                    + " (p50, p90, p99, p999, p99.9, mean)");
        }
        // p999 is 99.9 and p9999 is 99.99, as summary.csv names them: two digits, then decimals; p100 is 100
        String whole = m.group(1);
        String rest = m.group(2);
        boolean dotted = stat.contains(".");
        double level = whole.length() < 2 ? Double.NaN
                : rest == null ? Double.parseDouble(whole)
                : !dotted && (whole + rest).startsWith("10") ? Double.parseDouble(whole + rest)
                : Double.parseDouble(whole + "." + rest);
        if (!(level > 0) || level >= 100) {
            throw new IllegalArgumentException("--slo: '" + objective + "': " + stat + " is not a percentile "
                    + "between p01 and p99.99");
        }
        return level;
    }

    /** 99 as {@code 99}, 99.9 as {@code 999} (the summary.csv column's spelling). */
    static String level(double percentile) {
        return new BigDecimal(Double.toString(percentile)).stripTrailingZeros().toPlainString().replace(".", "");
    }

    /** ns as the shortest of {@code 500ms}, {@code 1s}, {@code 250us}. */
    static String format(long nanos) {
        if (nanos % 1_000_000_000L == 0) {
            return nanos / 1_000_000_000L + "s";
        }
        if (nanos % 1_000_000L == 0 || nanos >= 1_000_000L) {
            return new BigDecimal(nanos).movePointLeft(6).stripTrailingZeros().toPlainString() + "ms";
        }
        return new BigDecimal(nanos).movePointLeft(3).stripTrailingZeros().toPlainString() + "us";
    }

    static String perRequestNames() {
        return Objective.PER_REQUEST.keySet().stream().map(Metric::label).collect(Collectors.joining(", ")) + ", "
                + Objective.ITL_MAX;
    }
}
