package io.streambench.driver;

/**
 * One stage of load: closed (a fixed number of streams, each sending its next request as soon as the
 * last one ends), open (requests sent at a rate whatever the server does, from intended send times) or a
 * replay (each request sent at the time its trace gives it). With conversations, closed and open count
 * sessions: {@code concurrency} sessions in progress, or new sessions per second.
 */
public sealed interface Workload {

    /** A stage that sends on a schedule whatever the server does (open loop, replay), at most a cap at once. */
    sealed interface Scheduled extends Workload permits Open, Replay {

        /** Cap on streams in flight; later sends wait for a slot, their intended send kept. */
        int maxInFlight();

        /** {@code maxInFlight}, checked: at least 1. */
        static int requireCap(int maxInFlight) {
            if (maxInFlight < 1) {
                throw new IllegalArgumentException("maxInFlight must be >= 1, got " + maxInFlight);
            }
            return maxInFlight;
        }
    }

    /** A short text for reports, such as {@code concurrency=8} or {@code rate=20/s poisson max=512}. */
    String label();

    /**
     * Closed loop: {@code concurrency} streams in flight at all times.
     *
     * @param concurrency streams kept in flight, at least 1
     */
    record Closed(int concurrency) implements Workload {
        public Closed {
            if (concurrency < 1) {
                throw new IllegalArgumentException("concurrency must be >= 1, got " + concurrency);
            }
        }

        @Override
        public String label() {
            return "concurrency=" + concurrency;
        }
    }

    /**
     * Open loop: requests intended at {@code ratePerSecond}; at most {@code maxInFlight} are sent at once,
     * the rest wait for a slot with their intended send time kept (so waiting shows in response time).
     *
     * @param ratePerSecond intended requests per second, above 0
     * @param arrival       how intended send times are spaced
     * @param maxInFlight   cap on streams in flight, at least 1
     */
    record Open(double ratePerSecond, Arrival arrival, int maxInFlight) implements Scheduled {
        public Open {
            if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
                throw new IllegalArgumentException("rate must be > 0 per second, got " + ratePerSecond);
            }
            if (arrival == null) {
                throw new IllegalArgumentException("arrival must not be null");
            }
            Scheduled.requireCap(maxInFlight);
        }

        @Override
        public String label() {
            return "rate=" + (ratePerSecond == Math.rint(ratePerSecond) ? String.valueOf((long) ratePerSecond)
                    : String.valueOf(ratePerSecond)) + "/s " + arrival.label() + " max=" + maxInFlight;
        }
    }

    /**
     * Replay: each request sent at its trace's time from the stage's start ({@code PlannedRequest.sendOffset}),
     * whatever the server does; at most {@code maxInFlight} at once, the rest wait with their scheduled time kept.
     *
     * @param maxInFlight cap on streams in flight, at least 1
     */
    record Replay(int maxInFlight) implements Scheduled {
        public Replay {
            Scheduled.requireCap(maxInFlight);
        }

        @Override
        public String label() {
            return "trace max=" + maxInFlight;
        }
    }
}
