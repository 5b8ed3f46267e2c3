package io.streambench.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.streambench.client.Api;
import io.streambench.client.accumulate.AccumulateStrategy;
import io.streambench.client.flush.FlushStrategy;
import io.streambench.client.sse.ParserStrategy;
import io.streambench.mock.Choice;
import java.io.IOException;
import java.lang.reflect.Field;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Param;

/**
 * Every JMH {@code @Param} list that names flush or accumulation strategies, SSE parsers or APIs names exactly the
 * registered ones, in their order: a strategy added to {@link FlushStrategy}, {@link AccumulateStrategy} or
 * {@link ParserStrategy}, or an {@link Api} added, is benchmarked, and a benchmark never names one the CLI does
 * not know. The lists are found by reading every class of this package,
 * so a new benchmark is checked without being listed here.
 */
class StrategyParamsTest {

    @Test
    void shouldBenchmarkExactlyTheRegisteredFlushPolicies() throws Exception {
        List<String> checked = checkLists(Choice.labels(FlushStrategy.class));

        assertEquals(List.of("FlushStrategyBenchmark.policy"), checked);
    }

    @Test
    void shouldBenchmarkExactlyTheRegisteredAccumulationStrategies() throws Exception {
        List<String> checked = checkLists(Choice.labels(AccumulateStrategy.class));

        assertEquals(List.of("AccumulatorBenchmark.strategy", "MemoryCeilingBenchmark.strategy"), checked);
    }

    @Test
    void shouldBenchmarkExactlyTheRegisteredParsersAndTheLibrariesAmongThemReadBlocking() throws Exception {
        List<String> blocking = ParserStrategy.blocking().stream().map(Choice::label).toList();

        List<String> checked = checkLists(Choice.labels(ParserStrategy.class), blocking);

        assertEquals(List.of("EndToEndBenchmark.parser", "SseParserBenchmark$Pulled.library",
                "SseParserBenchmark$Pushed.parser"), checked);
    }

    @Test
    void shouldBenchmarkEveryApi() throws Exception {
        List<String> checked = checkLists(Choice.labels(Api.class));

        assertEquals(List.of("ChunkEncodeBenchmark.dialect", "SseParserBenchmark.dialect"), checked);
    }

    private static List<String> checkLists(List<String> registered) throws Exception {
        return checkLists(registered, List.of());
    }

    /**
     * Asserts that each {@code @Param} list naming any of {@code registered} names all of them, in order (or
     * exactly {@code subset}, when not empty); returns the fields checked ({@code Class.field}), sorted.
     */
    private static List<String> checkLists(List<String> registered, List<String> subset) throws Exception {
        List<String> checked = new ArrayList<>();
        for (Class<?> type : benchmarkClasses()) {
            for (Field field : type.getDeclaredFields()) {
                Param param = field.getAnnotation(Param.class);
                if (param == null || Collections.disjoint(List.of(param.value()), registered)) {
                    continue;
                }
                String where = type.getName().substring(type.getPackageName().length() + 1) + "." + field.getName();
                if (subset.isEmpty() || !subset.equals(List.of(param.value()))) {
                    assertEquals(registered, List.of(param.value()), where);
                }
                checked.add(where);
            }
        }
        assertFalse(checked.isEmpty(), "no @Param list names any of " + registered);
        Collections.sort(checked);
        return checked;
    }

    /** The classes of this package's main code, nested ones included (JMH states are often nested). */
    private static List<Class<?>> benchmarkClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        Path dir = Path.of(FlushStrategyBenchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve(StrategyParamsTest.class.getPackageName().replace('.', '/'));
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                String name = file.getFileName().toString();
                classes.add(Class.forName(StrategyParamsTest.class.getPackageName() + "."
                        + name.substring(0, name.length() - ".class".length()), false,
                        StrategyParamsTest.class.getClassLoader()));
            }
        }
        return classes;
    }
}
