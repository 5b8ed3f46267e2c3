package io.streambench.mock.profile;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A distribution of non-negative values (milliseconds, tokens, bytes) sampled with a caller-owned random source.
 *
 * <pre>
 * Distribution itl = Distribution.parse("lognormal:25:0.3"); // median 25, sigma 0.3
 * double ms = itl.sample(new SplittableRandom(42));
 * </pre>
 *
 * <p>The text form is used by request headers and accepted in profile files:
 * {@code 20}, {@code constant:20}, {@code uniform:10:30}, {@code normal:25:5}, {@code lognormal:25:0.3}
 * (median, sigma of the underlying normal), {@code exponential:20} (mean), {@code empirical:1,2,3}.
 * Every sample is clamped at 0.
 */
public sealed interface Distribution {

    /** Draws one value; never negative. */
    double sample(SplittableRandom random);

    /** The mean of the distribution (after clamping at 0 it may be slightly higher for normal). */
    double mean();

    /** Draws one value rounded to a whole number, at least {@code min} and at most {@link Integer#MAX_VALUE}. */
    default int sampleInt(SplittableRandom random, int min) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(min, Math.round(sample(random))));
    }

    /** Always the same value. */
    record Constant(double value) implements Distribution {
        public Constant {
            requireNonNegative("value", value);
        }

        @Override
        public double sample(SplittableRandom random) {
            return value;
        }

        @Override
        public double mean() {
            return value;
        }

        @Override
        public String toString() {
            return "constant:" + fmt(value);
        }
    }

    /** Uniform on [min, max]. */
    record Uniform(double min, double max) implements Distribution {
        public Uniform {
            requireNonNegative("min", min);
            if (!(max >= min)) {
                throw new IllegalArgumentException("uniform needs max >= min, got min=" + fmt(min) + " max=" + fmt(max));
            }
        }

        @Override
        public double sample(SplittableRandom random) {
            return max == min ? min : min + random.nextDouble() * (max - min);
        }

        @Override
        public double mean() {
            return (min + max) / 2;
        }

        @Override
        public String toString() {
            return "uniform:" + fmt(min) + ":" + fmt(max);
        }
    }

    /** Normal with the given mean and standard deviation, clamped at 0. */
    record Normal(double mean, double stddev) implements Distribution {
        public Normal {
            requireNonNegative("mean", mean);
            requireNonNegative("stddev", stddev);
        }

        @Override
        public double sample(SplittableRandom random) {
            return Math.max(0, mean + stddev * gaussian(random));
        }

        @Override
        public String toString() {
            return "normal:" + fmt(mean) + ":" + fmt(stddev);
        }
    }

    /** Log-normal given by its median and the standard deviation {@code sigma} of the underlying normal. */
    record LogNormal(double median, double sigma) implements Distribution {
        public LogNormal {
            requireNonNegative("median", median);
            requireNonNegative("sigma", sigma);
        }

        @Override
        public double sample(SplittableRandom random) {
            return median * Math.exp(sigma * gaussian(random));
        }

        @Override
        public double mean() {
            return median * Math.exp(sigma * sigma / 2);
        }

        @Override
        public String toString() {
            return "lognormal:" + fmt(median) + ":" + fmt(sigma);
        }
    }

    /** Exponential with the given mean (memoryless gaps, as in a Poisson process). */
    record Exponential(double mean) implements Distribution {
        public Exponential {
            requireNonNegative("mean", mean);
        }

        @Override
        public double sample(SplittableRandom random) {
            return -mean * Math.log(1 - random.nextDouble());
        }

        @Override
        public String toString() {
            return "exponential:" + fmt(mean);
        }
    }

    /** One of the listed values, each equally likely (for example gaps replayed from a captured stream). */
    record Empirical(double[] values) implements Distribution {
        public Empirical {
            if (values == null || values.length == 0) {
                throw new IllegalArgumentException("empirical needs at least one value");
            }
            values = values.clone();
            for (double v : values) {
                requireNonNegative("value", v);
            }
        }

        @Override
        public double sample(SplittableRandom random) {
            return values[random.nextInt(values.length)];
        }

        @Override
        public double mean() {
            return Arrays.stream(values).average().orElse(0);
        }

        /** A copy: the record stays immutable. */
        @Override
        public double[] values() {
            return values.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Empirical e && Arrays.equals(values, e.values);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(values);
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder("empirical:");
            for (int i = 0; i < values.length; i++) {
                sb.append(i == 0 ? "" : ",").append(fmt(values[i]));
            }
            return sb.toString();
        }
    }

    /** Shorthand for a constant. */
    static Distribution constant(double value) {
        return new Constant(value);
    }

    /**
     * Parses the text form described in the class comment.
     *
     * @throws IllegalArgumentException with a message that names the bad text
     */
    static Distribution parse(String text) {
        String s = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (s.isEmpty()) {
            throw new IllegalArgumentException("empty distribution");
        }
        int colon = s.indexOf(':');
        if (colon < 0) {
            return new Constant(number(s, text));
        }
        String kind = s.substring(0, colon);
        String rest = s.substring(colon + 1);
        // limit -1 keeps trailing empty parts, so "uniform:1:2:" is an error, not uniform:1:2
        String[] p = kind.equals("empirical") ? rest.split(",", -1) : rest.split(":", -1);
        return switch (kind) {
            case "constant" -> new Constant(number(args(p, 1, text)[0], text));
            case "uniform" -> new Uniform(number(args(p, 2, text)[0], text), number(p[1], text));
            case "normal" -> new Normal(number(args(p, 2, text)[0], text), number(p[1], text));
            case "lognormal" -> new LogNormal(number(args(p, 2, text)[0], text), number(p[1], text));
            case "exponential" -> new Exponential(number(args(p, 1, text)[0], text));
            case "empirical" -> new Empirical(Arrays.stream(p).mapToDouble(v -> number(v, text)).toArray());
            default -> throw new IllegalArgumentException("unknown distribution '" + kind
                    + "' in '" + text + "' (constant, uniform, normal, lognormal, exponential, empirical)");
        };
    }

    private static String[] args(String[] parts, int expected, String text) {
        if (parts.length != expected) {
            throw new IllegalArgumentException("distribution '" + text + "' needs " + expected + " parameter(s)");
        }
        return parts;
    }

    private static double number(String s, String text) {
        try {
            double v = Double.parseDouble(s.trim());
            if (!Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number: '" + s.trim() + "' in distribution '" + text + "'");
        }
    }

    private static void requireNonNegative(String name, double v) {
        if (!(v >= 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(name + " must be a finite number >= 0, got " + v);
        }
    }

    private static double gaussian(SplittableRandom random) {
        // Box-Muller; SplittableRandom has no nextGaussian on Java 17.
        double u1 = 1 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
