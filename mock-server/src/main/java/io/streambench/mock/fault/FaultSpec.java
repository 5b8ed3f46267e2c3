package io.streambench.mock.fault;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Parses the fault grammar of the {@code x-mock-fault} header and of a profile's {@code faults} list.
 *
 * <pre>
 * faults  := fault (';' fault)*
 * fault   := ACTION [':' params] ['@' params]        params := key=value (',' key=value)*
 *
 * http:status=429,retry_after=2            http:status=503,retry_after_ms=1500,should_retry=false
 * error_event@after_chunks=5               reset@after_ms=300        close@after_chunks=10
 * stall:ms=5000,ping_ms=1000@after_chunks=3  (no ms: forever)         malformed:kind=utf8@after_chunks=2
 * duplicate@after_chunks=4   no_done   no_finish   fragment:mode=bytes|random|utf8   burst:events=16
 * slow_headers:ms=2000       any of them with @p=0.1 (probability) and/or @every=5 (every 5th request)
 * </pre>
 */
public final class FaultSpec {

    private static final Set<String> TRIGGER_KEYS = Set.of("p", "every", "after_chunks", "after_ms");

    private FaultSpec() {
    }

    /**
     * Parses one or more faults.
     *
     * @throws IllegalArgumentException naming the bad part
     */
    public static List<Fault> parse(String text) {
        List<Fault> faults = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return faults;
        }
        for (String part : text.split(";")) {
            if (!part.isBlank()) {
                faults.add(parseOne(part.trim()));
            }
        }
        return faults;
    }

    private static Fault parseOne(String spec) {
        String body = spec;
        Map<String, String> trigger = Map.of();
        int at = spec.indexOf('@');
        if (at >= 0) {
            body = spec.substring(0, at);
            trigger = params(spec.substring(at + 1), spec);
        }
        String name = body;
        Map<String, String> params = Map.of();
        int colon = body.indexOf(':');
        if (colon >= 0) {
            name = body.substring(0, colon);
            params = params(body.substring(colon + 1), spec);
        }
        name = name.trim().toLowerCase(Locale.ROOT);
        FaultAction action = action(name, params, spec);
        for (String key : trigger.keySet()) {
            if (!TRIGGER_KEYS.contains(key)) {
                throw new IllegalArgumentException("fault '" + spec + "': unknown trigger '" + key
                        + "' (p, every, after_chunks, after_ms)");
            }
        }
        boolean positional = trigger.containsKey("after_chunks") || trigger.containsKey("after_ms");
        if (positional && action.phase() != FaultAction.Phase.MID_STREAM) {
            throw new IllegalArgumentException("fault '" + spec + "': " + name
                    + " applies to the whole response; after_chunks/after_ms do not apply");
        }
        try {
            Trigger t = new Trigger(
                    trigger.containsKey("p") ? Double.parseDouble(trigger.get("p")) : 1.0,
                    trigger.containsKey("every") ? Integer.parseInt(trigger.get("every")) : 1,
                    trigger.containsKey("after_chunks") ? Integer.parseInt(trigger.get("after_chunks")) : 0,
                    trigger.containsKey("after_ms") ? Long.parseLong(trigger.get("after_ms")) : -1);
            return new Fault(action, t, spec);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("fault '" + spec + "': trigger values must be numbers");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("fault '" + spec + "': " + e.getMessage());
        }
    }

    private static FaultAction action(String name, Map<String, String> p, String spec) {
        try {
            return switch (name) {
                case "http" -> {
                    allow(p, spec, "status", "retry_after", "retry_after_ms", "should_retry");
                    if (!p.containsKey("status")) {
                        throw new IllegalArgumentException("http needs status=CODE");
                    }
                    yield new FaultAction.HttpError(Integer.parseInt(p.get("status")), longOrNull(p, "retry_after"),
                            longOrNull(p, "retry_after_ms"),
                            p.containsKey("should_retry") ? bool(p.get("should_retry")) : null);
                }
                case "slow_headers" -> {
                    allow(p, spec, "ms");
                    yield new FaultAction.SlowHeaders(nonNegative(p, "ms", -1));
                }
                case "error_event" -> {
                    allow(p, spec, "message", "type", "code");
                    // Absent: the route's API says what its own error event says.
                    yield new FaultAction.ErrorEvent(p.get("message"), p.get("type"), p.get("code"));
                }
                case "reset" -> none(p, spec, new FaultAction.Reset());
                case "close" -> none(p, spec, new FaultAction.Close());
                case "no_done" -> none(p, spec, new FaultAction.NoDone());
                case "no_finish" -> none(p, spec, new FaultAction.NoFinish());
                case "duplicate" -> none(p, spec, new FaultAction.Duplicate());
                case "stall" -> {
                    allow(p, spec, "ms", "ping_ms");
                    yield new FaultAction.Stall(p.containsKey("ms") ? nonNegative(p, "ms", 0) : -1,
                            p.containsKey("ping_ms") ? nonNegative(p, "ping_ms", 1) : 0);
                }
                case "malformed" -> {
                    allow(p, spec, "kind");
                    yield new FaultAction.Malformed(FaultAction.Malformed.Variant.valueOf(
                            p.getOrDefault("kind", "truncated").toUpperCase(Locale.ROOT)));
                }
                case "fragment" -> {
                    allow(p, spec, "mode");
                    yield new FaultAction.Fragment(FaultAction.Fragment.Mode.valueOf(
                            p.getOrDefault("mode", "bytes").toUpperCase(Locale.ROOT)));
                }
                case "burst" -> {
                    allow(p, spec, "events");
                    yield new FaultAction.Burst(p.containsKey("events") ? Integer.parseInt(p.get("events")) : 16);
                }
                default -> throw new IllegalArgumentException("unknown action '" + name + "' (http, slow_headers, "
                        + "error_event, reset, close, no_done, no_finish, stall, malformed, duplicate, fragment, burst)");
            };
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("fault '" + spec + "': not a number: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage().startsWith("fault '") ? e.getMessage()
                    : "fault '" + spec + "': " + e.getMessage());
        }
    }

    private static Map<String, String> params(String text, String spec) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String kv : text.split(",")) {
            if (kv.isBlank()) {
                continue;
            }
            int eq = kv.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("fault '" + spec + "': expected key=value, got '" + kv.trim() + "'");
            }
            out.put(kv.substring(0, eq).trim().toLowerCase(Locale.ROOT), kv.substring(eq + 1).trim());
        }
        return out;
    }

    private static void allow(Map<String, String> p, String spec, String... keys) {
        Set<String> allowed = Set.of(keys);
        for (String k : p.keySet()) {
            if (!allowed.contains(k)) {
                throw new IllegalArgumentException("fault '" + spec + "': unknown parameter '" + k + "' (allowed: "
                        + String.join(", ", keys) + ")");
            }
        }
    }

    private static FaultAction none(Map<String, String> p, String spec, FaultAction action) {
        allow(p, spec);
        return action;
    }

    private static Long longOrNull(Map<String, String> p, String key) {
        return p.containsKey(key) ? nonNegative(p, key, 0) : null;
    }

    private static long nonNegative(Map<String, String> p, String key, long min) {
        if (!p.containsKey(key)) {
            throw new IllegalArgumentException("needs " + key + "=N");
        }
        long v = Long.parseLong(p.get(key));
        if (v < Math.max(0, min)) {
            throw new IllegalArgumentException(key + " must be >= " + Math.max(0, min) + ", got " + v);
        }
        return v;
    }

    private static boolean bool(String v) {
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("should_retry must be true or false, got '" + v + "'");
        };
    }
}
