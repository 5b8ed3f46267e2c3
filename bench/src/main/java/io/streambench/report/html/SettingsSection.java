package io.streambench.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import io.streambench.report.folder.RunJson;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The report's {@code settings} section: run.json's configuration, environment and the rest, key by key. */
final class SettingsSection {

    private SettingsSection() {
    }

    /** Every key of run.json but {@code results}, one table per section, as this version reads the file. */
    static void write(Page page, RunJson.Document document) {
        page.h2("settings", "Run settings");
        JsonNode run = RunJson.tree(document);
        List<List<String>> general = new ArrayList<>();
        for (String key : List.of("name", "status", "start", "end", "duration_s")) {
            if (run.has(key)) {
                general.add(List.of(key, run.get(key).asText()));
            }
        }
        page.table(List.of("key", "value"), general);
        Map<String, String> sections = new LinkedHashMap<>();
        sections.put("config", "Configuration (target, stages, bounds, timeouts, retry, client: stack, parser, flush, accumulate)");
        sections.put("environment", "Environment (JDK, OS, CPUs, transport, git commit)");
        sections.put("mock_server", "Embedded mock server");
        Iterator<String> names = run.fieldNames();
        while (names.hasNext()) {
            String key = names.next();
            if (!general.stream().anyMatch(r -> r.get(0).equals(key)) && !"results".equals(key)) {
                sections.putIfAbsent(key, key);
            }
        }
        for (Map.Entry<String, String> e : sections.entrySet()) {
            JsonNode node = run.get(e.getKey());
            if (node == null || node.isNull()) {
                continue;
            }
            List<List<String>> rows = new ArrayList<>();
            flatten("", node, rows);
            page.h3(e.getValue());
            page.table(List.of("key", "value"), rows);
        }
        JsonNode results = run.path("results");
        if (results.has("max_heap_used_mb")) {
            page.note("Largest heap in use " + Page.number(results.path("max_heap_used_mb").asDouble()) + " MiB; largest "
                    + "live heap after a collection " + Page.number(results.path("max_heap_after_gc_mb").asDouble())
                    + " MiB.");
        }
    }

    /** One row per leaf: {@code target.url}, {@code stages[0].concurrency}... */
    private static void flatten(String prefix, JsonNode node, List<List<String>> rows) {
        if (node.isObject()) {
            if (node.isEmpty()) {
                rows.add(List.of(prefix, "{}"));
            }
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), rows);
            }
        } else if (node.isArray()) {
            if (node.isEmpty()) {
                rows.add(List.of(prefix, "[]"));
            }
            for (int i = 0; i < node.size(); i++) {
                flatten(prefix + "[" + i + "]", node.get(i), rows);
            }
        } else {
            rows.add(List.of(prefix, node.isNull() ? "null" : node.asText()));
        }
    }
}
