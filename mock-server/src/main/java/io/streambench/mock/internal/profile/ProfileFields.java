package io.streambench.mock.internal.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streambench.mock.fault.Fault;
import io.streambench.mock.fault.FaultSpec;
import io.streambench.mock.fault.RateLimit;
import io.streambench.mock.profile.ContentSource;
import io.streambench.mock.profile.Distribution;
import io.streambench.mock.profile.FlushPolicy;
import io.streambench.mock.profile.Pings;
import io.streambench.mock.profile.Profile;
import io.streambench.mock.profile.ProfileException;
import io.streambench.mock.profile.ProfileLoader;
import io.streambench.mock.profile.ReasoningSettings;
import io.streambench.mock.profile.ToolCallSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the fields of one profile, after {@link ProfileLoader} merged it over the profile it extends, into a
 * {@link Profile}. Each field has its defaults and its text forms here; a mistake is a {@link ProfileException}
 * naming the field.
 *
 * <p>A distribution's JSON forms are read by {@link DistributionFields}.
 */
public final class ProfileFields {

    private ProfileFields() {
    }

    /**
     * @param n the profile's fields, merged over the profile it extends
     * @param baseDir the folder of the profiles file (a content file is relative to it), or null
     */
    public static Profile toProfile(String name, ObjectNode n, Path baseDir) {
        return new Profile(
                name,
                DistributionFields.read(n, "ttft_ms", "0"),
                DistributionFields.read(n, "itl_ms", "0"),
                n.hasNonNull("output_tokens") ? DistributionFields.read(n, "output_tokens", null) : null,
                DistributionFields.read(n, "tokens_per_chunk", "1"),
                content(n.get("content"), baseDir),
                DistributionFields.read(n, "padding_bytes", "0"),
                bool(n, "usage_null_on_chunks", false),
                flush(n.get("flush")),
                bool(n, "require_api_key", false),
                bool(n, "timestamps", false),
                toolCalls(n.get("tool_calls")),
                reasoning(n),
                n.hasNonNull("system_fingerprint") ? n.get("system_fingerprint").asText() : null,
                faults(n.get("faults")),
                rateLimit(n.get("rate_limit")),
                pings(n.get("pings")),
                ModelFields.read(n));
    }

    /** A number field of {@code v}; IllegalArgumentException naming it otherwise. */
    static double num(JsonNode v, String field) {
        JsonNode x = v.get(field);
        if (x == null || !x.isNumber()) {
            throw new IllegalArgumentException("'" + field + "' must be a number");
        }
        return x.asDouble();
    }

    private static ContentSource content(JsonNode v, Path baseDir) {
        if (v == null || v.isNull()) {
            return new ContentSource.Generated();
        }
        String type = v.isTextual() ? v.asText() : v.path("type").asText("");
        if (v.isObject()) {
            checkKeys(v, Set.of("type", "text", "path"), "content");
        }
        return switch (type) {
            case "generated" -> new ContentSource.Generated();
            case "echo" -> new ContentSource.Echo();
            case "fixed" -> {
                if (!v.path("text").isTextual() || v.path("text").asText().isEmpty()) {
                    throw new ProfileException("content: fixed needs a non-empty 'text'");
                }
                yield ContentSource.Fixed.of(v.path("text").asText());
            }
            case "file" -> {
                String p = v.path("path").asText("");
                if (p.isEmpty()) {
                    throw new ProfileException("content: file needs a 'path'");
                }
                Path path = baseDir == null ? Path.of(p) : baseDir.resolve(p);
                try {
                    String text = Files.readString(path, StandardCharsets.UTF_8);
                    if (text.isEmpty()) {
                        throw new ProfileException("content: file " + path + " is empty");
                    }
                    yield new ContentSource.File(p, ContentSource.Fixed.of(text));
                } catch (IOException e) {
                    throw new ProfileException("content: cannot read " + path + ": " + oneLine(e));
                }
            }
            default -> throw new ProfileException("content: unknown type '" + type
                    + "' (generated, fixed, echo, file)");
        };
    }

    private static FlushPolicy flush(JsonNode v) {
        if (v == null || v.isNull()) {
            return new FlushPolicy.EachEvent();
        }
        if (!v.isTextual()) {
            throw new ProfileException("flush: expected 'each', 'every:N' or 'window:MS'");
        }
        try {
            return FlushPolicy.parse(v.asText());
        } catch (IllegalArgumentException e) {
            throw new ProfileException("flush: " + e.getMessage());
        }
    }

