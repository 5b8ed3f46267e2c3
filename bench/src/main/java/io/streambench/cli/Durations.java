package io.streambench.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses durations with a unit: {@code 250ms}, {@code 10s}, {@code 1.5s}, {@code 2m}, {@code 1h}, or {@code 0}. */
final class Durations implements ITypeConverter<Duration> {

    private static final Pattern TEXT = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)");

    @Override
    public Duration convert(String value) {
        return parse(value);
    }

    static Duration parse(String value) {
        String text = value.trim();
        if (text.equals("0")) {
            return Duration.ZERO;
        }
        Matcher m = TEXT.matcher(text);
        if (!m.matches()) {
            throw new TypeConversionException("'" + value + "' is not a duration (use e.g. 500ms, 10s, 2m, 1h)");
        }
        double amount = Double.parseDouble(m.group(1));
        double millis = switch (m.group(2)) {
            case "ms" -> amount;
            case "s" -> amount * 1_000;
            case "m" -> amount * 60_000;
            default -> amount * 3_600_000;
        };
        if (millis > Long.MAX_VALUE / 1_000_000.0) {
            throw new TypeConversionException("'" + value + "' is too long");
        }
        return Duration.ofNanos(Math.round(millis * 1_000_000));
    }
}
