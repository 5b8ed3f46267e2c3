package io.streambench.report.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a figure belongs to: a stage of a run ({@code stage 0}), the run as a whole ({@code run}), or a JMH
 * benchmark with its parameters.
 *
 * @param key    identity across baseline and current (a JMH scope's parameters sorted)
 * @param label  as shown: {@code stage 1 concurrency=8}, {@code SseParserBenchmark.parseStream parser=bytes-scan;...}
 * @param names  what a bare selector term matches: the stage number, {@code run}, or the benchmark
 *               ({@code Class.method}, {@code Class}, {@code method}) and its parameter values
 * @param params what a {@code key=value} selector term matches: JMH parameters, or a stage's workload
 *               ({@code concurrency=8}) and {@code stage=N}
 */
public record Scope(String key, String label, List<String> names, Map<String, String> params) {

    public Scope {
        if (key == null || key.isBlank() || label == null || names == null) {
            throw new IllegalArgumentException("bad scope key=" + key + " label=" + label);
        }
        names = List.copyOf(names);
        params = Map.copyOf(params);
    }

    /** A JMH benchmark's scope: bare terms match the benchmark, its class, its method and parameter values. */
    static Scope benchmark(String key, String label, String benchmark, Map<String, String> params) {
        List<String> names = new ArrayList<>();
        names.add(benchmark);
        int dot = benchmark.lastIndexOf('.');
        if (dot > 0) {
            names.add(benchmark.substring(0, dot));
            names.add(benchmark.substring(dot + 1));
        }
        names.addAll(params.values());
        return new Scope(key, label, names, params);
    }
}
