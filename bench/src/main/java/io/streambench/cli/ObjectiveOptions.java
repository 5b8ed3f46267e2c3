package io.streambench.cli;

import io.streambench.driver.Arrival;
import io.streambench.driver.limits.LimitPlan;
import io.streambench.driver.limits.Objectives;
import io.streambench.driver.limits.RateSearch;
import io.streambench.driver.limits.StageVerdict;
import io.streambench.driver.limits.Sweep;
import io.streambench.mock.UsageException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

/**
 * {@code run}'s objectives and limit options: {@code --slo}, {@code --sweep}, {@code --find-max-rate},
 * {@code --find-max-concurrency} and their settings, checked and copied into {@link Objectives} and a
 * {@link LimitPlan} (see the README, "Finding the limits").
 */
final class ObjectiveOptions {

    /** The options that only a sweep or a search reads. */
    private static final List<String> SEARCH_ONLY = List.of("--search-precision", "--max-stages");

    @Option(names = "--slo", paramLabel = "OBJECTIVES", description = "Service-level objectives, repeatable or "
            + "comma-separated: per request (ttft<=500ms, ttfa<=1s, tpot<=50ms, itl.max<=200ms, e2e<=20s, ttfb, ttfe, "
            + "response_ttft, response_e2e), met by a request only when it meets all of them; per stage "
            + "(ttft.p99<=1s, itl.p50<=40ms, e2e.mean<=5s). Adds goodput and the share meeting each one to every "
            + "stage, and a slo column to requests.csv.")
    List<String> slo = new ArrayList<>();

    @Option(names = "--slo-attainment", paramLabel = "PERCENT", description = "A stage meets the per-request "
            + "objectives when at least this share of its measured requests met them all (default: 99).")
    Double attainment;

    @Option(names = "--sweep", paramLabel = "N", description = "A synchronous stage (one stream), a throughput stage "
            + "(--max-concurrency streams), then N open-loop rates spread between their two rates, each with "
            + "--warmup and --duration; report.html draws latency against achieved rate and marks the knee.")
    Integer sweep;

    @Option(names = "--find-max-rate", description = "Search the highest open-loop rate whose stage meets every "
            + "--slo objective: doubling from --rate (default: a synchronous stage's rate), then bisecting; stages "
            + "near the boundary are repeated.")
    boolean findMaxRate;

    @Option(names = "--find-max-concurrency", description = "The same over closed-loop concurrency, from "
            + "--concurrency (default 1) up to --max-concurrency.")
    boolean findMaxConcurrency;

    @Option(names = "--max-concurrency", paramLabel = "N", description = "--sweep: the throughput stage's streams; "
            + "--find-max-concurrency: the highest concurrency tried (default: ${DEFAULT-VALUE}).")
    int maxConcurrency = 256;

    @Option(names = "--search-precision", paramLabel = "PERCENT", description = "A search stops when its bracket is "
            + "narrower than this, relative to its low end (default: ${DEFAULT-VALUE}).")
    double precisionPercent = 5;

    @Option(names = "--max-stages", paramLabel = "N", description = "A search stops after this many stages, "
            + "answering with its bracket so far (default: ${DEFAULT-VALUE}).")
    int maxStages = 30;

