package io.streambench.report.compare;

import io.streambench.report.compare.Check.Status;
import io.streambench.report.compare.Gate.Mode;
import java.util.ArrayList;
import java.util.List;

/**
 * One gate applied to a comparison. The rule, per scope:
 *
 * <ul>
 * <li>a change ({@code +10%}, {@code +2ms}) trips when the values (JMH score, or the median over repeated
 *     runs) moved past the threshold in the gate's direction <em>and</em> the two figures' intervals do not
 *     overlap (JMH's 99.9 % confidence intervals; for repeated runs the spread of the runs): a move that
 *     the noise can explain is reported, not failed;</li>
 * <li>a bound ({@code errors>0}) trips when any current figure (each run, or the JMH score) is past it;</li>
 * <li>a figure in the baseline but missing from the current results fails; one new in the current results
 *     is skipped (nothing to compare against) unless the gate is a bound.</li>
 * </ul>
 */
final class GateEvaluation {

    private final Comparison comparison;
    private final Gate gate;

    GateEvaluation(Comparison comparison, Gate gate) {
        this.comparison = comparison;
        this.gate = gate;
    }

    List<Check> run() {
        String metric = comparison.resolve(gate.left().metric());
        if (gate.right() != null) {
            return List.of(ratio(metric, comparison.resolve(gate.right().metric())));
        }
        List<Check> checks = new ArrayList<>();
        for (Scope scope : comparison.scopes()) {
            if (!gate.left().matches(scope)) {
                continue;
            }
            Measured b = comparison.baseline().get(scope, metric);
            Measured c = comparison.current().get(scope, metric);
            if (b == null && c == null) {
                continue;
            }
            checks.add(check(metric, scope.label(), b, c));
        }
        if (checks.isEmpty()) {
            throw new IllegalArgumentException("gate '" + gate.text() + "' matches no figure: " + metric
                    + (gate.left().selector().isEmpty() ? "" : " in [" + String.join(",", gate.left().selector()) + "]")
                    + " is in neither the baseline nor the current results");
        }
        return checks;
    }

    private Check ratio(String top, String bottom) {
        Scope a = single(gate.left(), top);
        Scope b = single(gate.right(), bottom);
        String label = a.label() + " / " + b.label();
        Measured ca = comparison.current().get(a, top);
        Measured cb = comparison.current().get(b, bottom);
        Measured ba = comparison.baseline().get(a, top);
        Measured bb = comparison.baseline().get(b, bottom);
        Measured base = ba == null || bb == null ? null
                : new Measured(ba.figure().divide(bb.figure()), MetricUnit.NONE);
        Measured cur = ca == null || cb == null ? null
                : new Measured(ca.figure().divide(cb.figure()), MetricUnit.NONE);
        return check(top + "/" + bottom, label, base, cur);
    }

    private Scope single(Gate.Operand operand, String metric) {
        List<Scope> matched = comparison.scopes().stream().filter(operand::matches)
                .filter(s -> comparison.baseline().get(s, metric) != null || comparison.current().get(s, metric) != null)
                .toList();
        if (matched.size() != 1) {
            throw new IllegalArgumentException("gate '" + gate.text() + "': " + operand.text() + " selects "
                    + matched.size() + " figures" + (matched.isEmpty() ? "" : " (" + matched.get(0).label() + ", ...)")
                    + "; each side of a ratio must select exactly one");
        }
        return matched.get(0);
    }

    private Check check(String metric, String scope, Measured b, Measured c) {
        String what = metric + " [" + scope + "]";
        if (c == null) {
            return new Check(gate.text(), metric, scope, Status.FAILED, what + ": in the baseline (" + show(b.figure(), b.unit())
                    + ") but missing from the current results, gate " + gate.text());
        }
        MetricUnit unit = c.unit();
        if (gate.mode() == Mode.BOUND) {
            return bound(metric, what, scope, b, c, unit);
        }
        if (b == null) {
            return new Check(gate.text(), metric, scope, Status.SKIPPED, what + ": not in the baseline (current "
                    + show(c.figure(), unit) + "), nothing to compare");
        }
        Figure fb = b.figure();
        Figure fc = c.figure();
        double delta = fc.value() - fb.value();
        double pct = Comparison.percent(fb.value(), fc.value());
        boolean past;
        if (gate.mode() == Mode.RELATIVE) {
            past = gate.greater() ? pct > gate.threshold() : pct < gate.threshold();
        } else {
            double limit = unit.convert(gate.threshold(), gate.unit(), metric);
            past = gate.greater() ? delta > limit : delta < limit;
        }
        boolean separate = gate.greater() ? fc.low() > fb.high() : fc.high() < fb.low();
        String moved = what + ": " + show(fb, unit) + " -> " + show(fc, unit) + " (" + Numbers.signed(delta)
                + (unit.label().isEmpty() ? "" : " " + unit.label()) + ", " + Numbers.percent(pct) + ")";
        boolean intervals = fb.hasInterval() || fc.hasInterval();
        if (past && separate) {
            return new Check(gate.text(), metric, scope, Status.FAILED, moved + " past " + gate.thresholdText()
                    + ", gate " + gate.text() + (intervals ? "; intervals do not overlap" : ""));
        }
        if (past) {
            return new Check(gate.text(), metric, scope, Status.PASSED, moved + " past " + gate.thresholdText()
                    + " but within the noise (intervals " + range(fb) + " and " + range(fc) + " overlap), gate "
                    + gate.text());
        }
        return new Check(gate.text(), metric, scope, Status.PASSED, moved + " within " + gate.thresholdText()
                + ", gate " + gate.text());
    }

    private Check bound(String metric, String what, String scope, Measured b, Measured c, MetricUnit unit) {
        double limit = unit.convert(gate.threshold(), gate.unit(), what);
        List<Double> samples = c.figure().samples();
        double worst = gate.greater() ? samples.stream().mapToDouble(Double::doubleValue).max().orElseThrow()
                : samples.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        long beyond = samples.stream().filter(v -> gate.greater() ? v > limit : v < limit).count();
        String base = b == null ? "" : " (baseline " + show(b.figure(), unit) + ")";
        String runs = samples.size() > 1 ? " in " + beyond + " of " + samples.size() + " (worst "
                + Numbers.format(worst) + ")" : "";
        String figure = Numbers.format(samples.size() > 1 ? c.figure().value() : worst)
                + (unit.label().isEmpty() ? "" : " " + unit.label());
        String side = gate.greater() ? "above " : "below ";
        if (beyond > 0) {
            return new Check(gate.text(), metric, scope, Status.FAILED, what + ": " + figure + runs + base + ", "
                    + side + gate.thresholdText() + ", gate " + gate.text());
        }
        return new Check(gate.text(), metric, scope, Status.PASSED, what + ": " + figure + base + ", not " + side
                + gate.thresholdText() + ", gate " + gate.text());
    }

    private static String show(Figure f, MetricUnit unit) {
        String v = Numbers.format(f.value());
        if (f.hasInterval()) {
            v += " (" + range(f) + ")";
        }
        return unit.label().isEmpty() ? v : v + " " + unit.label();
    }

    private static String range(Figure f) {
        return Numbers.format(f.low()) + ".." + Numbers.format(f.high());
    }
}
