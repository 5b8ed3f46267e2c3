package io.streambench.report.compare;

import java.math.BigDecimal;
import java.util.Locale;

/** How figures are shown: at most 3 decimals, fewer for large values, no trailing zeros. */
final class Numbers {

    private Numbers() {
    }

    static String format(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        double a = Math.abs(v);
        int decimals = a >= 10_000 ? 0 : a >= 100 ? 1 : 3;
        String s = String.format(Locale.ROOT, "%." + decimals + "f", v);
        if (s.indexOf('.') >= 0) {
            s = new BigDecimal(s).stripTrailingZeros().toPlainString();
        }
        return s.equals("-0") ? "0" : s;
    }

    /** For CSV: plain decimal notation, at most 6 decimals; empty for NaN or infinity. */
    static String plain(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "";
        }
        String s = BigDecimal.valueOf(v).setScale(6, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros()
                .toPlainString();
        return s.equals("-0") ? "0" : s;
    }

    /** With an explicit sign: {@code +2.5}, {@code -1}, {@code 0}. */
    static String signed(double v) {
        String s = format(v);
        return v > 0 || (Double.isInfinite(v) && v > 0) ? "+" + s : s;
    }

    /** A relative change in percent with one decimal and a sign; empty when unknown. */
    static String percent(double pct) {
        if (Double.isNaN(pct)) {
            return "";
        }
        if (Double.isInfinite(pct)) {
            return pct > 0 ? "+inf%" : "-inf%";
        }
        return String.format(Locale.ROOT, "%+.1f%%", pct);
    }
}
