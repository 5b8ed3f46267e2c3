package io.streambench.cli;

import static io.streambench.cli.Cli.execute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.UnixOperatingSystemMXBean;
import io.streambench.cli.Cli.Outcome;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code run} options that cannot work, or would be ignored, are refused before anything starts: exit 2, one
 * line that names the option and the problem, no report folder. Each case ran (and measured or failed every
 * request) before these checks existed, or came with the workload options ({@code --input-tokens}, {@code --dataset},
 * {@code --trace}, {@code --turns}...), which refuse a value, or an option of another kind of workload, the same way.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RunOptionsTest {

    private static final String NOWHERE = "--url http://127.0.0.1:9/v1 --model m --requests 1";

    /** A concurrency this process can never open: each stream needs at least one descriptor. */
    private static long descriptorLimit() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean unix
                ? unix.getMaxFileDescriptorCount() : Integer.MAX_VALUE;
    }

    static Stream<Arguments> refused() {
        long fds = Math.min(Integer.MAX_VALUE, descriptorLimit());
        return Stream.of(
                // the embedded mock's shortcuts, checked with the mock's own distribution parser
                Arguments.of("--ttft-ms lognormal:abc --requests 1", List.of("--ttft-ms", "lognormal:abc")),
                Arguments.of("--itl-ms foo --requests 1", List.of("--itl-ms", "'foo'")),
                Arguments.of("--output-tokens -5 --requests 1", List.of("--output-tokens", "-5")),
                Arguments.of(NOWHERE + " --output-tokens uniform:9:1", List.of("--output-tokens", "max >= min")),
                Arguments.of("--tokens-per-chunk uniform:3:1 --requests 1", List.of("--tokens-per-chunk", "max >= min")),
                // counts
                Arguments.of("--requests 0", List.of("--requests", "at least 1")),
                Arguments.of("--max-tokens -1 --requests 1", List.of("--max-tokens", ">= 0")),
                Arguments.of("--concurrency 2,0 --requests 1", List.of("--concurrency", "at least 1")),
                Arguments.of("--concurrency " + fds + " --requests 1", List.of("--concurrency " + fds, "ulimit -n",
                        "2 per stream")),
                Arguments.of(NOWHERE + " --concurrency " + fds, List.of("--concurrency " + fds, "ulimit -n")),
                Arguments.of("--rate 1 --max-in-flight " + fds + " --requests 1", List.of("--max-in-flight", "ulimit -n")),
                // given but ignored
                Arguments.of("--prompt Hi --prompts {prompts} --requests 1", List.of("--prompt and --prompts")),
                Arguments.of(NOWHERE + " --ttft-ms 5", List.of("--ttft-ms", "--url", "x-mock-ttft-ms")),
                Arguments.of(NOWHERE + " --itl-ms 5", List.of("--itl-ms", "--url")),
                Arguments.of(NOWHERE + " --tokens-per-chunk 2", List.of("--tokens-per-chunk", "--url")),
                Arguments.of(NOWHERE + " --mock-profile paced", List.of("--mock-profile", "--url")),
                Arguments.of(NOWHERE + " --mock-profiles {prompts}", List.of("--mock-profiles", "--url")),
                Arguments.of(NOWHERE + " --mock-tls", List.of("--mock-tls", "--url")),
                Arguments.of(NOWHERE + " --no-send-stamps", List.of("send-stamps", "--url")),
                Arguments.of("--max-in-flight 4 --requests 1", List.of("--max-in-flight", "--rate")),
                Arguments.of("--arrival constant --requests 1", List.of("--arrival", "--rate")),
                Arguments.of("--insecure --requests 1", List.of("--insecure", "https")),
                // files at the edges: the reason, and the path once
                Arguments.of("--prompts {missing} --requests 1", List.of("--prompts {missing}: not found")),
                Arguments.of("--prompts {dir} --requests 1", List.of("--prompts {dir}: is a folder")),
                Arguments.of("--requests 1 --out {prompts}", List.of("--out {prompts}: exists and is not a folder")),
                Arguments.of("--requests 1 --out {prompts}/reports", List.of("--out {prompts}/reports: ")),
                // bad values
                Arguments.of("--input-tokens normal:abc --requests 1", List.of("--input-tokens")),
                Arguments.of("--tokenizer p50k_base --requests 1", List.of("unknown tokenizer 'p50k_base'", "o200k_base")),
                Arguments.of("--input-tokens 100 --prefix-tokens 0 --requests 1", List.of("--prefix-tokens", "at least 1")),
                Arguments.of("--input-tokens 100 --prefix-tokens 10 --prefix-groups 0 --requests 1", List.of("--prefix-groups",
                        "at least 1")),
                Arguments.of("--input-tokens 100 --turns uniform:5:1 --requests 1", List.of("--turns", "max >= min")),
                Arguments.of("--trace {trace} --time-scale 0", List.of("--time-scale", "above 0")),
                Arguments.of("--trace {trace} --trace-limit 0", List.of("--trace-limit", "at least 1")),
                Arguments.of("--trace {trace} --trace-start 1h", List.of("--trace", "no requests from 3600.0 s")),
                Arguments.of("--trace {trace} --trace-format burstgpt", List.of("--trace {trace}: ", "Invalid character")),
                Arguments.of("--trace {prompts}", List.of("--trace", "cannot tell the trace format")),
                Arguments.of("--trace {missing}", List.of("--trace {missing}: not found")),
                Arguments.of("--dataset {prompts} --dataset-format csv --requests 1", List.of("--dataset-format", "sharegpt")),
                Arguments.of("--dataset {prompts} --min-input-tokens 1000 --requests 1", List.of("--dataset", "no entry passes")),
                Arguments.of("--dataset {sharegpt} --max-tokens 5 --requests 1", List.of("--max-tokens", "ShareGPT")),
                // options that belong to another kind of workload, or to none given
                Arguments.of("--prefix-tokens 10 --requests 1", List.of("--prefix-tokens needs --input-tokens")),
                Arguments.of("--input-tokens 10 --prefix-groups 4 --requests 1", List.of("--prefix-groups needs --prefix-tokens")),
                Arguments.of("--turns 3 --requests 1", List.of("--turns needs --input-tokens")),
                Arguments.of("--input-tokens 10 --think-time-ms 5 --requests 1", List.of("--think-time-ms needs --turns")),
                Arguments.of("--time-scale 10 --requests 1", List.of("--time-scale needs --trace")),
                Arguments.of("--shuffle --requests 1", List.of("--shuffle needs --dataset or --prompts")),
                Arguments.of("--max-input-tokens 10 --requests 1", List.of("--max-input-tokens needs --dataset or --prompts")),
                Arguments.of("--dataset-format jsonl --prompts {prompts} --requests 1", List.of("--dataset-format needs --dataset")),
                Arguments.of("--input-tokens 10 --trace {trace}", List.of("--input-tokens and --trace exclude")),
                Arguments.of("--prompts {prompts} --dataset {prompts} --requests 1", List.of("exclude each other",
                        "--dataset-format jsonl")),
                Arguments.of("--prompt Hi --input-tokens 10 --requests 1", List.of("--prompt and --input-tokens exclude")),
                Arguments.of("--trace {trace} --output-tokens 10", List.of("--output-tokens", "--trace")),
                Arguments.of("--trace {trace} --max-tokens 10", List.of("--max-tokens", "--trace")),
                Arguments.of("--trace {trace} --concurrency 4", List.of("--concurrency", "--trace")),
                Arguments.of("--trace {trace} --rate 4", List.of("--rate", "--trace")),
                Arguments.of("--trace {trace} --requests 4", List.of("--requests", "--trace-limit")),
                Arguments.of("--trace {trace} --arrival constant", List.of("--arrival", "trace")),
                Arguments.of("--trace {trace} --ramp-up 1s", List.of("--ramp-up", "closed-loop", "trace")),
                Arguments.of("--rate 5 --ramp-up 1s --requests 1", List.of("--ramp-up", "closed-loop", "open loop")),
                Arguments.of("--ramp-up -1s --requests 1", List.of("--ramp-up", "-1s")),
                Arguments.of("--input-tokens 10 --output-tokens 5 --max-tokens 5 --requests 1", List.of("--max-tokens and "
                        + "--output-tokens exclude")),
                Arguments.of("--ignore-eos --requests 1", List.of("--ignore-eos needs an answer length")),
                Arguments.of("--input-tokens 10 --ignore-eos --requests 1", List.of("--ignore-eos needs an answer length")),
                Arguments.of("--prompts {prompts} --ignore-eos --requests 1", List.of("--prompts", "ignore-eos needs an answer "
                        + "length")),
                // --api and what each API has fields for
                Arguments.of("--api anthropic --requests 1", List.of("api", "anthropic", "messages")),
                Arguments.of("--url http://127.0.0.1:9/v1/messages --api chat --model m --requests 1",
                        List.of("--api chat", "messages endpoint", "base URL")),
                Arguments.of("--api messages --reasoning-effort low --requests 1", List.of("--reasoning-effort",
                        "--reasoning-budget")),
                Arguments.of("--api chat --reasoning-budget 2048 --requests 1", List.of("--reasoning-budget",
                        "--reasoning-effort")),
                Arguments.of("--api completions --reasoning-effort low --requests 1", List.of("--reasoning-effort",
                        "no reasoning setting")),
                Arguments.of("--api messages --reasoning-budget 100 --requests 1", List.of("--reasoning-budget", "1024")),
                Arguments.of("--api messages --reasoning-budget 2048 --max-tokens 1000 --requests 1",
                        List.of("--max-tokens 1000", "--reasoning-budget 2048", "above")),
                Arguments.of("--api gemini --reasoning-budget -5 --requests 1", List.of("--reasoning-budget", "-1")),
                Arguments.of("--api completions --tools {prompts} --requests 1", List.of("--tools", "no tools")),
                Arguments.of("--tools {prompts} --requests 1", List.of("{prompts}", "a non-empty JSON list of function")),
                Arguments.of("--tools {missing} --requests 1", List.of("--tools {missing}: not found")),
                Arguments.of("--api responses --no-include-usage --requests 1", List.of("--include-usage",
                        "always carry usage")),
                Arguments.of("--api messages --output-tokens 50 --ignore-eos --requests 1", List.of("--ignore-eos",
                        "messages")),
                Arguments.of("--gateway http://127.0.0.1:9/v1 --mock-port 9 --api gemini --duration 1s",
                        List.of("--api gemini", "--gateway")));
    }

    @ParameterizedTest
    @MethodSource("refused")
    void shouldRefuseWithExitTwoAndOneLineNamingTheProblem(String line, List<String> expected, @TempDir Path dir)
            throws IOException {
        Path prompts = Files.writeString(dir.resolve("prompts.jsonl"), "{\"prompt\": \"Hi\"}\n");
        Files.writeString(dir.resolve("sharegpt.json"),
                "[{\"conversations\": [{\"from\": \"human\", \"value\": \"Hi\"}, {\"from\": \"gpt\", \"value\": \"Yo\"}]}]");
        Path reports = dir.resolve("reports");
        List<String> args = new ArrayList<>(List.of("run", "--quiet"));
        Arrays.stream(line.split(" ")).map(a -> fill(a, dir, prompts)).forEach(args::add);
        if (!List.of(line.split(" ")).contains("--out")) {
            args.addAll(List.of("--out", reports.toString()));
        }
        Outcome o = execute(args.toArray(String[]::new));

        assertEquals(2, o.code(), () -> line + " -> " + o);
        assertEquals(1, o.err().strip().lines().count(), () -> line + " -> " + o.err());
        for (String part : expected) {
            String filled = fill(part, dir, prompts);
            assertTrue(o.err().contains(filled), () -> filled + " in " + o.err());
        }
        if (line.contains("{")) {
            String path = fill(line.substring(line.indexOf('{'), line.indexOf('}') + 1), dir, prompts);
            assertEquals(o.err().indexOf(path), o.err().lastIndexOf(path), () -> "the path once: " + o.err());
        }
        assertFalse(Files.exists(reports), "no report folder for a refused run");
    }

    private static String fill(String text, Path dir, Path prompts) {
        return text.replace("{prompts}", prompts.toString()).replace("{missing}", dir.resolve("missing.jsonl").toString())
                .replace("{dir}", dir.toString()).replace("{sharegpt}", dir.resolve("sharegpt.json").toString())
                .replace("{trace}", WorkloadRunTest.TRACE.toString());
    }

    @Test
    void shouldSayInHelpWhatMaxTokensYieldsToAndTheCtrlCExitStatus() {
        Outcome o = execute("run", "--help");
        String help = o.out().replaceAll("\\s+", " ");

        assertEquals(0, o.code());
        assertTrue(help.contains("130 stopped by Ctrl-C"), help);
        assertTrue(help.contains("a --prompts line with its own max_tokens or max_completion_tokens keeps it"), help);
        assertTrue(help.contains("the --api's path is appended (/chat/completions, /responses, /completions, "
                + "/v1/messages, /v1beta/models/MODEL:streamGenerateContent?alt=sse)"), help);
    }
}
