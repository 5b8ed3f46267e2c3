package io.streambench.report.compare;

import io.streambench.report.folder.RunFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One side of a comparison, loaded from one or more folders of the same kind: every scope's figures by
 * metric name. Several folders are several repeats of the same thing; each figure is then the median
 * over them, with their spread as its interval (see {@link Figure#combine}).
 *
 * <pre>{@code
 * Results baseline = Results.load(List.of(Path.of("reports/baselines/run")));
 * }</pre>
 *
 * @param kind    runs or JMH results
 * @param dirs    the folders read (each a run folder or a JMH result folder)
 * @param scopes  scopes in the order first seen
 * @param figures scope key to metric name to figure, metrics in a stable order
 */
public record Results(Kind kind, List<Path> dirs, List<Scope> scopes, Map<String, Map<String, Measured>> figures) {

    /** What a folder holds. */
    public enum Kind {
        /** {@code streambench run}: run.json and summary.csv. */
        RUN("run"),
        /** {@code streambench jmh}: results.csv (and jmh-result.json). */
        JMH("JMH result");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public Results {
        dirs = List.copyOf(dirs);
        scopes = List.copyOf(scopes);
        figures = Map.copyOf(figures);
    }

    /** The figure of {@code metric} in {@code scope}, or null. */
    public Measured get(Scope scope, String metric) {
        Map<String, Measured> m = figures.get(scope.key());
        return m == null ? null : m.get(metric);
    }

    /**
     * Reads the folders: run folders or JMH result folders (not mixed). A folder that is neither but holds
     * such folders directly stands for all of them (a folder of repeated runs).
     *
     * @throws IllegalArgumentException for a missing folder, an unreadable file or mixed kinds
     */
    public static Results load(List<Path> given) {
        if (given.isEmpty()) {
            throw new IllegalArgumentException("no result folder given");
        }
        List<Path> dirs = new ArrayList<>();
        for (Path dir : given) {
            dirs.addAll(expand(dir));
        }
        Kind kind = kindOf(dirs.get(0));
        for (Path dir : dirs) {
            if (kindOf(dir) != kind) {
                throw new IllegalArgumentException("cannot mix run folders and JMH result folders: " + dirs.get(0)
                        + " is a " + kind.label() + " folder, " + dir + " is not");
            }
        }
        List<Map<Scope, Map<String, Measured>>> each = new ArrayList<>();
        for (Path dir : dirs) {
            each.add(kind == Kind.RUN ? RunFigures.read(dir) : JmhFolder.read(dir));
        }
        return combine(kind, dirs, each);
    }

    static Kind kindOf(Path dir) {
        if (RunFolder.isRunFolder(dir)) {
            return Kind.RUN;
        }
        if (Files.isRegularFile(dir.resolve(JmhFolder.RESULTS_CSV))) {
            return Kind.JMH;
        }
        return null;
    }

    private static List<Path> expand(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("no such folder: " + dir);
        }
        if (kindOf(dir) != null) {
            return List.of(dir);
        }
        List<Path> inside;
        try (Stream<Path> list = Files.list(dir)) {
            inside = list.filter(Files::isDirectory).filter(d -> kindOf(d) != null).sorted().toList();
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        if (inside.isEmpty()) {
            throw new IllegalArgumentException(dir + " is not a run folder (" + RunFolder.RUN_JSON
                    + ") nor a JMH result folder (" + JmhFolder.RESULTS_CSV + "), and holds none");
        }
        return inside;
    }

    static Results combine(Kind kind, List<Path> dirs, List<Map<Scope, Map<String, Measured>>> each) {
        Map<String, Scope> scopes = new LinkedHashMap<>();
        Map<String, Map<String, List<Measured>>> collected = new LinkedHashMap<>();
        for (Map<Scope, Map<String, Measured>> one : each) {
            for (Map.Entry<Scope, Map<String, Measured>> e : one.entrySet()) {
                scopes.putIfAbsent(e.getKey().key(), e.getKey());
                Map<String, List<Measured>> metrics = collected.computeIfAbsent(e.getKey().key(),
                        k -> new LinkedHashMap<>());
                e.getValue().forEach((metric, m) -> metrics.computeIfAbsent(metric, k -> new ArrayList<>()).add(m));
            }
        }
        Map<String, Map<String, Measured>> figures = new LinkedHashMap<>();
        collected.forEach((scope, metrics) -> {
            Map<String, Measured> out = new LinkedHashMap<>();
            metrics.forEach((metric, list) -> sameUnit(scopes.get(scope), metric, list.get(0), list));
            metrics.forEach((metric, list) -> out.put(metric, new Measured(
                    Figure.combine(list.stream().map(Measured::figure).toList()), list.get(0).unit())));
            figures.put(scope, java.util.Collections.unmodifiableMap(out));
        });
        return new Results(kind, dirs, new ArrayList<>(scopes.values()), figures);
    }

    /** Every metric name present in any scope. */
    public Set<String> metricNames() {
        Set<String> names = new java.util.LinkedHashSet<>();
        figures.values().forEach(m -> names.addAll(m.keySet()));
        return names;
    }

    /**
     * Refuses figures of one metric in different units (a JMH score in ops/s in one folder, ops/ms in
     * another): compared as bare numbers they would look like a change of 1000x.
     */
    static void sameUnit(Scope scope, String metric, Measured first, List<Measured> others) {
        for (Measured m : others) {
            if (m != null && !m.unit().label().equals(first.unit().label())) {
                throw new IllegalArgumentException(metric + " of " + scope.label() + " is in " + first.unit().label()
                        + " in one folder and " + m.unit().label() + " in another: rerun with the same unit "
                        + "(JMH -tu) to compare them");
            }
        }
    }
}
