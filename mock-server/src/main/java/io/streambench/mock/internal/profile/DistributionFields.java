package io.streambench.mock.internal.profile;

import com.fasterxml.jackson.databind.JsonNode;
import io.streambench.mock.profile.Distribution;
import io.streambench.mock.profile.ProfileException;
import java.util.Locale;
import java.util.Set;

/**
 * A profile field that holds a {@link Distribution}, in any of its JSON forms: a number, the text form
 * ({@code uniform:10:30}), or an object with {@code type} and that type's parameters. A mistake is a
 * {@link ProfileException} naming the field.
 */
final class DistributionFields {

    private DistributionFields() {
    }

    /** Reads a distribution from a number, its text form, or an object with {@code type}. */
    static Distribution read(JsonNode parent, String field, String fallback) {
        JsonNode v = parent.get(field);
        try {
            if (v == null || v.isNull()) {
                return Distribution.parse(fallback);
            }
            if (v.isNumber()) {
                return new Distribution.Constant(v.asDouble());
            }
            if (v.isTextual()) {
                return Distribution.parse(v.asText());
            }
            if (v.isObject()) {
                return distributionObject(v);
            }
        } catch (IllegalArgumentException e) {
            throw new ProfileException(field + ": " + e.getMessage());
        }
        throw new ProfileException(field + ": expected a number, a text like 'uniform:10:30' or {type: ...}");
    }

    private static Distribution distributionObject(JsonNode v) {
        String type = v.path("type").asText("").toLowerCase(Locale.ROOT);
        return switch (type) {
            case "constant" -> {
                ProfileFields.checkKeys(v, Set.of("type", "value"), "constant");
                yield new Distribution.Constant(ProfileFields.num(v, "value"));
            }
            case "uniform" -> {
                ProfileFields.checkKeys(v, Set.of("type", "min", "max"), "uniform");
                yield new Distribution.Uniform(ProfileFields.num(v, "min"), ProfileFields.num(v, "max"));
            }
            case "normal" -> {
                ProfileFields.checkKeys(v, Set.of("type", "mean", "stddev"), "normal");
                yield new Distribution.Normal(ProfileFields.num(v, "mean"), ProfileFields.num(v, "stddev"));
            }
            case "lognormal" -> {
                ProfileFields.checkKeys(v, Set.of("type", "median", "sigma"), "lognormal");
                yield new Distribution.LogNormal(ProfileFields.num(v, "median"), ProfileFields.num(v, "sigma"));
            }
            case "exponential" -> {
                ProfileFields.checkKeys(v, Set.of("type", "mean"), "exponential");
                yield new Distribution.Exponential(ProfileFields.num(v, "mean"));
            }
            case "empirical" -> {
                ProfileFields.checkKeys(v, Set.of("type", "values"), "empirical");
                JsonNode values = v.path("values");
                if (!values.isArray()) {
                    throw new IllegalArgumentException("empirical needs 'values', a list of numbers");
                }
                double[] d = new double[values.size()];
                for (int i = 0; i < d.length; i++) {
                    if (!values.get(i).isNumber()) {
                        throw new IllegalArgumentException("empirical values must be numbers, got " + values.get(i));
                    }
                    d[i] = values.get(i).asDouble();
                }
                yield new Distribution.Empirical(d);
            }
            default -> throw new IllegalArgumentException("unknown distribution type '" + type
                    + "' (constant, uniform, normal, lognormal, exponential, empirical)");
        };
    }
}
