package io.streambench.driver;

import io.streambench.driver.workload.PlannedRequest;

/**
 * What one attempt leaves once it ended: the metrics of the whole attempt (e2e, tpot, output and usage counts,
 * for a successful measured one) and its requests.csv row, gathered from its parts. One per attempt, made with it.
 */
final class AttemptRecord {

    private final Request request;
    private final int attempt;
    private final long runStartNanos;
    private final Timeline timeline;
    private final TokenAccount tokens;
    private final AttemptEnding ending;
    private final ResponseReader reader;
    private final ClientStrategies.Session client;
    /** The attempt's instants, once it ended. */
    private AttemptTimes times;

    AttemptRecord(Request request, int attempt, long runStartNanos, Timeline timeline, TokenAccount tokens,
            AttemptEnding ending, ResponseReader reader, ClientStrategies.Session client) {
        this.request = request;
        this.attempt = attempt;
        this.runStartNanos = runStartNanos;
        this.timeline = timeline;
        this.tokens = tokens;
        this.ending = ending;
        this.reader = reader;
        this.client = client;
    }

    /** The attempt ended (its end instant and class taken): the exact counts, and the whole attempt's metrics. */
    void ended() {
        try {
            times = timeline.times(runStartNanos);
        } catch (IllegalArgumentException broken) {
            // instants out of order: a bug here, not data. row() throws it again, and the runner stops the run
            // with it; the attempt still ends, so that nothing waits for it.
            times = null;
        }
        tokens.ended(timeline.lastContentNanos());
        if (times != null && ending.error().ok() && request.measured()) {
            timeline.recordEnd(times, tokens.outputTokens(), tokens.reasoningTokens());
        }
    }

    /**
     * The attempt as a requests.csv row (after it ended); IllegalArgumentException when its instants are out of
     * order (a bug of the driver).
     */
    AttemptRow row(boolean retried) {
        AttemptTimes times = this.times != null ? this.times : timeline.times(runStartNanos);
        PlannedRequest plan = request.prepared().plan();
        PlannedRequest.Grouping group = plan.group();
        return new AttemptRow(
                new AttemptRow.Id(request.id(), attempt, request.stage().metrics().index(), request.measured()),
                times, ending.row(retried), tokens.received(reader.finishReason()), timeline.overhead(),
                client.figures(), new AttemptRow.Plan(plan.tokens().promptTokens(), plan.tokens().outputTokens(),
                        tokens.usagePromptTokens(), tokens.usageCachedTokens(), group.prefixGroup(), group.session(),
                        group.turn()));
    }
}