    /** The objectives; UsageException with one line on bad text. */
    Objectives objectives() {
        double share = attainment == null ? Objectives.DEFAULT_ATTAINMENT : attainment / 100;
        if (attainment != null && slo.isEmpty()) {
            throw new UsageException("--slo-attainment does nothing without --slo objectives");
        }
        try {
            return slo.isEmpty() ? Objectives.NONE : Objectives.parse(slo, share);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** Whether a sweep or a rate search chooses the stages (open loops: --arrival and --max-in-flight apply). */
    boolean openLoop() {
        return sweep != null || findMaxRate;
    }

    /** Whether a sweep or a search chooses the stages. */
    boolean any() {
        return sweep != null || findMaxRate || findMaxConcurrency;
    }

    /**
     * The plan of a sweep or search, made once the stages' verdicts can be read; null without one. Checks the
     * combination with the load options; UsageException with one line.
     *
     * @param rates       --rate values given
     * @param concurrency --concurrency values given
     */
    Function<IntFunction<StageVerdict>, LimitPlan> plan(ParseResult given, Objectives objectives, List<Double> rates,
            List<Integer> concurrency, Arrival arrival, int maxInFlight) {
        int modes = (sweep != null ? 1 : 0) + (findMaxRate ? 1 : 0) + (findMaxConcurrency ? 1 : 0);
        if (modes > 1) {
            throw new UsageException("--sweep, --find-max-rate and --find-max-concurrency exclude each other");
        }
        if (modes == 0) {
            for (String option : SEARCH_ONLY) {
                if (given.hasMatchedOption(option)) {
                    throw new UsageException(option + " applies to --find-max-rate and --find-max-concurrency only");
                }
            }
            if (given.hasMatchedOption("--max-concurrency")) {
                throw new UsageException("--max-concurrency applies to --sweep and --find-max-concurrency only");
            }
            return null;
        }
        if (given.hasMatchedOption("--trace")) {
            throw new UsageException("a trace is replayed on its own schedule: --sweep and --find-max-* choose "
                    + "rates or concurrencies of their own");
        }
        if (maxConcurrency < 2) {
            throw new UsageException("--max-concurrency must be at least 2, got " + maxConcurrency);
        }
        double precision = precisionPercent / 100;
        if (sweep != null) {
            if (!rates.isEmpty() || !concurrency.isEmpty()) {
                throw new UsageException("--sweep chooses its own stages: leave out --rate and --concurrency");
            }
            for (String option : SEARCH_ONLY) {
                if (given.hasMatchedOption(option)) {
                    throw new UsageException(option + " applies to --find-max-rate and --find-max-concurrency only");
                }
            }
            if (sweep < 1 || sweep > 50) {
                throw new UsageException("--sweep must be 1 to 50 rates between the two ends, got " + sweep);
            }
            int n = sweep;
            return verdicts -> new Sweep(n, maxConcurrency, arrival, maxInFlight, verdicts);
        }
        if (!objectives.any()) {
            throw new UsageException((findMaxRate ? "--find-max-rate" : "--find-max-concurrency")
                    + " needs objectives to meet: add --slo, e.g. --slo 'ttft.p99<=1s'");
        }
        if (!(precision > 0) || precision >= 1) {
            throw new UsageException("--search-precision must be above 0 and below 100 percent, got "
                    + precisionPercent);
        }
        if (maxStages < 2) {
            throw new UsageException("--max-stages must be at least 2, got " + maxStages);
        }
        if (findMaxRate) {
            if (!concurrency.isEmpty()) {
                throw new UsageException("--find-max-rate searches open-loop rates: leave out --concurrency (or use "
                        + "--find-max-concurrency)");
            }
            if (rates.size() > 1) {
                throw new UsageException("--find-max-rate starts from one --rate, got " + rates.size());
            }
            if (given.hasMatchedOption("--max-concurrency")) {
                throw new UsageException("--max-concurrency applies to --sweep and --find-max-concurrency only");
            }
            double start = rates.isEmpty() ? Double.NaN : rates.get(0);
            return verdicts -> RateSearch.rate(start, precision, maxStages, arrival, maxInFlight, verdicts);
        }
        if (!rates.isEmpty()) {
            throw new UsageException("--find-max-concurrency searches closed-loop concurrency: leave out --rate (or "
                    + "use --find-max-rate)");
        }
        if (concurrency.size() > 1) {
            throw new UsageException("--find-max-concurrency starts from one --concurrency, got " + concurrency.size());
        }
        int start = concurrency.isEmpty() ? 1 : concurrency.get(0);
        if (start > maxConcurrency) {
            throw new UsageException("--concurrency " + start + " is above --max-concurrency " + maxConcurrency);
        }
        return verdicts -> RateSearch.concurrency(start, precision, maxStages, maxConcurrency, verdicts);
    }
}
