package io.streambench.driver.workload;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The trace formats {@code --trace} reads.
 *
 * <ul>
 *   <li>{@code mooncake}: JSONL as Mooncake publishes its traces ({@code kvcache-ai/Mooncake},
 *       {@code FAST25-release/traces}): {@code {"timestamp": ms, "input_length": n, "output_length": n,
 *       "hash_ids": [..]}}, {@code hash_ids} optional.</li>
 *   <li>{@code burstgpt}: CSV as BurstGPT publishes it ({@code HPMLL/BurstGPT}): header
 *       {@code Timestamp,Model,Request tokens,Response tokens,Total tokens,Log Type}, timestamps in seconds;
 *       only {@code Timestamp}, {@code Request tokens} and {@code Response tokens} are needed.</li>
 *   <li>{@code csv}: a header {@code timestamp_ms,input_tokens,output_tokens} ({@code timestamp_s} also
 *       accepted).</li>
 *   <li>{@code jsonl}: lines {@code {"timestamp_ms": t, "input_tokens": n, "output_tokens": n}}
 *       ({@code timestamp_s} also accepted).</li>
 * </ul>
 */
public enum TraceFormat {
    MOONCAKE("mooncake"),
    BURSTGPT("burstgpt"),
    CSV("csv"),
    JSONL("jsonl");

    private final String label;

    TraceFormat(String label) {
        this.label = label;
    }

    /** Its name on the command line. */
    public String label() {
        return label;
    }

    /** The format called {@code name}; the error lists the names. */
    public static TraceFormat named(String name) {
        for (TraceFormat format : values()) {
            if (format.label.equals(name == null ? null : name.toLowerCase(Locale.ROOT))) {
                return format;
            }
        }
        throw new IllegalArgumentException("unknown trace format '" + name + "' (known: "
                + Arrays.stream(values()).map(TraceFormat::label).collect(Collectors.joining(", ")) + ")");
    }

    /**
     * The format of {@code file}, from its first non-blank line: a CSV header with {@code Request tokens}
     * is BurstGPT, one with {@code input_tokens} plain CSV; a JSON line with {@code input_length} is
     * Mooncake, one with {@code input_tokens} plain JSONL.
     *
     * @throws IllegalArgumentException when the first line is none of these, saying what it is
     */
    public static TraceFormat detect(Path file) {
        String first = firstLine(file);
        String trimmed = first.strip();
        if (trimmed.startsWith("{")) {
            if (trimmed.contains("\"input_length\"")) {
                return MOONCAKE;
            }
            if (trimmed.contains("\"input_tokens\"")) {
                return JSONL;
            }
        } else if (trimmed.contains("Request tokens")) {
            return BURSTGPT;
        } else if (trimmed.contains("input_tokens")) {
            return CSV;
        }
        String shown = trimmed.length() > 80 ? trimmed.substring(0, 80) + "..." : trimmed;
        throw new IllegalArgumentException(file + ": cannot tell the trace format from its first line '" + shown
                + "' (expected a Mooncake JSONL line with input_length, a BurstGPT CSV header with 'Request tokens', "
                + "or a header/line with timestamp_ms, input_tokens, output_tokens); name the format");
    }

    /** Reads {@code file} in this format. */
    public Trace read(Path file) {
        return switch (this) {
            case MOONCAKE, JSONL -> JsonlTraces.read(file, this);
            case BURSTGPT, CSV -> CsvTraces.read(file, this);
        };
    }

    private static String firstLine(Path file) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    return line.startsWith("\uFEFF") ? line.substring(1) : line;
                }
            }
            throw new IllegalArgumentException(file + ": the trace is empty");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read trace " + file + ": " + e.getMessage(), e);
        }
    }
}
