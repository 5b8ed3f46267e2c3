package io.streambench.cli;

import io.streambench.mock.UsageException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.ParseResult;

/**
 * Which of {@code run}'s workload options go together ({@link WorkloadOptions}): one kind of request per run, and
 * each option only with the kind it belongs to; anything else is refused with one line naming both options.
 */
final class WorkloadRules {

    private WorkloadRules() {
    }

    /** Refuses what belongs to another kind of workload than the one chosen, or to none given. */
    static void refuseMismatched(WorkloadOptions o, ParseResult given, WorkloadOptions.Body body) {
        String kind = kind(given);
        require(given, "--prefix-tokens", o.inputTokens != null,
                "--input-tokens (synthetic prompts or conversations)");
        require(given, "--prefix-groups", o.prefixTokens != null, "--prefix-tokens");
        require(given, "--think-time-ms", o.turns != null, "--turns");
        require(given, "--turns", o.inputTokens != null, "--input-tokens (each turn's new prompt)");
        require(given, "--dataset-format", o.dataset != null, "--dataset");
        require(given, "--shuffle", o.dataset != null || body.prompts() != null, "--dataset or --prompts");
        for (String filter : List.of("--min-input-tokens", "--max-input-tokens", "--min-output-tokens",
                "--max-output-tokens")) {
            require(given, filter, o.dataset != null || body.prompts() != null, "--dataset or --prompts");
        }
        for (String option : List.of("--trace-format", "--time-scale", "--trace-limit", "--trace-start")) {
            require(given, option, o.trace != null, "--trace");
        }
        if (o.trace != null && o.outputTokens != null) {
            throw new UsageException("--output-tokens does nothing with --trace: each request asks for its "
                    + "trace's output length");
        }
        if (o.trace != null && given.hasMatchedOption("--max-tokens")) {
            throw new UsageException("--max-tokens does nothing with --trace: each request asks for its trace's "
                    + "output length");
        }
        if (o.outputTokens != null && given.hasMatchedOption("--max-tokens")) {
            throw new UsageException("--max-tokens and --output-tokens exclude each other: --output-tokens sets "
                    + "each request's max_tokens");
        }
        boolean ownLengths = kind.equals("--trace") || kind.equals("--dataset") || kind.equals("--prompts");
        if (o.ignoreEos && o.outputTokens == null && !ownLengths) {
            throw new UsageException("--ignore-eos needs an answer length: add --output-tokens");
        }
    }

    /** The one kind of request given ({@code --turns} goes with --input-tokens); null when several are. */
    private static String kind(ParseResult given) {
        List<String> kinds = new ArrayList<>();
        for (String option : List.of("--prompt", "--prompts", "--dataset", "--input-tokens", "--trace")) {
            if (given.hasMatchedOption(option)) {
                kinds.add(option);
            }
        }
        if (kinds.size() > 1) {
            throw new UsageException(kinds.get(0) + " and " + kinds.get(1) + " exclude each other: each says what "
                    + "the requests are" + (kinds.contains("--prompts") && kinds.contains("--dataset")
                    ? " (--prompts FILE is --dataset FILE --dataset-format jsonl)" : ""));
        }
        return kinds.isEmpty() ? "--prompt" : kinds.get(0);
    }

    private static void require(ParseResult given, String option, boolean present, String needs) {
        if (given.hasMatchedOption(option) && !present) {
            throw new UsageException(option + " needs " + needs);
        }
    }
}
