package io.streambench.report.folder;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.streambench.mock.stats.StatsSnapshot;
import io.streambench.report.folder.RunJsonConfig.Config;
import io.streambench.report.folder.RunJsonResults.Results;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code run.json} as records, written and read through the same types (keys in reports/README.md): a run's
 * own ({@link Run}) or a merge's ({@link Merged}). Record components are camelCase and written snake_case
 * ({@code durationS} is {@code duration_s}), in declaration order.
 *
 * <pre>{@code
 * RunJson.write(dir.resolve("run.json"), run);
 * RunJson.Document doc = RunJson.read(dir.resolve("run.json"));   // a Run or a Merged
 * }</pre>
 */
public final class RunJson {

    /** Unknown keys are passed over: a run.json of a later version still reads. */
    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private RunJson() {
    }

    /** What a report, a comparison and a merge read of any run.json. */
    public sealed interface Document permits Run, Merged {
        String name();

        /** {@code completed}, {@code failed} or {@code interrupted}. */
        String status();

        /** ISO-8601. */
        String start();

        String end();

        Double durationS();

        Config config();

        Results results();
    }

    /**
     * A single driver's run.
     *
     * @param earlyStop why {@code --fail-fast} stopped it, or null
     * @param driver    written as keys of the document itself, after {@code results}
     */
    public record Run(String name, String status, EarlyStop earlyStop, String start, String end, Double durationS,
            Config config, Environment environment, Results results, @JsonUnwrapped Driver driver)
            implements Document {
    }

    /**
     * What {@code streambench merge} writes.
     *
     * @param disjoint   some stage's measured windows did not overlap ({@code --allow-disjoint})
     * @param mergedFrom the sources, in the order given
     * @param config     the first source's
     */
    public record Merged(String name, String status, String start, String end, Double durationS, List<String> driverIds,
            boolean disjoint, List<Source> mergedFrom, Config config, Results results) implements Document {
    }

    /**
     * One source of a merge.
     *
     * @param dir      its folder, absolute
     * @param measured per stage with values, its measured window
     * @param results  as in its own run.json
     */
    public record Source(String dir, String name, String driverId, Integer driverIndex, String startAt, String start,
            String end, String status, List<Measured> measured, Environment environment, Results results) {
    }

    /** A source's measured window in one stage, ISO-8601. */
    public record Measured(int stage, String start, String end) {
    }

    /** @param status the HTTP status, null without one */
    public record EarlyStop(long requests, String errorClass, Integer status, String message) {
    }

    /**
     * How this driver was started and what it started with; each null when it does not apply.
     *
     * @param driverId     {@code --driver-id}
     * @param driverIndex  the Job's {@code JOB_COMPLETION_INDEX}
     * @param startAt      the {@code --start-at} time waited for, ISO-8601
     * @param clientWarmup the client warm-up, null with {@code --client-warmup 0}
     * @param mockServer   the embedded mock (left out without one)
     * @param tls          for https targets (left out otherwise)
     * @param gateway      what {@code run --gateway} found (left out otherwise): written by
     *                     {@code io.streambench.driver.gateway}, its keys in reports/README.md
     */
    public record Driver(String driverId, Integer driverIndex, String startAt, ClientWarmup clientWarmup,
            @JsonInclude(JsonInclude.Include.NON_NULL) MockServer mockServer,
            @JsonInclude(JsonInclude.Include.NON_NULL) Tls tls,
            @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode gateway) {

        /** A driver that measured no gateway. */
        public Driver(String driverId, Integer driverIndex, String startAt, ClientWarmup clientWarmup,
                MockServer mockServer, Tls tls) {
            this(driverId, driverIndex, startAt, clientWarmup, mockServer, tls, null);
        }
    }

    /** Short answers streamed from a mock on loopback before the first stage. */
    public record ClientWarmup(long requestsAsked, long requests, long failed, double seconds, String target) {
    }

