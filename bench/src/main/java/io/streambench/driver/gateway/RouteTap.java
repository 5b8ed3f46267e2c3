package io.streambench.driver.gateway;

import io.streambench.driver.AttemptRow;
import io.streambench.driver.AttemptTap;
import io.streambench.driver.RunObserver;
import io.streambench.mock.record.Tag;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * Tags every attempt of one {@link Route} and keeps, per attempt, what the client saw ({@link EventProbe}) and
 * its {@code requests.csv} row. Tag ids are {@code RUN.LETTER.REQUEST.ATTEMPT}, so the mock's records of one
 * attempt (a gateway's retries included) share one id, and a driver's own retry gets a new one.
 */
final class RouteTap implements AttemptTap, RunObserver {

    /** One attempt: what the client saw and how it ended. */
    record Attempt(Route route, AttemptRow row, ClientSide client) {
    }

    private final Route route;
    private final String runId;
    private final TagPlacement placement;
    private final Map<String, String> settings;
    private final long seed;
    private final int keepFirst;
    private final LongFunction<String> faults;
    private final AtomicLong budget;
    /** Attempts kept per route at most; later ones are tagged and sent, but not joined (and counted). */
    static final int MAX_ATTEMPTS = 250_000;

    private final Map<Long, EventProbe> probes = new ConcurrentHashMap<>();
    private final Map<Long, AttemptRow> rows = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger kept = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicLong untracked = new java.util.concurrent.atomic.AtomicLong();

    /**
     * @param settings {@code x-mock-*} settings every tag carries (the embedded mock's shortcuts)
     * @param seed the run's seed: request n gets the same mock seed on every route, so the same answer
     * @param keepFirst requests numbered below this keep their events' data, on both sides
     * @param faults the fault for request n (null for none)
     * @param budget events the driver may still keep, shared by every route
     */
    RouteTap(Route route, String runId, TagPlacement placement, Map<String, String> settings, long seed,
            int keepFirst, LongFunction<String> faults, AtomicLong budget) {
        this.route = route;
        this.runId = runId;
        this.placement = placement;
        this.settings = Map.copyOf(settings);
        this.seed = seed;
        this.keepFirst = keepFirst;
        this.faults = faults;
        this.budget = budget;
    }

    private static long key(long requestId, int attempt) {
        return requestId * 64 + Math.min(attempt, 63);
    }

    @Override
    public Probe attempt(long requestId, int attempt, byte[] body) {
        Map<String, String> s = new LinkedHashMap<>(settings);
        s.put("seed", Long.toString(mix(seed * 1_000_003 + requestId)));
        String fault = faults.apply(requestId);
        if (fault != null) {
            s.put("fault", fault);
        }
        Tag tag = new Tag(runId + "." + route.letter() + "." + requestId + "." + attempt,
                requestId < keepFirst || fault != null, s);
        EventProbe probe = new EventProbe(tag, placement.body(requestId, tag), budget);
        if (kept.incrementAndGet() > MAX_ATTEMPTS) {
            untracked.incrementAndGet();
            return probe; // sent and fed as the others, but not kept: memory stays bounded in a long run
        }
        probes.put(key(requestId, attempt), probe);
        return probe;
    }

    @Override
    public void attempt(AttemptRow row) {
        long key = key(row.id().requestId(), row.id().attempt());
        if (probes.containsKey(key)) {
            rows.put(key, row);
        }
    }

    /** Attempts beyond {@link #MAX_ATTEMPTS}, not joined. */
    long untracked() {
        return untracked.get();
    }

    /** Every attempt that ended, in request and attempt order. */
    List<Attempt> attempts() {
        List<Attempt> out = new ArrayList<>();
        rows.forEach((key, row) -> {
            EventProbe probe = probes.get(key);
            if (probe != null) {
                out.add(new Attempt(route, row, probe.side()));
            }
        });
        out.sort(Comparator.comparingLong((Attempt a) -> a.row().id().requestId()).thenComparingInt(a -> a.row().id().attempt()));
        return out;
    }

    /** Positive seeds, well spread (SplitMix64), as the driver's own mock seeds. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return (z ^ (z >>> 31)) & Long.MAX_VALUE;
    }
}
