package io.streambench.cli;

import io.streambench.driver.RequestEncoder;
import io.streambench.driver.Requests;
import io.streambench.driver.workload.Conversations;
import io.streambench.driver.workload.Corpus;
import io.streambench.driver.workload.Dataset;
import io.streambench.driver.workload.DatasetSource;
import io.streambench.driver.workload.FixedPrompt;
import io.streambench.driver.workload.JsonlDataset;
import io.streambench.driver.workload.LengthFilter;
import io.streambench.driver.workload.PrefixPool;
import io.streambench.driver.workload.RequestSource;
import io.streambench.driver.workload.ShareGptDataset;
import io.streambench.driver.workload.SyntheticSource;
import io.streambench.driver.workload.Tokenizer;
import io.streambench.driver.workload.Tokenizers;
import io.streambench.driver.workload.Trace;
import io.streambench.driver.workload.TraceFormat;
import io.streambench.driver.workload.TraceSlice;
import io.streambench.driver.workload.TraceSource;
import io.streambench.mock.UsageException;
import io.streambench.mock.profile.Distribution;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

/**
 * {@code run}'s options that say what each request asks (synthetic lengths, shared prefixes, datasets, traces,
 * conversations), and the {@link Requests} they make. One kind per run: the fixed prompt (default, or
 * {@code --prompt}), {@code --prompts}/{@code --dataset}, {@code --input-tokens}, {@code --trace}, or
 * {@code --turns} with {@code --input-tokens}; an option that belongs to another kind, or to none given, is
 * refused with one line.
 */
final class WorkloadOptions {

    /** Mooncake's block: the tokens each {@code hash_ids} entry stands for. */
    static final int TRACE_BLOCK_TOKENS = 512;

    @Option(names = "--tokenizer", paramLabel = "NAME", description = "Counts prompt tokens (exactly, as they are "
            + "built) and output tokens when a server sends no usage: o200k_base (GPT-4o and later) or cl100k_base "
            + "(GPT-4, GPT-3.5) (default: ${DEFAULT-VALUE}).")
    String tokenizer = Tokenizers.DEFAULT;

    @Option(names = "--input-tokens", paramLabel = "DIST", description = "Synthetic prompts of exactly this many "
            + "tokens (a distribution: 1000, normal:1000:200, uniform:500:1500, lognormal:1000:0.5, "
            + "empirical:100,1000), cut from a bundled public-domain text, a different one per request.")
    String inputTokens;

    @Option(names = "--output-tokens", paramLabel = "DIST", description = "Answer length asked of each request, a "
            + "distribution: sets its max_tokens. The embedded mock also answers exactly that many tokens; a real "
            + "server may stop earlier unless --ignore-eos.")
    String outputTokens;

    @Option(names = "--ignore-eos", description = "Ask for exactly the planned answer length: adds ignore_eos: true "
            + "and min_tokens (as vLLM and SGLang take them). Needs an answer length (--output-tokens, a trace, a "
            + "dataset's).")
    boolean ignoreEos;

    @Option(names = "--prefix-tokens", paramLabel = "N", description = "With --input-tokens: a shared system prompt "
            + "of N tokens before each prompt, one of --prefix-groups, to exercise prefix caches.")
    Integer prefixTokens;

    @Option(names = "--prefix-groups", paramLabel = "K", description = "How many distinct shared system prompts; each "
            + "request picks one at random (default: 1).")
    Integer prefixGroups;

    @Option(names = "--dataset", paramLabel = "FILE", description = "Requests from a dataset file, cycled: ShareGPT "
            + "JSON (each conversation's first human turn, answer length from its first gpt turn) or JSONL as "
            + "--prompts.")
    Path dataset;

    @Option(names = "--dataset-format", paramLabel = "auto|sharegpt|jsonl", description = "Format of --dataset; "
            + "auto: a file starting with [ is ShareGPT, else JSONL (default: ${DEFAULT-VALUE}).")
    String datasetFormat = "auto";

    @Option(names = "--shuffle", description = "Send --dataset/--prompts entries in an order shuffled with --seed, "
            + "instead of file order.")
    boolean shuffle;

    @Option(names = "--min-input-tokens", paramLabel = "N", description = "Keep dataset entries with at least N prompt tokens.")
    Integer minInputTokens;

    @Option(names = "--max-input-tokens", paramLabel = "N", description = "Keep dataset entries with at most N prompt tokens.")
    Integer maxInputTokens;