    /** @param tlsHandshakes with TLS only: handshakes the mock completed */
    public record MockServer(String profile, String profilesFile, String transport, boolean tls,
            @JsonInclude(JsonInclude.Include.NON_NULL) Long tlsHandshakes, StatsSnapshot stats) {
    }

    /** @param roots {@code jdk}, the {@code --ca-file} path, or {@code embedded mock} */
    public record Tls(boolean insecure, String roots) {
    }

    /** The machine and build a run ran on. */
    public record Environment(String javaVersion, String javaVendor, String javaVm, List<String> jvmArgs, String os,
            String arch, int cpus, long maxHeapMb, String transport, String gitCommit) {
    }

    /** Writes {@code document} to {@code file}; UncheckedIOException naming the file when it cannot. */
    public static void write(Path file, Document document) {
        try {
            MAPPER.writeValue(file.toFile(), document);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads {@code file}: a {@link Merged} when it has {@code merged_from}, else a {@link Run}. Anything wrong
     * (not JSON, a value of the wrong type) is an IllegalArgumentException with one line naming the file and line.
     */
    public static Document read(Path file) {
        try {
            JsonNode tree = MAPPER.readTree(file.toFile());
            if (tree == null || !tree.isObject()) {
                throw new IllegalArgumentException(file + " line 1: not a JSON object");
            }
            // read again from the file rather than the tree: a value of the wrong type then has its line
            Class<? extends Document> type = tree.has("merged_from") ? Merged.class : Run.class;
            return MAPPER.readValue(file.toFile(), type);
        } catch (JacksonException e) {
            JsonLocation at = e.getLocation();
            long line = at == null ? -1 : at.getLineNr();
            String key = "";
            if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
                key = key(m.getPath());
                // the parser's location can be past the value (parts written unwrapped are read from a buffer)
                line = lineOf(file, pointer(m.getPath()), line);
            }
            throw new IllegalArgumentException(file + (line > 0 ? " line " + line : "") + ": "
                    + (key.isEmpty() ? "" : key + ": ") + e.getOriginalMessage().lines().findFirst().orElse(""), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static JsonPointer pointer(List<JsonMappingException.Reference> path) {
        JsonPointer pointer = JsonPointer.empty();
        for (JsonMappingException.Reference r : path) {
            if (r.getFieldName() != null) {
                pointer = pointer.appendProperty(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                pointer = pointer.appendIndex(r.getIndex());
            }
        }
        return pointer;
    }

    /** The line of the value at {@code pointer} in {@code file}, or {@code otherwise}. */
    private static long lineOf(Path file, JsonPointer pointer, long otherwise) {
        try (JsonParser parser = MAPPER.createParser(file.toFile())) {
            while (parser.nextToken() != null) {
                if (parser.currentToken().isScalarValue() || parser.currentToken().isStructStart()) {
                    if (parser.getParsingContext().pathAsPointer().equals(pointer)) {
                        return parser.currentTokenLocation().getLineNr();
                    }
                }
            }
        } catch (IOException e) {
            // the file was read once already; keep the parser's own location
        }
        return otherwise;
    }

    /** {@code results.stages[0].requests}. */
    private static String key(List<JsonMappingException.Reference> path) {
        StringBuilder key = new StringBuilder();
        for (JsonMappingException.Reference r : path) {
            if (r.getFieldName() != null) {
                key.append(key.isEmpty() ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                key.append('[').append(r.getIndex()).append(']');
            }
        }
        return key.toString();
    }

    /** {@code value} as a JSON tree, its map keys as they are (for parts written by others, such as {@code gateway}). */
    public static JsonNode treeOf(Object value) {
        return MAPPER.valueToTree(value);
    }

    /** The document as a JSON tree, keys as written (for pages that show every setting). */
    public static JsonNode tree(Document document) {
        return MAPPER.valueToTree(document);
    }
}