    private static Pings pings(JsonNode v) {
        if (v == null || v.isNull()) {
            return Pings.FIRST;
        }
        if (!v.isTextual()) {
            throw new ProfileException("pings: expected 'first', 'none' or 'every:N'");
        }
        try {
            return Pings.parse(v.asText());
        } catch (IllegalArgumentException e) {
            throw new ProfileException("pings: " + e.getMessage());
        }
    }

    private static ToolCallSettings toolCalls(JsonNode v) {
        if (v == null || v.isNull()) {
            return new ToolCallSettings(1.0, 1, new Distribution.Uniform(4, 16));
        }
        if (!v.isObject()) {
            throw new ProfileException("tool_calls: expected a mapping");
        }
        checkKeys(v, Set.of("probability", "parallel", "argument_chars_per_chunk"), "tool_calls");
        try {
            return new ToolCallSettings(
                    v.has("probability") ? num(v, "probability") : 1.0,
                    v.has("parallel") ? (int) num(v, "parallel") : 1,
                    DistributionFields.read(v, "argument_chars_per_chunk", "uniform:4:16"));
        } catch (ProfileException e) {
            throw new ProfileException("tool_calls." + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new ProfileException("tool_calls: " + e.getMessage());
        }
    }

    private static ReasoningSettings reasoning(JsonNode n) {
        Distribution tokens = n.hasNonNull("reasoning_tokens") ? DistributionFields.read(n, "reasoning_tokens", null) : null;
        JsonNode field = n.get("reasoning_field");
        if (field == null || field.isNull()) {
            return new ReasoningSettings(tokens, ReasoningSettings.ChatField.REASONING_CONTENT);
        }
        if (!field.isTextual()) {
            throw new ProfileException("reasoning_field: expected reasoning_content or reasoning, got " + field);
        }
        try {
            return new ReasoningSettings(tokens, ReasoningSettings.ChatField.parse(field.asText()));
        } catch (IllegalArgumentException e) {
            throw new ProfileException("reasoning_field: " + e.getMessage());
        }
    }

    private static List<Fault> faults(JsonNode v) {
        if (v == null || v.isNull()) {
            return List.of();
        }
        List<Fault> out = new ArrayList<>();
        try {
            if (v.isTextual()) {
                return FaultSpec.parse(v.asText());
            }
            if (!v.isArray()) {
                throw new ProfileException("faults: expected a list of fault specs like 'http:status=503@p=0.1'");
            }
            for (JsonNode f : v) {
                if (!f.isTextual()) {
                    throw new ProfileException("faults: every entry must be a text, got " + f);
                }
                out.addAll(FaultSpec.parse(f.asText()));
            }
        } catch (ProfileException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new ProfileException("faults: " + e.getMessage());
        }
        return out;
    }

    private static RateLimit rateLimit(JsonNode v) {
        if (v == null || v.isNull()) {
            return new RateLimit(0, 0, false);
        }
        if (!v.isObject()) {
            throw new ProfileException("rate_limit: expected a mapping");
        }
        checkKeys(v, Set.of("requests_per_minute", "tokens_per_minute", "per_key"), "rate_limit");
        try {
            return new RateLimit(v.has("requests_per_minute") ? (long) num(v, "requests_per_minute") : 0,
                    v.has("tokens_per_minute") ? (long) num(v, "tokens_per_minute") : 0,
                    bool(v, "per_key", false));
        } catch (ProfileException e) {
            throw new ProfileException("rate_limit." + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new ProfileException("rate_limit: " + e.getMessage());
        }
    }

    private static boolean bool(JsonNode n, String field, boolean fallback) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isBoolean()) {
            throw new ProfileException(field + ": expected true or false, got " + v);
        }
        return v.asBoolean();
    }

    public static void checkKeys(JsonNode node, Set<String> allowed, String where) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!allowed.contains(key)) {
                throw new ProfileException(where + ": unknown key '" + key + "' (allowed: "
                        + String.join(", ", new TreeSet<>(allowed)) + ")");
            }
        }
    }

    public static String oneLine(Exception e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
