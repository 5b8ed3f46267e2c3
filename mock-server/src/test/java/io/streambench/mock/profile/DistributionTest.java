package io.streambench.mock.profile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Distributions: both written forms mean the same thing, sampling is a pure function of the seed, and samples
 * stay where the distribution says they are. Statistical checks use fixed seeds and 100k samples, with
 * tolerances many standard errors wide, so they are deterministic and not flaky.
 */
class DistributionTest {

    private static final int SAMPLES = 100_000;
    private static final long SEED = 20_260_101L;

    static Stream<Arguments> forms() {
        return Stream.of(
                Arguments.of("20", "20", new Distribution.Constant(20)),
                Arguments.of("constant:20", "{type: constant, value: 20}", new Distribution.Constant(20)),
                Arguments.of("uniform:10:30", "{type: uniform, min: 10, max: 30}", new Distribution.Uniform(10, 30)),
                Arguments.of(" Uniform: 10 : 30 ", "{type: UNIFORM, min: 10.0, max: 30}",
                        new Distribution.Uniform(10, 30)),
                Arguments.of("normal:25:5", "{type: normal, mean: 25, stddev: 5}", new Distribution.Normal(25, 5)),
                Arguments.of("lognormal:350:0.35", "{type: lognormal, median: 350, sigma: 0.35}",
                        new Distribution.LogNormal(350, 0.35)),
                Arguments.of("exponential:20", "{type: exponential, mean: 20}", new Distribution.Exponential(20)),
                Arguments.of("empirical:1,2,2,3.5", "{type: empirical, values: [1, 2, 2, 3.5]}",
                        new Distribution.Empirical(new double[] {1, 2, 2, 3.5})));
    }

