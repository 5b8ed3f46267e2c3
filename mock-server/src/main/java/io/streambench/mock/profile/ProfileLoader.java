package io.streambench.mock.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.streambench.mock.internal.profile.ProfileFields;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads profiles from YAML or JSON (JSON is YAML, so one parser reads both).
 *
 * <pre>
 * default_profile: realistic      # used for models no profile names
 * profiles:
 *   my-model:
 *     extends: realistic          # start from another profile, override what follows
 *     ttft_ms: lognormal:300:0.4  # or 300, or {type: lognormal, median: 300, sigma: 0.4}
 *     itl_ms: normal:25:5
 * </pre>
 *
 * Unknown keys are errors: a typo must not silently fall back to a default.
 */
public final class ProfileLoader {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String BUILTIN = "builtin-profiles.yaml";
    private static final Set<String> TOP_KEYS = Set.of("default_profile", "profiles");
    private static final Set<String> PROFILE_KEYS = Set.of("extends", "ttft_ms", "itl_ms", "output_tokens",
            "tokens_per_chunk", "content", "padding_bytes", "usage_null_on_chunks", "flush", "require_api_key",
            "timestamps", "tool_calls", "reasoning_tokens", "reasoning_field", "system_fingerprint", "faults",
            "rate_limit", "pings", "tokenizer", "prefill_ms_per_1k_tokens", "prefix_cache", "capacity");

    private ProfileLoader() {
    }

    /** The built-in profiles shipped in the jar. */
    public static Profiles builtins() {
        try (InputStream in = ProfileLoader.class.getResourceAsStream(BUILTIN)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + BUILTIN);
            }
            return parse(YAML.readTree(in), "built-in profiles", null, Profiles.empty());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Built-ins plus (and overridden by) the profiles of {@code file}. */
    public static Profiles load(Path file) {
        JsonNode root;
        try {
            root = YAML.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ProfileException(file + ": cannot read profiles: " + ProfileFields.oneLine(e));
        }
        return parse(root, file.toString(), file.toAbsolutePath().getParent(), builtins());
    }

    /** Built-ins plus the profiles in {@code text} (YAML or JSON); for tests and embedding. */
    public static Profiles parse(String text) {
        try {
            return parse(YAML.readTree(text), "profiles", null, builtins());
        } catch (IOException e) {
            throw new ProfileException("profiles: " + ProfileFields.oneLine(e));
        }
    }

    private static Profiles parse(JsonNode root, String source, Path baseDir, Profiles base) {
        if (root == null || !root.isObject()) {
            throw new ProfileException(source + ": expected a mapping with 'profiles'");
        }
        ProfileFields.checkKeys(root, TOP_KEYS, source);
        JsonNode list = root.path("profiles");
        if (!list.isObject()) {
            throw new ProfileException(source + ": 'profiles' must be a mapping of name to profile");
        }
        Map<String, JsonNode> raw = new LinkedHashMap<>();
        list.fields().forEachRemaining(e -> raw.put(e.getKey(), e.getValue()));
        Map<String, Profile> result = new LinkedHashMap<>(base.byName());
        Map<String, JsonNode> done = new LinkedHashMap<>();
        for (String name : raw.keySet()) {
            resolve(name, raw, done, base.sources(), source, new ArrayList<>());
        }
        Map<String, JsonNode> resolved = new LinkedHashMap<>(base.sources());
        resolved.putAll(done);
        for (String name : raw.keySet()) {
            String where = source + ": profiles." + name;
            try {
                result.put(name, ProfileFields.toProfile(name, (ObjectNode) resolved.get(name), baseDir));
            } catch (ProfileException e) {
                throw new ProfileException(where + "." + e.getMessage());
            } catch (IllegalArgumentException e) {
                throw new ProfileException(where + ": " + e.getMessage());
            }
        }
        String defaultName = root.hasNonNull("default_profile") ? root.get("default_profile").asText()
                : base.defaultName();
        if (defaultName == null || !result.containsKey(defaultName)) {
            throw new ProfileException(source + ": default_profile '" + defaultName + "' is not a profile");
        }
        return new Profiles(result, resolved, defaultName);
    }

    /**
     * Merges a profile over the profile it extends. {@code done} holds this file's resolved profiles;
     * {@code base} the ones it builds on (built-ins), so a profile may extend a built-in of its own name.
     */
    private static ObjectNode resolve(String name, Map<String, JsonNode> raw, Map<String, JsonNode> done,
            Map<String, JsonNode> base, String source, List<String> chain) {
        if (done.containsKey(name)) {
            return (ObjectNode) done.get(name);
        }
        if (chain.contains(name)) {
            throw new ProfileException(source + ": profiles." + name + ".extends: cycle " + chain + " -> " + name);
        }
        JsonNode node = raw.get(name);
        if (!node.isObject()) {
            throw new ProfileException(source + ": profiles." + name + " must be a mapping");
        }
        ProfileFields.checkKeys(node, PROFILE_KEYS, source + ": profiles." + name);
        ObjectNode merged = YAML.createObjectNode();
        if (node.hasNonNull("extends")) {
            String parent = node.get("extends").asText();
            if (!parent.equals(name) && raw.containsKey(parent)) {
                chain.add(name);
                merged.setAll(resolve(parent, raw, done, base, source, chain));
                chain.remove(chain.size() - 1);
            } else if (base.containsKey(parent)) {
                merged.setAll((ObjectNode) base.get(parent));
            } else {
                throw new ProfileException(source + ": profiles." + name + ".extends: no profile named '"
                        + parent + "'");
            }
        }
        merged.setAll((ObjectNode) node);
        merged.remove("extends");
        done.put(name, merged);
        return merged;
    }
}
