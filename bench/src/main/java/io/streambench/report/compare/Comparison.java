package io.streambench.report.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A baseline and a current side of the same kind, lined up by scope and metric, and the gates evaluated
 * on them.
 *
 * <pre>{@code
 * Comparison c = new Comparison(Results.load(baselineDirs), Results.load(currentDirs));
 * List<Comparison.Row> rows = c.rows();
 * List<Check> checks = c.evaluate(Gate.parse("B/op>+5%"));
 * }</pre>
 */
public final class Comparison {

    /** One line of the table: a metric of a scope on both sides (either may be null when absent). */
    public record Row(Scope scope, String metric, MetricUnit unit, Measured baseline, Measured current) {

        /** current - baseline, or NaN when a side is missing. */
        public double delta() {
            return baseline == null || current == null ? Double.NaN
                    : current.figure().value() - baseline.figure().value();
        }

        /** The change relative to the baseline in percent, or NaN when a side is missing. */
        public double percent() {
            return baseline == null || current == null ? Double.NaN
                    : Comparison.percent(baseline.figure().value(), current.figure().value());
        }
    }

    private final Results baseline;
    private final Results current;
    private final List<Scope> scopes;

    public Comparison(Results baseline, Results current) {
        if (baseline.kind() != current.kind()) {
            throw new IllegalArgumentException("cannot compare a " + baseline.kind().label() + " baseline ("
                    + baseline.dirs().get(0) + ") with a " + current.kind().label() + " current ("
                    + current.dirs().get(0) + ")");
        }
        this.baseline = baseline;
        this.current = current;
        Map<String, Scope> union = new LinkedHashMap<>();
        baseline.scopes().forEach(s -> union.putIfAbsent(s.key(), s));
        current.scopes().forEach(s -> union.putIfAbsent(s.key(), s));
        this.scopes = List.copyOf(union.values());
        for (Scope scope : scopes) {
            Map<String, Measured> b = baseline.figures().getOrDefault(scope.key(), Map.of());
            Map<String, Measured> c = current.figures().getOrDefault(scope.key(), Map.of());
            b.forEach((metric, m) -> Results.sameUnit(scope, metric, m, java.util.Collections.singletonList(c.get(metric))));
        }
    }

    public Results baseline() {
        return baseline;
    }

    public Results current() {
        return current;
    }

    /** Every scope of either side, the baseline's first. */
    public List<Scope> scopes() {
        return scopes;
    }

    /** Every metric of every scope present on either side, in a stable order. */
    public List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (Scope scope : scopes) {
            Set<String> names = new LinkedHashSet<>();
            Map<String, Measured> b = baseline.figures().getOrDefault(scope.key(), Map.of());
            Map<String, Measured> c = current.figures().getOrDefault(scope.key(), Map.of());
            names.addAll(b.keySet());
            names.addAll(c.keySet());
            for (String metric : order(names)) {
                Measured mb = b.get(metric);
                Measured mc = c.get(metric);
                rows.add(new Row(scope, metric, (mc != null ? mc : mb).unit(), mb, mc));
            }
        }
        return rows;
    }

    private List<String> order(Set<String> names) {
        if (baseline.kind() == Results.Kind.RUN) {
            return RunFigures.order(names);
        }
        List<String> ordered = new ArrayList<>();
        for (String first : List.of(JmhFolder.SCORE, JmhFolder.BYTES_PER_OP)) {
            if (names.contains(first)) {
                ordered.add(first);
            }
        }
        names.stream().filter(n -> !ordered.contains(n)).forEach(ordered::add);
        return ordered;
    }

    /**
     * The canonical name of a metric as typed ({@code events/s}, {@code ttft.median}...).
     *
     * @throws IllegalArgumentException for a name this kind of result does not know
     */
    public String resolve(String metric) {
        boolean run = baseline.kind() == Results.Kind.RUN;
        String name = (run ? Gate.RUN_ALIASES : Gate.JMH_ALIASES).getOrDefault(metric, metric);
        if (run) {
            name = name.replaceAll("\\.median$", ".p50").replaceAll("\\.p99\\.9$", ".p999");
        }
        Set<String> known = new LinkedHashSet<>(run ? RunFigures.knownMetrics()
                : List.of(JmhFolder.SCORE, JmhFolder.BYTES_PER_OP));
        known.addAll(baseline.metricNames());
        known.addAll(current.metricNames());
        if (!known.contains(name)) {
            throw new IllegalArgumentException("unknown metric '" + metric + "' for " + baseline.kind().label()
                    + " results (e.g. " + String.join(", ", examples(run, known)) + "; see the README)");
        }
        return name;
    }

    private static List<String> examples(boolean run, Set<String> known) {
        if (run) {
            return List.of("errors", "chunks_per_request", "tokens_per_s", "ttft.p99", "itl.p50");
        }
        return known.stream().limit(6).toList();
    }

    /**
     * Evaluates one gate on every scope its selector matches.
     *
     * @throws IllegalArgumentException when the metric is unknown or the gate matches no figure at all
     */
    public List<Check> evaluate(Gate gate) {
        return new GateEvaluation(this, gate).run();
    }

    /** (current / baseline - 1) in percent; +-infinity from a zero baseline, 0 when both are zero. */
    static double percent(double baseline, double current) {
        double delta = current - baseline;
        if (baseline == 0) {
            return delta == 0 ? 0 : delta > 0 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        }
        return delta / Math.abs(baseline) * 100;
    }
}