    @Option(names = "--min-output-tokens", paramLabel = "N", description = "Keep dataset entries whose answer length is at least N.")
    Integer minOutputTokens;

    @Option(names = "--max-output-tokens", paramLabel = "N", description = "Keep dataset entries whose answer length is at most N.")
    Integer maxOutputTokens;

    @Option(names = "--trace", paramLabel = "FILE", description = "Replay a trace: each request sent at its time "
            + "(open loop) with its input and output lengths; Mooncake hash_ids share prompt blocks of "
            + TRACE_BLOCK_TOKENS + " tokens. Replaces --concurrency/--rate.")
    Path trace;

    @Option(names = "--trace-format", paramLabel = "auto|mooncake|burstgpt|csv|jsonl", description = "Format of "
            + "--trace; auto tells it from the first line (default: ${DEFAULT-VALUE}).")
    String traceFormat = "auto";

    @Option(names = "--time-scale", paramLabel = "X", description = "Replay X times faster (10: a tenth of each gap; "
            + "0.5: half speed) (default: 1).")
    Double timeScale;

    @Option(names = "--trace-limit", paramLabel = "N", description = "Replay at most N requests of the trace.")
    Integer traceLimit;

    @Option(names = "--trace-start", paramLabel = "DURATION", converter = Durations.class, description = "Skip the "
            + "trace's requests before this time from its first (e.g. 30s).")
    Duration traceStart;

    @Option(names = "--turns", paramLabel = "DIST", description = "Conversations (with --input-tokens for each turn's "
            + "new prompt): turns per session, a distribution; each turn carries the earlier prompts and the answers "
            + "as received. --concurrency counts sessions in progress, --rate new sessions per second.")
    String turns;

    @Option(names = "--think-time-ms", paramLabel = "DIST", description = "With --turns: pause between an answer's "
            + "end and the session's next turn, in ms, a distribution (default: 0).")
    String thinkTimeMs;

    /**
     * What the target options say about the request body, besides this group's: the prompt or prompts file, the
     * {@code --max-tokens} given (0 for none) and the encoder of the run's API.
     */
    record Body(String prompt, Path prompts, int maxTokens, RequestEncoder encoder) {
    }

    /** Whether the run replays a trace (its stage is then a replay). */
    boolean replay() {
        return trace != null;
    }

    /**
     * The run's requests; UsageException (one line) for a bad value or options that do not go together.
     *
     * @param given            the options typed, to tell a default from a choice
     * @param embedded         the target is the embedded mock (which then answers each planned length exactly)
     * @param mockDrawsLengths the mock draws each answer's length from {@code --output-tokens} itself (through a
     *                         gateway, where it travels in the tags), so the driver plans none
     */
    Requests requests(ParseResult given, Body body, boolean embedded, boolean mockDrawsLengths, long seed) {
        WorkloadRules.refuseMismatched(this, given, body);
        if (mockDrawsLengths && ignoreEos) {
            throw new UsageException("--ignore-eos does nothing with --gateway: the mock behind it answers the "
                    + "length --output-tokens draws");
        }
        Tokenizer tok = UsageException.whenInvalid(() -> Tokenizers.named(tokenizer));
        RequestEncoder encoder = body.encoder();
        Distribution output = distribution("--output-tokens", outputTokens);
        if (mockDrawsLengths) {
            output = null;
        }
        if (turns != null) {
            Conversations sessions = new Conversations(Corpus.bundled(tok), distribution("--turns", turns),
                    thinkTimeMs == null ? Distribution.constant(0) : distribution("--think-time-ms", thinkTimeMs),
                    distribution("--input-tokens", inputTokens), output, prefixes(tok, seed), ignoreEos, seed);
            return Requests.sessions(sessions, encoder, tok, embedded);
        }
        return Requests.of(source(given, body, tok, output, seed), encoder, tok, embedded);
    }

    private RequestSource source(ParseResult given, Body body, Tokenizer tok, Distribution output, long seed) {
        if (inputTokens != null) {
            return new SyntheticSource(Corpus.bundled(tok), distribution("--input-tokens", inputTokens), output,
                    prefixes(tok, seed), ignoreEos, seed);
        }
        if (trace != null) {
            return traceSource(tok, seed);
        }
        if (dataset != null || body.prompts() != null) {
            return datasetSource(body, tok, output, seed);
        }
        if (ignoreEos && output == null) {
            throw new UsageException("--ignore-eos needs an answer length: add --output-tokens");
        }
        return new FixedPrompt(body.prompt(), tok, output, ignoreEos, seed);
    }

