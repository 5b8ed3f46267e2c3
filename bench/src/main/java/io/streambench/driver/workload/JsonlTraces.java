package io.streambench.driver.workload;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads JSONL traces: Mooncake's ({@code timestamp} ms, {@code input_length}, ...) and the plain one. */
final class JsonlTraces {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonlTraces() {
    }

    static Trace read(Path file, TraceFormat format) {
        TraceRows rows = new TraceRows(file);
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (!line.isBlank()) {
                    String origin = file + ":" + number;
                    JsonNode row = parse(line, origin);
                    if (format == TraceFormat.MOONCAKE) {
                        rows.add(number(row, "timestamp", origin), 1e6, whole(row, "input_length", origin),
                                whole(row, "output_length", origin), hashIds(row.get("hash_ids"), origin), origin,
                                "input_length", "output_length");
                    } else {
                        boolean seconds = row.has("timestamp_s");
                        if (seconds && row.has("timestamp_ms")) {
                            throw new IllegalArgumentException(origin + ": has both timestamp_ms and timestamp_s");
                        }
                        rows.add(number(row, seconds ? "timestamp_s" : "timestamp_ms", origin), seconds ? 1e9 : 1e6,
                                whole(row, "input_tokens", origin), whole(row, "output_tokens", origin), List.of(),
                                origin, "input_tokens", "output_tokens");
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read trace " + file + ": " + e.getMessage(), e);
        }
        return rows.trace(format);
    }

    private static JsonNode parse(String line, String origin) {
        try {
            JsonNode node = JSON.readTree(line);
            if (!node.isObject()) {
                throw new IllegalArgumentException(origin + ": expected a JSON object, got " + node.getNodeType());
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(origin + ": not JSON: " + e.getOriginalMessage());
        }
    }

    private static double number(JsonNode row, String name, String origin) {
        JsonNode value = row.get(name);
        if (value == null || !value.isNumber()) {
            throw new IllegalArgumentException(origin + ": needs a number \"" + name + "\"");
        }
        return value.asDouble();
    }

    private static long whole(JsonNode row, String name, String origin) {
        JsonNode value = row.get(name);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new IllegalArgumentException(origin + ": needs a whole number \"" + name + "\""
                    + (value == null ? "" : ", got " + value));
        }
        return value.asLong();
    }

    private static List<Long> hashIds(JsonNode ids, String origin) {
        if (ids == null || ids.isNull()) {
            return List.of();
        }
        if (!ids.isArray()) {
            throw new IllegalArgumentException(origin + ": hash_ids must be an array of whole numbers");
        }
        List<Long> out = new ArrayList<>(ids.size());
        for (JsonNode id : ids) {
            if (!id.isIntegralNumber() || !id.canConvertToLong() || id.asLong() < 0) {
                throw new IllegalArgumentException(origin + ": hash_ids must be whole numbers >= 0, got " + id);
            }
            out.add(id.asLong());
        }
        return out;
    }
}
