package io.streambench.mock.internal.fault;

import io.streambench.mock.fault.Fault;
import io.streambench.mock.fault.FaultAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The faults that take effect on one request, decided once when it arrives: each fault's probability is
 * drawn from the request's seed and its {@code every} counted per fault spec across the server.
 *
 * @param httpError the error to answer instead of the stream, or null
 * @param slowHeadersMillis delay before the response head, 0 for none
 * @param fragment how to split writes, or null
 * @param burstEvents events held back and flushed together, 0 for none
 * @param noDone never send {@code [DONE]}
 * @param noFinish skip the finish and usage chunks
 * @param midStream faults that fire at a point of the stream, in declaration order
 */
public record ArmedFaults(
        FaultAction.HttpError httpError,
        long slowHeadersMillis,
        FaultAction.Fragment.Mode fragment,
        int burstEvents,
        boolean noDone,
        boolean noFinish,
        List<Fault> midStream) {

    /** Nothing armed. */
    public static final ArmedFaults NONE = new ArmedFaults(null, 0, null, 0, false, false, List.of());

    public ArmedFaults {
        midStream = List.copyOf(midStream);
    }

    /** Every-N counters, one per fault spec, shared by a server's connections. */
    public static final class Counters {
        private final Map<String, AtomicLong> bySpec = new ConcurrentHashMap<>();

        long next(String spec) {
            return bySpec.computeIfAbsent(spec, s -> new AtomicLong()).incrementAndGet();
        }
    }

    /**
     * Decides which of {@code faults} take effect for a request.
     *
     * @param seed the request's seed: the probability draws are a function of it
     */
    public static ArmedFaults arm(List<Fault> faults, long seed, Counters counters) {
        if (faults.isEmpty()) {
            return NONE;
        }
        // A source of its own, so faults never change the content or timing of the stream.
        SplittableRandom random = new SplittableRandom(seed ^ 0x6a09e667f3bcc909L);
        FaultAction.HttpError http = null;
        long slow = 0;
        FaultAction.Fragment.Mode fragment = null;
        int burst = 0;
        boolean noDone = false;
        boolean noFinish = false;
        List<Fault> mid = new ArrayList<>();
        for (Fault f : faults) {
            boolean drawn = random.nextDouble() < f.trigger().probability();
            boolean nth = f.trigger().every() == 1 || counters.next(f.spec()) % f.trigger().every() == 0;
            if (!drawn || !nth) {
                continue;
            }
            FaultAction a = f.action();
            if (a instanceof FaultAction.HttpError e) {
                http = http == null ? e : http;
            } else if (a instanceof FaultAction.SlowHeaders s) {
                slow += s.millis();
            } else if (a instanceof FaultAction.Fragment fr) {
                fragment = fr.mode();
            } else if (a instanceof FaultAction.Burst b) {
                burst = b.events();
            } else if (a instanceof FaultAction.NoDone) {
                noDone = true;
            } else if (a instanceof FaultAction.NoFinish) {
                noFinish = true;
            } else {
                mid.add(f);
            }
        }
        return new ArmedFaults(http, slow, fragment, burst, noDone, noFinish, mid);
    }
}
