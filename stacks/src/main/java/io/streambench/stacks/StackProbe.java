package io.streambench.stacks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streambench.cli.Main;
import io.streambench.client.Api;
import io.streambench.client.sse.ParserStrategy;
import io.streambench.client.stack.ClientStack;
import io.streambench.client.stack.ClientStacks;
import io.streambench.client.stack.OpenStream;
import io.streambench.client.stack.StackSettings;
import io.streambench.client.stack.StreamEvents;
import io.streambench.client.stack.StreamRequest;
import io.streambench.mock.profile.RequestOverrides;
import java.io.IOException;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Measures one client stack in a JVM of its own, for {@link StackComparison}, against a mock in another process
 * (so that neither the mock's threads, heap nor CPU are counted), and prints its figures as one JSON line:
 * <ol>
 * <li>threads and heap held by open streams: {@code streams} streams opened through the stack, each past its first
 * token and waiting for the next; live threads then, less those before the stack was made; heap used after a full
 * collection then, less before they were opened (the stack made and one answer read through it), per stream (heap in use after a forced GC,
 * as {@code MemoryCeilingBenchmark}'s {@code bytesPerStream}: a stack's objects cannot be walked from outside, as
 * JOL walks an accumulator);</li>
 * <li>the driver's {@code run --client NAME} with a stage per concurrency: per stage the send-stamp overhead
 * p50/p99, ttft p50, failed requests;</li>
 * </ol>
 * <li>CPU per event: {@code reference} streams kept open through the stack alone (a closed loop, a listener that
 * counts), the process CPU time over {@code seconds} after as long a warm-up, per answer piece delivered; the
 * driver's own bookkeeping is not in it.</li>
 * Arguments: stack, mock URL, concurrency list, seconds per stage, streams held, report folder, reference
 * concurrency, and the phase: {@code held} (the first) or {@code load} (the others), each in a JVM of its own so
 * that neither leaves threads or cleanup work in the other's figures.
 */
public final class StackProbe {

    private StackProbe() {
    }

    public static void main(String[] args) throws Exception {
        String stack = args[0];
        String url = args[1];
        String ladder = args[2];
        String seconds = args[3];
        int streams = Integer.parseInt(args[4]);
        Path out = Path.of(args[5]);
        int reference = Integer.parseInt(args[6]);
        ObjectNode result = new ObjectMapper().createObjectNode().put("stack", stack);
        if (args[7].equals("held")) {
            held(stack, url, streams, result);
        } else {
            ladder(stack, url, ladder, seconds, out, result);
            // last, on a JVM the ladder warmed up
            cpu(stack, url, reference, Integer.parseInt(seconds), result);
        }
        System.out.println("PROBE " + result);
        System.exit(0);
    }

    private static void held(String stack, String url, int streams, ObjectNode result) throws Exception {
        var threads = ManagementFactory.getThreadMXBean();
        int threadsBefore = threads.getThreadCount();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(RequestOverrides.PROFILE, "paced");
        headers.put(RequestOverrides.TTFT_MS, "5");
        // one token, then a pause longer than the measurement: every stream stays open, past its first event
        headers.put(RequestOverrides.ITL_MS, "60000");
        headers.put(RequestOverrides.OUTPUT_TOKENS, "3");
        byte[] body = ("{\"model\":\"mock\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"stream\":true}")
                .getBytes(StandardCharsets.UTF_8);
        StreamRequest request = new StreamRequest(URI.create(url), headers, body, Api.CHAT);
        CountDownLatch first = new CountDownLatch(streams);
        List<OpenStream> open = new ArrayList<>();
        try (ClientStack s = ClientStacks.named(stack).create(
                new StackSettings(ParserStrategy.BYTES_SCAN, Duration.ofSeconds(10), 0, false))) {
            // one whole answer first: what the stack makes once (pools, selector, caches) is not counted per stream
            Map<String, String> quick = new LinkedHashMap<>(headers);
            quick.put(RequestOverrides.ITL_MS, "1");
            CountDownLatch warm = new CountDownLatch(1);
            s.open(new StreamRequest(request.url(), quick, body, Api.CHAT), new FirstToken(warm));
            if (!warm.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the first stream had no first token");
            }
            Thread.sleep(200);
            long heapBase = collectedHeap();
            for (int i = 0; i < streams; i++) {
                open.add(s.open(request, new FirstToken(first)));
            }
            if (!first.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException(first.getCount() + " of " + streams + " streams had no first token");
            }
            int threadsOpen = threads.getThreadCount();
            long heapOpen = collectedHeap();
            open.forEach(OpenStream::cancel);
            result.put("streams_held", streams)
                    .put("threads_held", threadsOpen - threadsBefore)
                    .put("heap_per_stream_bytes", (heapOpen - heapBase) / streams);
        }
    }

    private static void cpu(String stack, String url, int concurrency, int seconds, ObjectNode result)
            throws Exception {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(RequestOverrides.PROFILE, "paced");
        byte[] body = ("{\"model\":\"mock\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"stream\":true}")
                .getBytes(StandardCharsets.UTF_8);
        StreamRequest request = new StreamRequest(URI.create(url), headers, body, Api.CHAT);
        try (ClientStack s = ClientStacks.named(stack).create(
                new StackSettings(ParserStrategy.BYTES_SCAN, Duration.ofSeconds(10), 0, false))) {
            ClosedLoop loop = new ClosedLoop(s, request);
            for (int i = 0; i < concurrency; i++) {
                loop.next();
            }
            Thread.sleep(seconds * 1000L);
            long events = loop.events.get();
            long failures = loop.failures.get();
            long cpu = os.getProcessCpuTime();
            Thread.sleep(seconds * 1000L);
            cpu = os.getProcessCpuTime() - cpu;
            events = loop.events.get() - events;
            loop.stopped = true;
            result.put("cpu_streams", concurrency)
                    .put("cpu_per_event_us", events == 0 ? -1 : cpu / 1000.0 / events)
                    .put("cpu_events", events)
                    .put("cpu_failures", loop.failures.get() - failures);
        }
    }

    /** Keeps streams open through a stack: each one that ends opens the next, until stopped. */
    private static final class ClosedLoop {
        private final ClientStack stack;
        private final StreamRequest request;
        final java.util.concurrent.atomic.AtomicLong events = new java.util.concurrent.atomic.AtomicLong();
        final java.util.concurrent.atomic.AtomicLong failures = new java.util.concurrent.atomic.AtomicLong();
        volatile boolean stopped;

        ClosedLoop(ClientStack stack, StreamRequest request) {
            this.stack = stack;
            this.request = request;
        }

        void next() {
            if (stopped) {
                return;
            }
            stack.open(request, new StreamEvents() {
                @Override
                public void onContent(int choice, CharSequence text, long arrivalNanos) {
                    events.incrementAndGet();
                }

                @Override
                public void onResponse(int status, String type, UnaryOperator<String> header, long arrivalNanos) {
                }

                @Override
                public void onComplete(long nanos) {
                    next();
                }

                @Override
                public void onFailure(Failure failure, String message, long nanos) {
                    failures.incrementAndGet();
                    next();
                }
            });
        }
    }

    /** Heap used after full collections, once the count stopped falling. */
    private static long collectedHeap() throws InterruptedException {
        var memory = ManagementFactory.getMemoryMXBean();
        long last = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(100);
            long used = memory.getHeapMemoryUsage().getUsed();
            if (used >= last) {
                return Math.min(used, last);
            }
            last = used;
        }
        return last;
    }

    private static void ladder(String stack, String url, String ladder, String seconds, Path out, ObjectNode result)
            throws IOException {
        int code = Main.execute("run", "--client", stack, "--url", url, "--model", "mock",
                "--header", RequestOverrides.PROFILE + ": paced", "--header", RequestOverrides.TIMESTAMPS + ": true",
                "--concurrency", ladder, "--duration", seconds + "s", "--client-warmup", "300", "--retries", "0",
                "--fail-fast", "0", "--out", out.toString(), "--name", stack);
        Path folder;
        try (Stream<Path> files = Files.list(out)) {
            folder = files.filter(p -> p.getFileName().toString().endsWith("-" + stack)).max(Path::compareTo)
                    .orElseThrow(() -> new IllegalStateException("run exited " + code + " without a report"));
        }
        JsonNode run = new ObjectMapper().readTree(folder.resolve("run.json").toFile());
        Map<String, Map<String, CSVRecord>> summary = new LinkedHashMap<>();
        try (Reader in = Files.newBufferedReader(folder.resolve("summary.csv"))) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                summary.computeIfAbsent(r.get("stage"), k -> new LinkedHashMap<>()).put(r.get("metric"), r);
            }
        }
        ArrayNode stages = result.putArray("stages");
        for (JsonNode s : run.path("results").path("stages")) {
            Map<String, CSVRecord> metrics = summary.getOrDefault(s.path("index").asText(), Map.of());
            ObjectNode stage = stages.addObject()
                    .put("workload", s.path("workload").asText())
                    .put("requests", s.path("requests").asLong())
                    .put("failed", s.path("failed").asLong());
            put(stage, "overhead_p50_ms", metrics.get("stamp_overhead"), "p50");
            put(stage, "overhead_p99_ms", metrics.get("stamp_overhead"), "p99");
            put(stage, "ttft_p50_ms", metrics.get("ttft"), "p50");
        }
        result.put("run", folder.toString()).put("exit", code);
    }

    private static void put(ObjectNode stage, String field, CSVRecord metric, String column) {
        if (metric != null && !metric.get(column).isEmpty()) {
            stage.put(field, Double.parseDouble(metric.get(column)));
        }
    }

    /** Counts a stream once it delivered its first piece of the answer. */
    private static final class FirstToken implements StreamEvents {
        private final CountDownLatch first;
        private boolean counted;

        FirstToken(CountDownLatch first) {
            this.first = first;
        }

        @Override
        public void onContent(int choice, CharSequence text, long arrivalNanos) {
            if (!counted) {
                counted = true;
                first.countDown();
            }
        }

        @Override
        public void onResponse(int status, String contentType, UnaryOperator<String> header, long arrivalNanos) {
        }

        @Override
        public void onComplete(long nanos) {
        }

        @Override
        public void onFailure(Failure failure, String message, long nanos) {
        }
    }
}
