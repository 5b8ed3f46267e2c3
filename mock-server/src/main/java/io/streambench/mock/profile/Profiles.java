package io.streambench.mock.profile;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The profiles a server knows, by model name, and the one used for any other model.
 *
 * @param byName profiles by model name, in file order
 * @param sources the resolved source of each profile (so a later file can {@code extends} it)
 * @param defaultName the profile answering models no profile names
 */
public record Profiles(Map<String, Profile> byName, Map<String, JsonNode> sources, String defaultName) {

    public Profiles {
        byName = Collections.unmodifiableMap(new LinkedHashMap<>(byName));
        sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
        if (!byName.isEmpty() && !byName.containsKey(defaultName)) {
            throw new IllegalArgumentException("default profile '" + defaultName + "' is not a profile");
        }
    }

    static Profiles empty() {
        return new Profiles(Map.of(), Map.of(), null);
    }

    /** The profile for {@code model}: its own, or the default one. */
    public Profile forModel(String model) {
        Profile p = model == null ? null : byName.get(model);
        return p != null ? p : byName.get(defaultName);
    }

    /** The profile named {@code name}, or null. */
    public Profile named(String name) {
        return byName.get(name);
    }
}
