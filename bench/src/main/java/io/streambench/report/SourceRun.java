package io.streambench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streambench.report.folder.RunFolder;
import io.streambench.report.folder.RunJson;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One driver's run folder as {@code merge} reads it: its {@code run.json} and the settings that must be
 * equal in every run of a merge.
 *
 * @param folder the run folder
 * @param json   its {@code run.json}, a single driver's
 */
record SourceRun(RunFolder folder, RunJson.Run json) {

    /**
     * The {@code run.json} parts that define what was measured. Left out on purpose: the seed, the io
     * threads, the environment and the embedded mock's URL (each driver's own mock has its own port).
     */
    private static final List<String> SETTINGS = List.of("/config/target", "/config/stages", "/config/bounds",
            "/config/timeouts", "/config/retry", "/config/client", "/mock_server/profile",
            "/mock_server/profiles_file", "/mock_server/tls");
    private static final String ABSENT = "(absent)";

    /** Reads {@code dir}; IllegalArgumentException with one line if it is not a single run's folder. */
    static SourceRun read(Path dir) {
        RunFolder folder = RunFolder.open(dir);
        Path file = dir.resolve(RunFolder.RUN_JSON);
        if (!(folder.json() instanceof RunJson.Run run)) {
            throw new IllegalArgumentException(dir + " is a merged run; merge the drivers' own runs instead");
        }
        if (run.config() == null || run.results() == null || run.results().stages() == null) {
            throw new IllegalArgumentException(file + " has no config or results.stages");
        }
        SourceRun source = new SourceRun(folder, run);
        source.start();
        source.end();
        return source;
    }

    Path dir() {
        return folder.dir();
    }

    /** The driver's id ({@code --driver-id}), or the folder name for runs written before there were ids. */
    String driverId() {
        String id = json.driver().driverId();
        return id != null ? id : dir().getFileName().toString();
    }

    Instant start() {
        return instant("start", json.start());
    }

    Instant end() {
        return instant("end", json.end());
    }

    private Instant instant(String key, String text) {
        try {
            return Instant.parse(String.valueOf(text));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(dir().resolve(RunFolder.RUN_JSON) + " has no valid '" + key + "' time");
        }
    }

    /** The settings that must match, flattened to {@code config.client.parser -> "bytes-scan"}. */
    Map<String, String> settings() {
        JsonNode tree = RunJson.tree(json);
        Map<String, String> flat = new LinkedHashMap<>();
        boolean embedded = json.driver().mockServer() != null;
        for (String pointer : SETTINGS) {
            JsonNode node = tree.at(pointer);
            String name = pointer.substring(1).replace('/', '.');
            if (embedded && pointer.equals("/config/target") && node.isObject()) {
                node = node.deepCopy();
                ((ObjectNode) node).remove("url");
            }
            flatten(name, node, flat);
        }
        return flat;
    }

    private static void flatten(String name, JsonNode node, Map<String, String> into) {
        if (node.isMissingNode()) {
            into.put(name, ABSENT);
        } else if (node.isObject()) {
            into.put(name, node.isEmpty() ? "{}" : "");
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                flatten(name + "." + e.getKey(), e.getValue(), into);
            }
        } else if (node.isArray()) {
            into.put(name + ".length", Integer.toString(node.size()));
            for (int i = 0; i < node.size(); i++) {
                flatten(name + "[" + i + "]", node.get(i), into);
            }
        } else {
            into.put(name, node.isNull() ? "null" : node.asText());
        }
    }

    /**
     * Throws IllegalArgumentException naming the first setting in which {@code other} differs from this
     * run, with both values.
     */
    void requireSameSettings(SourceRun other) {
        Map<String, String> mine = settings();
        Map<String, String> theirs = other.settings();
        for (String key : union(mine, theirs)) {
            String a = mine.getOrDefault(key, ABSENT);
            String b = theirs.getOrDefault(key, ABSENT);
            if (!a.equals(b)) {
                throw new IllegalArgumentException("runs differ in " + key + ": " + show(a) + " (" + dir() + ") vs "
                        + show(b) + " (" + other.dir() + ")");
            }
        }
    }

    private static Iterable<String> union(Map<String, String> a, Map<String, String> b) {
        Map<String, Boolean> keys = new LinkedHashMap<>();
        a.keySet().forEach(k -> keys.put(k, true));
        b.keySet().forEach(k -> keys.put(k, true));
        return keys.keySet();
    }

    private static String show(String value) {
        return value.isEmpty() ? "{...}" : value;
    }
}
