package io.streambench.driver.gateway;

import io.streambench.mock.fault.Fault;
import io.streambench.mock.fault.FaultAction;
import io.streambench.mock.fault.FaultSpec;
import io.streambench.mock.record.Tag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One upstream fault sent through the gateway after the load, to see what the gateway makes of it. The mock fires
 * it on the request's first upstream attempt only, so a gateway that retries meets a healthy upstream the second
 * time.
 *
 * @param name its name in the matrix ({@code 429}, {@code stall}, or the spec itself)
 * @param spec the {@code x-mock-fault} spec the tag carries
 */
record FaultProbe(String name, String spec) {

    /** The faults a gateway run sends by default, in this order. */
    static final Map<String, String> DEFAULTS = defaults();

    private static Map<String, String> defaults() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("429", "http:status=429,retry_after=1");
        m.put("500", "http:status=500");
        m.put("529", "http:status=529");
        m.put("error_event", "error_event@after_chunks=3");
        m.put("reset", "reset@after_chunks=3");
        m.put("stall", "stall@after_chunks=3");
        return m;
    }

    /**
     * Reads {@code --gateway-faults}: {@code none}, or names from {@link #DEFAULTS} and {@code x-mock-fault} specs,
     * comma-separated (a spec's own commas are kept: a part that names no default continues the spec before it
     * when it is {@code key=value}).
     *
     * @throws IllegalArgumentException with one line naming the bad part
     */
    static List<FaultProbe> parse(String text) {
        if (text == null || text.isBlank() || text.strip().equals("none")) {
            return List.of();
        }
        List<String> parts = new ArrayList<>();
        for (String part : text.split(",")) {
            String p = part.strip();
            if (!parts.isEmpty() && !DEFAULTS.containsKey(p) && p.matches("[a-z_]+=[^,]*")
                    && !DEFAULTS.containsKey(parts.get(parts.size() - 1))) {
                parts.set(parts.size() - 1, parts.get(parts.size() - 1) + "," + p);
            } else {
                parts.add(p);
            }
        }
        List<FaultProbe> probes = new ArrayList<>();
        for (String p : parts) {
            String spec = DEFAULTS.getOrDefault(p, p);
            try {
                if (FaultSpec.parse(spec).isEmpty()) {
                    throw new IllegalArgumentException("empty");
                }
                new Tag("check", false, Map.of("fault", spec));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--gateway-faults: '" + p + "' is neither one of "
                        + DEFAULTS.keySet() + " nor a fault spec the mock reads (" + e.getMessage() + ")");
            }
            probes.add(new FaultProbe(p, spec));
        }
        return probes;
    }

    /** The first fault's action. */
    FaultAction action() {
        Fault first = FaultSpec.parse(spec).get(0);
        return first.action();
    }
}
