package io.streambench.stacks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streambench.client.stack.ClientStacks;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Every client stack side by side in one run: starts the mock in a JVM of its own, measures each stack in a JVM
 * of its own ({@link StackProbe}: same heap settings, nothing left from the stack before), and writes the table.
 *
 * <pre>
 * java -cp bench/target/streambench.jar:stacks/target/streambench-stacks.jar io.streambench.stacks.StackComparison \
 *     [--stacks netty,jdk,okhttp,openai,spring] [--concurrency 16,64,256,512] [--reference 64] [--seconds 4] \
 *     [--streams 200] [--out reports]
 * </pre>
 *
 * The overhead, ttft error and CPU are read at {@code --reference} streams; "p99 over 1 ms from" is the first stage
 * whose send-stamp overhead p99 passed 1 ms, "fails from" the first with a failed request ({@code --retries 0}).
 */
public final class StackComparison {

    private static final String HEAP = "-Xmx1g";

    private StackComparison() {
    }

    public static void main(String[] args) {
        try {
            compare(args);
        } catch (Exception | Error e) {
            // one line: the probes' logs in the report folder hold the rest
            System.err.println("StackComparison: " + Failures.line(e));
            System.exit(1);
        }
    }

    private static void compare(String[] args) throws Exception {
        List<String> stacks = List.of("netty", "jdk", "okhttp", "openai", "spring");
        String ladder = "16,64,256,512";
        String reference = "64";
        String seconds = "4";
        String streams = "200";
        Path out = Path.of("reports");
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                usage("missing the value of " + args[i]);
            }
            String v = args[i + 1];
            switch (args[i]) {
                case "--stacks" -> stacks = Arrays.asList(v.split(","));
                case "--concurrency" -> ladder = v;
                case "--reference" -> reference = v;
                case "--seconds" -> seconds = v;
                case "--streams" -> streams = v;
                case "--out" -> out = Path.of(v);
                default -> usage("unknown option " + args[i]);
            }
        }
        if (!Arrays.asList(ladder.split(",")).contains(reference)) {
            usage("--reference " + reference + " is not one of --concurrency " + ladder);
        }
        for (String s : stacks) {
            if (!ClientStacks.names().contains(s)) {
                usage("unknown stack " + s + ", known=" + ClientStacks.names());
            }
        }
        Path folder = out.resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
                + "-stacks");
        Files.createDirectories(folder);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("java.class.path");
        Process mock = new ProcessBuilder(java, "-cp", classPath, "io.streambench.cli.Main", "mock", "--port", "0",
                "--idle-timeout-ms", "0").redirectErrorStream(true).start();
        List<JsonNode> rows = new ArrayList<>();
        try {
            String url = mockUrl(mock) + "/v1/chat/completions";
            System.out.println("mock: " + url + "; stacks: " + stacks + "; concurrency " + ladder);
            // The mock's own JIT warm-up, so that the first stack measured does not pay for it: a throwaway probe.
            phase(java, classPath, "netty", url, reference, seconds, "1", Files.createDirectories(
                    folder.resolve("mock-warmup")), reference, "load");
            for (String stack : stacks) {
                rows.add(probe(java, classPath, stack, url, ladder, seconds, streams, folder, reference));
            }
        } finally {
            mock.destroy();
            mock.waitFor(10, TimeUnit.SECONDS);
        }
        String table = table(rows, reference, streams, ladder);
        Files.writeString(folder.resolve("stacks.md"), table);
        Files.writeString(folder.resolve("stacks.json"), rows.toString());
        System.out.println(table);
        System.out.println("report: " + folder);
    }

    private static void usage(String line) {
        System.err.println("StackComparison: " + line);
        System.exit(2);
    }

    private static String mockUrl(Process mock) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(mock.getInputStream(), StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            int at = line.indexOf("listening on ");
            if (at >= 0) {
                String rest = line.substring(at + "listening on ".length());
                // the mock keeps writing: drain its output so it never blocks on a full pipe
                Thread drain = new Thread(() -> {
                    try {
                        in.lines().forEach(l -> { });
                    } catch (java.io.UncheckedIOException closed) {
                        // the mock was stopped
                    }
                }, "mock-output");
                drain.setDaemon(true);
                drain.start();
                return rest.split(" ")[0];
            }
        }
        throw new IOException("the mock exited before listening");
    }

    private static JsonNode probe(String java, String classPath, String stack, String url, String ladder,
            String seconds, String streams, Path folder, String reference) throws Exception {
        com.fasterxml.jackson.databind.node.ObjectNode both = (com.fasterxml.jackson.databind.node.ObjectNode)
                phase(java, classPath, stack, url, ladder, seconds, streams, folder, reference, "held");
        both.setAll((com.fasterxml.jackson.databind.node.ObjectNode)
                phase(java, classPath, stack, url, ladder, seconds, streams, folder, reference, "load"));
        System.out.println(stack + ": " + both);
        return both;
    }

    private static JsonNode phase(String java, String classPath, String stack, String url, String ladder,
            String seconds, String streams, Path folder, String reference, String phase) throws Exception {
        Process p = new ProcessBuilder(java, HEAP, "-cp", classPath, StackProbe.class.getName(), stack, url, ladder,
                seconds, streams, folder.toString(), reference, phase).redirectErrorStream(true).start();
        JsonNode result = null;
        Path log = folder.resolve(stack + "-" + phase + ".log");
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                var w = Files.newBufferedWriter(log)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith("PROBE ")) {
                    result = new ObjectMapper().readTree(line.substring("PROBE ".length()));
                } else {
                    w.write(line);
                    w.newLine();
                }
            }
        }
        p.waitFor();
        if (result == null) {
            throw new IllegalStateException(stack + ": the probe gave no figures (exit " + p.exitValue() + "), see "
                    + log);
        }
        return result;
    }

    /** The markdown table: one row per stack. */
    static String table(List<JsonNode> rows, String reference, String streams, String ladder) {
        StringBuilder t = new StringBuilder();
        t.append("| stack | overhead p50 (ms) | overhead p99 (ms) | ttft error p50 (ms) | CPU per event (µs, " + reference + " streams) | ")
                .append("threads held (").append(streams).append(" streams) | heap per open stream (KiB) | ")
                .append("p99 over 1 ms from | fails from |\n");
        t.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (JsonNode r : rows) {
            JsonNode ref = null;
            String over = "-";
            String fails = "-";
            for (JsonNode s : r.path("stages")) {
                String c = s.path("workload").asText().replace("concurrency=", "");
                if (c.equals(reference)) {
                    ref = s;
                }
                if (over.equals("-") && s.path("overhead_p99_ms").asDouble(0) > 1.0) {
                    over = c;
                }
                if (fails.equals("-") && s.path("failed").asLong() > 0) {
                    fails = c;
                }
            }
            String last = ladder.substring(ladder.lastIndexOf(',') + 1);
            t.append("| ").append(r.path("stack").asText())
                    .append(" | ").append(ms(ref, "overhead_p50_ms"))
                    .append(" | ").append(ms(ref, "overhead_p99_ms"))
                    .append(" | ").append(ref == null || !ref.has("ttft_p50_ms") ? "-"
                            : String.format(Locale.ROOT, "%.1f", ref.path("ttft_p50_ms").asDouble() - 200))
                    .append(" | ").append(String.format(Locale.ROOT, "%.0f", r.path("cpu_per_event_us").asDouble()))
                    .append(" | ").append(r.path("threads_held").asInt())
                    .append(" | ").append(kib(r.path("heap_per_stream_bytes").asDouble()))
                    .append(" | ").append(over.equals("-") ? "> " + last : over)
                    .append(" | ").append(fails.equals("-") ? "> " + last : fails)
                    .append(" |\n");
        }
        return t.toString();
    }

    /** Below half a KiB a stream's heap is within the noise of a forced GC's count. */
    private static String kib(double bytes) {
        return bytes < 512 ? "< 0.5" : String.format(Locale.ROOT, "%.1f", bytes / 1024);
    }

    private static String ms(JsonNode stage, String field) {
        return stage == null || !stage.has(field) ? "-"
                : String.format(Locale.ROOT, "%.3f", stage.path(field).asDouble());
    }
}
