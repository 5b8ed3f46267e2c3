package io.streambench.report.folder;

import io.streambench.client.Api;
import io.streambench.client.sse.TokenUsage;
import io.streambench.driver.AttemptRow;
import io.streambench.driver.ErrorClass;
import io.streambench.driver.TokenSource;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code requests.csv}: one row per attempt, failed ones too, streamed as attempts end. {@link #COLUMNS} is the
 * file's schema: its header, its cells and the table in reports/README.md. Adding a column is adding a line
 * here (and running ReportSchemaTest's update, which rewrites the README's table).
 */
public final class RequestsCsv {

    /** The columns, in order. */
    public static final Columns<AttemptRow> COLUMNS = new Columns<>(List.of(
            col("request_id", "", "run-wide request number, from 0", r -> r.id().requestId()),
            col("attempt", "", "1 for the first attempt, 2 for the first retry, ...", r -> r.id().attempt()),
            col("stage", "", "stage number, from 0 (`--concurrency 1,8` or `--rate 5,20` make several)",
                    r -> r.id().stage()),
            col("phase", "", "`warmup` (excluded from histograms and `summary.csv`) or `measured`",
                    r -> r.id().measured() ? "measured" : "warmup"),
            col("intended_ms", "ms since run start", "when the workload meant to send the request (open loop: its "
                    + "schedule; closed loop: when a stream became free); the origin of response times",
                    r -> Csv.ms(r.times().intendedSinceOrigin())),
            col("start_ms", "ms since run start", "when this attempt's request was written (service times count from "
                    + "here); empty if never sent", r -> Csv.ms(r.times().sendSinceOrigin())),
            col("connect_ms", "ms", "time to open a new connection, for https the TLS handshake included; `0.000` "
                    + "when a pooled keep-alive connection was reused; empty when the connect failed",
                    r -> Csv.ms(r.times().connectNanos())),
            col("status", "", "HTTP status; empty when no response headers arrived",
                    r -> r.ending().status() == 0 ? "" : r.ending().status()),
            col("error_class", "", errorClasses(), r -> r.ending().error().label()),
            col("error_message", "", "short text: the status and the start of the error body (`status=404 "
                    + "{\"error\":...}`), for `not_sse` the status, content type and first bytes (`status=200 "
                    + "content-type=\"application/json\" {\"id\":...`), the server's error event message, the "
                    + "parser's reason, the timeout, the refused address", r -> orEmpty(r.ending().message())),
            col("retry_after_ms", "ms", "the server's `retry-after-ms`, else `retry-after` (seconds or HTTP date); "
                    + "empty if none", r -> Csv.ms(r.ending().retryAfterNanos())),
            col("retried", "", "`true` when another attempt followed this one", r -> r.ending().retried()),
            col("ttfb_ms", "ms", "send to response headers", r -> Csv.ms(r.times().ttfb())),
            col("ttfe_ms", "ms", "send to the first SSE data event (usually the role chunk)",
                    r -> Csv.ms(r.times().ttfe())),
            col("ttft_ms", "ms", "send to the first generated token of any kind: reasoning, answer text or a tool "
                    + "call (docs/metrics.md: which one other tools call TTFT)", r -> Csv.ms(r.times().ttft())),
            col("ttfa_ms", "ms", "send to the first answer token: text or a tool call, after any streamed reasoning "
                    + "(equal to `ttft_ms` when none streamed); empty when no answer came",
                    r -> Csv.ms(r.times().ttfa())),
            col("e2e_ms", "ms", "send to `[DONE]` (or to the end of the response, or to the failure)",
                    r -> Csv.ms(r.times().e2e())),
            col("response_e2e_ms", "ms", "intended send to `[DONE]`: includes waiting for a slot and earlier "
                    + "attempts; successful attempts only", r -> Csv.ms(r.responseE2e())),
            col("tpot_ms", "ms", "(end - ttft) / (output tokens - 1); successful attempts with 2+ tokens only",
                    r -> Csv.ms(r.tpot())),
            col("chunks", "", "reasoning, content and tool-call events", r -> r.received().chunks()),
            col("bytes", "bytes", "response body bytes (HTTP chunk framing excluded)", r -> r.received().bytes()),
            col("output_tokens", "tokens", "reasoning included: from the API's usage when sent, else the streamed "
                    + "text counted with the run's `--tokenizer` once the attempt ended (`token_source` says which)",
                    r -> r.received().outputTokens()),
            col("reasoning_tokens", "tokens", "the reasoning part of `output_tokens`: the usage's own count "
                    + "(`reasoning_tokens`, `thoughtsTokenCount`...), else the streamed reasoning counted with the "
                    + "`--tokenizer`; 0 when neither found any; empty when nothing can say",
                    r -> orEmpty(r.received().reasoningTokens())),
            col("token_source", "", tokenSources(), r -> r.received().tokenSourceLabel()),
            col("finish_reason", "", "the last `finish_reason` (`stop`, `length`, `tool_calls`...) or the API's own "
                    + "(`end_turn`, `STOP`, Responses' `completed`...), empty if none came", r -> orEmpty(r.received().finishReason())),
            col("itl_max_ms", "ms", "largest gap between two token events (reasoning, content, tool call) of this "
                    + "attempt",
                    r -> Csv.ms(r.times().itlMaxNanos())),
            col("parse_ms", "ms", "total time in the SSE parser (and the driver's listener) over all reads of this "
                    + "attempt", r -> Csv.ms(r.overhead().parseNanos())),
            col("stamp_overhead_max_ms", "ms", "largest arrival minus the server's `: t=` send stamp (embedded mock "
                    + "only); empty without stamps", r -> Csv.ms(r.overhead().stampOverheadMaxNanos())),
            col("flushes", "", "flushes made by the `--flush` strategy (0 without one)", r -> r.client().flushes()),
            col("display_delay_max_ms", "ms", "longest time text waited between arrival and its flush; empty without "
                    + "a flush strategy", r -> Csv.ms(r.client().maxDisplayDelay())),
            col("kept_chars", "chars", "characters the `--accumulate` strategy holds at the end; empty without one",
                    r -> r.client().keptChars() < 0 ? "" : r.client().keptChars()),
            col("truncated", "", "`true` when the accumulator hit `--max-response-chars`", r -> r.client().truncated()),
            col("schedule_lag_ms", "ms", "first attempt: its send minus the request's intended send (its time in a "
                    + "trace's or an open loop's schedule, the end of a conversation's think time), the driver's own "
                    + "delay; empty for retries", r -> Csv.ms(r.scheduleLag())),
            col("input_tokens", "tokens", "the prompt's tokens as sent (shared prefix and conversation history "
                    + "included), counted with the run's `--tokenizer` as the prompt was built",
                    r -> r.plan().inputTokens()),
            col("output_tokens_requested", "tokens", "the answer length the request asked (its `max_tokens`: "
                    + "`--output-tokens`, a trace's or a dataset's length); empty when it asked none",
                    r -> positive(r.plan().outputTokensRequested())),
            col("usage_input_tokens", "tokens", "prompt tokens in the server's usage (its chat template included); "
                    + "empty without usage", r -> orEmpty(r.plan().usageInputTokens())),
            col("cached_tokens", "tokens", "of those, the ones the server's prefix cache held "
                    + "(`prompt_tokens_details.cached_tokens`, `cache_read_input_tokens`, `cachedContentTokenCount`...); "
                    + "empty without usage, 0 when the usage does not report it", r -> orEmpty(r.plan().cachedTokens())),
            col("prefix_group", "", "the shared system prompt (`--prefix-groups`) the request starts with, from 0; "
                    + "empty for none", r -> orEmpty(r.plan().prefixGroup())),
            col("session", "", "the conversation (`--turns`) the request is a turn of, from 0; empty outside "
                    + "conversations", r -> orEmpty(r.plan().session())),
            col("turn", "", "its turn in the conversation, from 1; empty outside conversations",
                    r -> r.plan().session() < 0 ? "" : r.plan().turn() + 1),
            col("slo", "", "the request against the per-request objectives of `--slo`: `met` (all of them), the "
                    + "objectives it missed joined by `;` (`ttft;itl.max`), or `failed` (a failed request meets none); "
                    + "empty without per-request objectives and for an attempt that was retried", AttemptRow::slo)));

    private RequestsCsv() {
    }

    private static Column<AttemptRow> col(String name, String unit, String meaning,
            Function<AttemptRow, ?> cell) {
        return new Column<>(name, unit, meaning, cell);
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }

    /** A count, or empty for -1 ("did not say"). */
    private static Object orEmpty(long count) {
        return count < 0 ? "" : count;
    }

    /** A count, or empty for 0 ("none asked"). */
    private static Object positive(long count) {
        return count <= 0 ? "" : count;
    }

    /** Every class, so that a new one is documented as it is added. */
    private static String errorClasses() {
        return Arrays.stream(ErrorClass.values()).map(e -> "`" + e.label() + "`" + (e.ok() ? " (success)" : ""))
                .collect(Collectors.joining(", ")) + " (see below)";
    }

    /** Where {@code api}'s output count comes from, as {@code token_source} says it. */
    private static String usageLabel(Api api) {
        return "`" + TokenSource.usageLabel(switch (api) {
            case CHAT, COMPLETIONS -> TokenUsage.Source.CHUNK_USAGE;
            case RESPONSES -> TokenUsage.Source.RESPONSE_USAGE;
            case MESSAGES -> TokenUsage.Source.MESSAGE_DELTA;
            case GEMINI -> TokenUsage.Source.USAGE_METADATA;
        }) + "`";
    }

    private static String tokenSources() {
        List<String> labels = Arrays.stream(TokenSource.values()).map(t -> "`" + t.label("NAME") + "`").toList();
        // the usage's label names the field the count came from, per API
        List<String> usage = Arrays.stream(Api.values()).map(RequestsCsv::usageLabel).distinct().toList();
        return String.join(", ", usage) + " (the API's usage, by the field the count came from), "
                + String.join(", ", labels.subList(1, labels.size() - 1)) + " or " + labels.get(labels.size() - 1)
                + " (`estimate`: no usage, and the text was not kept: over 2 Mi characters, or the stage's server had "
                + "sent usage before; estimated per event)";
    }
}