    private PrefixPool prefixes(Tokenizer tok, long seed) {
        if (prefixTokens == null) {
            return null;
        }
        int groups = prefixGroups == null ? 1 : prefixGroups;
        if (prefixTokens < 1) {
            throw new UsageException("--prefix-tokens must be at least 1, got " + prefixTokens);
        }
        if (groups < 1) {
            throw new UsageException("--prefix-groups must be at least 1, got " + groups);
        }
        return UsageException.whenInvalid(() -> new PrefixPool(Corpus.bundled(tok), groups, prefixTokens, seed));
    }

    private RequestSource traceSource(Tokenizer tok, long seed) {
        String option = "--trace " + trace;
        FileReasons.requireReadableFile("--trace", trace);
        if (traceLimit != null && traceLimit < 1) {
            throw new UsageException("--trace-limit must be at least 1 (leave it out for the whole trace), got "
                    + traceLimit);
        }
        if (timeScale != null && (!(timeScale > 0) || timeScale.isInfinite())) {
            throw new UsageException("--time-scale must be above 0 (10 replays ten times faster), got " + timeScale);
        }
        TraceSlice slice = new TraceSlice(traceStart == null ? 0 : traceStart.toNanos() / 1e9,
                traceLimit == null ? 0 : traceLimit, timeScale == null ? 1 : timeScale);
        try {
            TraceFormat format = traceFormat.equals("auto") ? TraceFormat.detect(trace) : TraceFormat.named(traceFormat);
            Trace read = format.read(trace);
            return new TraceSource(read, slice, Corpus.bundled(tok), TRACE_BLOCK_TOKENS, ignoreEos, seed);
        } catch (UncheckedIOException e) {
            throw new UsageException(option + ": " + FileReasons.reason(e.getCause()));
        } catch (IllegalArgumentException e) {
            throw new UsageException(message("--trace", e), e);
        }
    }

    private RequestSource datasetSource(Body body, Tokenizer tok, Distribution output, long seed) {
        String option = dataset != null ? "--dataset" : "--prompts";
        Path file = dataset != null ? dataset : body.prompts();
        FileReasons.requireReadableFile(option, file);
        try {
            boolean sharegpt = dataset != null && switch (datasetFormat) {
                case "sharegpt" -> true;
                case "jsonl" -> false;
                case "auto" -> startsWithBracket(file);
                default -> throw new UsageException("--dataset-format must be auto, sharegpt or jsonl, got "
                        + datasetFormat);
            };
            if (sharegpt && body.maxTokens() > 0) {
                throw new UsageException("--max-tokens does nothing with a ShareGPT dataset: each request asks for "
                        + "its recorded answer's length; --output-tokens sets another");
            }
            Dataset read = sharegpt ? ShareGptDataset.read(file, tok) : JsonlDataset.read(file, tok);
            LengthFilter filter = new LengthFilter(orElse(minInputTokens, 0), orElse(maxInputTokens, Integer.MAX_VALUE),
                    orElse(minOutputTokens, 0), orElse(maxOutputTokens, Integer.MAX_VALUE));
            return new DatasetSource(read, filter, shuffle ? DatasetSource.Order.SHUFFLE : DatasetSource.Order.FILE,
                    output, ignoreEos, seed);
        } catch (UncheckedIOException e) {
            throw new UsageException(option + " " + file + ": " + FileReasons.reason(e.getCause()));
        } catch (UsageException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new UsageException(message(option, e), e);
        }
    }

    /** The reader's message, which names the file, with the option in front. */
    private static String message(String option, IllegalArgumentException e) {
        return option + ": " + e.getMessage();
    }

    private static boolean startsWithBracket(Path file) {
        try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int c;
            while ((c = reader.read()) >= 0) {
                if (!Character.isWhitespace(c) && c != '\uFEFF') {
                    return c == '[';
                }
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int orElse(Integer value, int otherwise) {
        return value == null ? otherwise : value;
    }

    /** {@code value} as a distribution (null stays null); UsageException naming the option. */
    private static Distribution distribution(String option, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Distribution.parse(value);
        } catch (IllegalArgumentException e) {
            throw new UsageException(option + ": " + e.getMessage());
        }
    }
}