    static List<Distribution> all() {
        return forms().map(a -> (Distribution) a.get()[2]).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forms")
    void shouldParseTextAndObjectFormsToTheSameRecord(String text, String objectYaml, Distribution expected) {
        Distribution fromText = Distribution.parse(text);
        Distribution fromTextInFile = ttftOf("'" + text + "'");
        Distribution fromObjectInFile = ttftOf(objectYaml);

        assertEquals(expected, fromText);
        assertEquals(expected, fromTextInFile);
        assertEquals(expected, fromObjectInFile);
        assertEquals(expected.hashCode(), fromObjectInFile.hashCode());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("all")
    void shouldPrintTextFormThatParsesBack(Distribution d) {
        assertEquals(d, Distribution.parse(d.toString()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("all")
    void shouldDrawTheSameSequenceForTheSameSeed(Distribution d) {
        double[] first = draw(d, SEED, 1_000);
        double[] again = draw(d, SEED, 1_000);

        assertArrayEquals(first, again);
        if (!(d instanceof Distribution.Constant)) {
            assertFalse(Arrays.equals(first, draw(d, SEED + 1, 1_000)), "another seed, another sequence");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("all")
    void shouldNeverDrawNegativeValues(Distribution d) {
        for (double v : draw(d, SEED, SAMPLES)) {
            assertTrue(v >= 0 && Double.isFinite(v), d + " drew " + v);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("all")
    void shouldHaveSampleMeanCloseToDeclaredMean(Distribution d) {
        double mean = Arrays.stream(draw(d, SEED, SAMPLES)).average().orElseThrow();

        assertEquals(d.mean(), mean, d.mean() * 0.02, d.toString());
    }

    @Test
    void shouldDrawUniformWithinBoundsAndReachBothEnds() {
        double[] v = draw(new Distribution.Uniform(10, 30), SEED, SAMPLES);

        double min = Arrays.stream(v).min().orElseThrow();
        double max = Arrays.stream(v).max().orElseThrow();
        assertTrue(min >= 10 && max <= 30, "within [10, 30]: " + min + ".." + max);
        assertTrue(min < 10.01 && max > 29.99, "spread over the whole range: " + min + ".." + max);
    }

    @Test
    void shouldDrawDegenerateUniformAsItsOnlyValue() {
        for (double v : draw(new Distribution.Uniform(7, 7), SEED, 100)) {
            assertEquals(7, v);
        }
    }

    @Test
    void shouldClampNormalAtZeroInsteadOfGoingNegative() {
        double[] v = draw(new Distribution.Normal(1, 5), SEED, SAMPLES);

        assertTrue(Arrays.stream(v).allMatch(x -> x >= 0), "never negative");
        long zeros = Arrays.stream(v).filter(x -> x == 0).count();
        assertTrue(zeros > SAMPLES / 4, "the negative half is clamped to 0, got " + zeros + " zeros");
    }

    @Test
    void shouldDrawOnlyListedEmpiricalValuesEachAboutEquallyOften() {
        double[] v = draw(new Distribution.Empirical(new double[] {1, 5, 9}), SEED, SAMPLES);

        for (double listed : new double[] {1, 5, 9}) {
            long count = Arrays.stream(v).filter(x -> x == listed).count();
            assertEquals(1.0 / 3, (double) count / SAMPLES, 0.02, "share of " + listed);
        }
        assertTrue(Arrays.stream(v).allMatch(x -> x == 1 || x == 5 || x == 9), "only listed values");
    }

    @Test
    void shouldMatchExponentialMeanWithinTwoPercent() {
        double mean = Arrays.stream(draw(new Distribution.Exponential(20), SEED, SAMPLES)).average().orElseThrow();

        assertEquals(20, mean, 20 * 0.02);
    }

    @Test
    void shouldDrawLogNormalAroundItsMedian() {
        double[] v = draw(new Distribution.LogNormal(350, 0.35), SEED, SAMPLES);

        long below = Arrays.stream(v).filter(x -> x < 350).count();
        assertEquals(0.5, (double) below / SAMPLES, 0.01);
        assertTrue(Arrays.stream(v).allMatch(x -> x > 0));
    }

    @Test
    void shouldRoundWholeNumberSamplesAndHonourTheMinimum() {
        SplittableRandom random = new SplittableRandom(SEED);

        assertEquals(1, new Distribution.Constant(0).sampleInt(random, 1));
        assertEquals(3, new Distribution.Constant(2.6).sampleInt(random, 0));
        assertEquals(2, new Distribution.Constant(2.4).sampleInt(random, 0));
    }

    @Test
    void shouldNotWrapAroundWhenSampleExceedsIntRange() {
        int v = new Distribution.Constant(3e9).sampleInt(new SplittableRandom(SEED), 0);

        assertTrue(v >= 0, "at least min, got " + v);
    }

    @Test
    void shouldNotLetCallersChangeEmpiricalValues() {
        Distribution.Empirical e = new Distribution.Empirical(new double[] {1, 2});

        e.values()[0] = -5;

        assertEquals(new Distribution.Empirical(new double[] {1, 2}), e);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "abc", "gamma:1", "uniform:1", "uniform:1:2:3", "uniform:5:1", "uniform:x:2",
        "normal:-1:2", "normal:1:-2", "lognormal:1", "exponential:-3", "exponential:1e400", "constant:nan",
        "constant:", "empirical:", "uniform:1:2:", "empirical:1,2,", "empirical:1,x", "empirical:1,-2", "-4"})
    void shouldRejectMalformedTextWithMessageNamingTheProblem(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Distribution.parse(text));

        assertFalse(e.getMessage() == null || e.getMessage().isBlank(), text);
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }

    @Test
    void shouldNameTheParameterThatIsNegative() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Distribution.Uniform(-1, 2))
                .getMessage().contains("min"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Distribution.Normal(3, -1))
                .getMessage().contains("stddev"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Distribution.LogNormal(3, -1))
                .getMessage().contains("sigma"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Distribution.Exponential(-1))
                .getMessage().contains("mean"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Distribution.Uniform(5, 1))
                .getMessage().contains("max >= min"));
        assertThrows(IllegalArgumentException.class, () -> new Distribution.Constant(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new Distribution.Constant(Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> new Distribution.Empirical(new double[0]));
    }

    @Test
    void shouldCopyEmpiricalValuesOnConstruction() {
        double[] values = {1, 2};
        Distribution.Empirical e = new Distribution.Empirical(values);

        values[0] = 100;

        assertEquals(new Distribution.Empirical(new double[] {1, 2}), e);
    }

    private static Distribution ttftOf(String yamlValue) {
        return ProfileLoader.parse("profiles: {p: {extends: instant, ttft_ms: " + yamlValue + "}}").named("p").ttftMs();
    }

    private static double[] draw(Distribution d, long seed, int count) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            out[i] = d.sample(random);
        }
        return out;
    }
}
