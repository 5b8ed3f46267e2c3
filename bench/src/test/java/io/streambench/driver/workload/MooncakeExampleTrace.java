package io.streambench.driver.workload;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes {@code docs/examples/traces/mooncake-synthetic-1000.jsonl}, a synthetic 1,000-request trace in
 * Mooncake's format, the same bytes every time ({@link MooncakeExampleTraceTest} checks the committed file
 * against it). Run from the repository root after changing it:
 *
 * <pre>
 * java -cp bench/target/test-classes io.streambench.driver.workload.MooncakeExampleTrace docs/examples/traces/mooncake-synthetic-1000.jsonl
 * </pre>
 *
 * <p>The traffic it describes: Poisson arrivals at 10 requests/s (about 100 s); prompts in 512-token
 * blocks; 55 % of requests open with one of 12 shared system prompts of 1 to 3 blocks (popular ones more
 * often), 30 % continue an earlier request (its full blocks, then new ones: a conversation's next turn),
 * 15 % share nothing; each adds 1 to 4 blocks of its own, the last one partly filled; answers log-normal
 * around 150 tokens. Prefix reuse, and so cache hits, are therefore frequent, as in Mooncake's own traces.
 */
final class MooncakeExampleTrace {

    static final String PATH = "docs/examples/traces/mooncake-synthetic-1000.jsonl";
    private static final int BLOCK = 512;
    private static final int MAX_BLOCKS = 24;

    private MooncakeExampleTrace() {
    }

    static String generate() {
        SplittableRandom random = new SplittableRandom(14);
        long nextId = 0;
        List<List<Long>> systems = new ArrayList<>();
        for (int s = 0; s < 12; s++) {
            List<Long> ids = new ArrayList<>();
            for (int b = 1 + random.nextInt(3); b > 0; b--) {
                ids.add(nextId++);
            }
            systems.add(ids);
        }
        List<List<Long>> fullBlocks = new ArrayList<>();
        StringBuilder out = new StringBuilder();
        double time = 0;
        for (int i = 0; i < 1000; i++) {
            time += -100 * Math.log(1 - random.nextDouble());
            double kind = random.nextDouble();
            List<Long> ids = new ArrayList<>();
            if (kind < 0.30 && !fullBlocks.isEmpty()) {
                List<Long> earlier = fullBlocks.get(Math.max(0, fullBlocks.size() - 1 - random.nextInt(50)));
                ids.addAll(earlier.subList(0, Math.min(earlier.size(), MAX_BLOCKS - 4)));
            } else if (kind < 0.85) {
                double u = random.nextDouble();
                ids.addAll(systems.get((int) (systems.size() * u * u)));
            }
            for (int b = 1 + random.nextInt(4); b > 0; b--) {
                ids.add(nextId++);
            }
            int last = 1 + random.nextInt(BLOCK);
            int input = BLOCK * (ids.size() - 1) + last;
            double gaussian = Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
            int output = (int) Math.max(1, Math.min(1024, Math.round(150 * Math.exp(0.6 * gaussian))));
            fullBlocks.add(last == BLOCK ? ids : ids.subList(0, ids.size() - 1));
            out.append("{\"timestamp\": ").append(Math.round(time)).append(", \"input_length\": ").append(input)
                    .append(", \"output_length\": ").append(output).append(", \"hash_ids\": ").append(ids).append("}\n");
        }
        return out.toString();
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args.length > 0 ? args[0] : PATH);
        Files.writeString(file, generate(), StandardCharsets.UTF_8);
        System.out.println("wrote " + file);
    }
}
