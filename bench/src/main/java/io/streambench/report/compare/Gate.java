package io.streambench.report.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A regression gate, parsed from text such as {@code ttft.p99>+10%} (the grammar is in the README,
 * "Comparing runs and CI gates"):
 *
 * <pre>
 * gate      := operand [ '/' operand ] ('&gt;' | '&lt;') threshold
 * operand   := METRIC [ '[' term ((',' | ';') term)* ']' ]
 * term      := KEY '=' VALUE | NAME                       (globs: * and ?)
 * threshold := ['+' | '-'] NUMBER [ '%' | ns | us | ms | s | B | KB | KiB | MB | MiB ]
 * </pre>
 *
 * A threshold with a sign or a {@code %} is a change from the baseline ({@code %}: relative to it); an
 * unsigned one without {@code %} is a bound on the current figure itself ({@code errors>0}).
 *
 * @param text      the gate as written
 * @param left      the metric (the dividend of a ratio)
 * @param right     the divisor of a ratio gate, or null
 * @param greater   true for {@code >} (trips when the figure rises past the threshold), false for {@code <}
 * @param threshold the number as written (percent for {@link Mode#RELATIVE})
 * @param mode      what the threshold bounds
 * @param unit      the threshold's unit, or null when it has none
 */
public record Gate(String text, Operand left, Operand right, boolean greater, double threshold, Mode mode,
        MetricUnit unit) {

    /** What a threshold bounds. */
    public enum Mode {
        /** current / baseline - 1, in percent: {@code +10%}. */
        RELATIVE,
        /** current - baseline, in the metric's unit or the one given: {@code +2ms}, {@code -5}. */
        DELTA,
        /** the current figure itself: {@code errors>0}, {@code ttft.p99<500ms}. */
        BOUND
    }

    /** One side of a gate: a metric and the scopes it looks at (all when the selector is empty). */
    public record Operand(String metric, List<String> selector) {

        public Operand {
            selector = List.copyOf(selector);
        }

        /** True when every selector term matches the scope. */
        public boolean matches(Scope scope) {
            for (String term : selector) {
                if (!termMatches(term, scope)) {
                    return false;
                }
            }
            return true;
        }

        /** The operand as written. */
        public String text() {
            return selector.isEmpty() ? metric : metric + "[" + String.join(",", selector) + "]";
        }

        private static boolean termMatches(String term, Scope scope) {
            int eq = term.indexOf('=');
            if (eq > 0) {
                String value = scope.params().get(term.substring(0, eq));
                return value != null && glob(term.substring(eq + 1)).matcher(value).matches();
            }
            Pattern p = glob(term);
            return p.matcher(scope.label()).matches() || scope.names().stream().anyMatch(n -> p.matcher(n).matches());
        }
    }

    private static final Pattern GATE = Pattern.compile(
            "\\s*(?<left>[^<>]+?)\\s*(?<op>[<>])\\s*(?<sign>[+-])?(?<num>\\d+(?:\\.\\d+)?|\\.\\d+)\\s*(?<unit>%|[A-Za-zµ]+)?\\s*");
    private static final Pattern OPERAND = Pattern.compile("(?<metric>[^\\[\\]]+?)\\s*(?:\\[(?<sel>[^\\[\\]]*)])?");

    public Gate {
        if (text == null || left == null || mode == null || Double.isNaN(threshold)) {
            throw new IllegalArgumentException("bad gate " + text);
        }
    }

    /**
     * Parses a gate.
     *
     * @throws IllegalArgumentException naming the gate and what is wrong with it
     */
    public static Gate parse(String text) {
        Matcher m = GATE.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("bad gate '" + text + "': expected METRIC[SELECTOR] (> or <) "
                    + "[+|-]NUMBER[%|ms|B...], e.g. 'ttft.p99>+10%' or 'errors>0'");
        }
        String leftText = m.group("left");
        Operand left;
        Operand right = null;
        int split = leftText.indexOf("]/");
        if (split > 0) {
            left = operand(leftText.substring(0, split + 1), text);
            right = operand(leftText.substring(split + 2), text);
            if (left.selector().isEmpty() || right.selector().isEmpty()) {
                throw new IllegalArgumentException("bad gate '" + text + "': both sides of a ratio need a selector");
            }
        } else {
            left = operand(leftText, text);
        }
        String sign = m.group("sign");
        String unitText = m.group("unit");
        double number = Double.parseDouble(m.group("num"));
        Mode mode;
        MetricUnit unit = null;
        if ("%".equals(unitText)) {
            mode = Mode.RELATIVE;
        } else {
            mode = sign == null ? Mode.BOUND : Mode.DELTA;
            if (unitText != null) {
                unit = MetricUnit.threshold(unitText);
                if (unit == null) {
                    throw new IllegalArgumentException("bad gate '" + text + "': unknown unit " + unitText
                            + " (known: %, ns, us, ms, s, B, KB, KiB, MB, MiB)");
                }
            }
        }
        double threshold = "-".equals(sign) ? -number : number;
        return new Gate(text.strip(), left, right, m.group("op").equals(">"), threshold, mode, unit);
    }

    private static Operand operand(String text, String gate) {
        Matcher m = OPERAND.matcher(text.strip());
        if (!m.matches() || m.group("metric").isBlank()) {
            throw new IllegalArgumentException("bad gate '" + gate + "': cannot read the metric in '" + text + "'");
        }
        List<String> terms = new ArrayList<>();
        String sel = m.group("sel");
        if (sel != null) {
            for (String term : sel.split("[,;]")) {
                if (!term.isBlank()) {
                    terms.add(term.strip());
                }
            }
            if (terms.isEmpty()) {
                throw new IllegalArgumentException("bad gate '" + gate + "': empty selector []");
            }
        }
        return new Operand(m.group("metric").strip(), terms);
    }

    /** The threshold as written: {@code +10%}, {@code +2ms}, {@code 0}. */
    public String thresholdText() {
        String n = Numbers.format(Math.abs(threshold));
        String sign = mode == Mode.BOUND ? (threshold < 0 ? "-" : "") : (threshold < 0 ? "-" : "+");
        return sign + n + (mode == Mode.RELATIVE ? "%" : unit == null ? "" : unit.label());
    }

    static Pattern glob(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }

    /** Canonical metric names for the spellings people type, by kind of result. */
    static final Map<String, String> RUN_ALIASES = Map.of(
            "tokens/s", "tokens_per_s",
            "events/s", "chunks_per_s",
            "chunks/s", "chunks_per_s",
            "requests/s", "requests_per_s");
    static final Map<String, String> JMH_ALIASES = Map.of(
            "ops/s", JmhFolder.SCORE,
            "events/s", JmhFolder.SCORE,
            "throughput", JmhFolder.SCORE,
            "bytes_per_op", JmhFolder.BYTES_PER_OP,
            "alloc", JmhFolder.BYTES_PER_OP);
}
