package io.streambench.driver.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the gateway changed in the streams whose data both sides kept, as a short list per kind of change: events
 * dropped or added (the usage chunk, the end marker...), fields dropped or added, ids, the model name and other
 * values rewritten. Each change says in how many events and streams it was seen, with one example.
 */
final class StreamDiff {

    /** One kind of change. */
    record Change(String change, String what, long events, int streams, String example) {
    }

    private static final int EXAMPLE_CHARS = 60;

    private final Map<String, long[]> counts = new LinkedHashMap<>();
    private final Map<String, Set<String>> streams = new LinkedHashMap<>();
    private final Map<String, String> examples = new LinkedHashMap<>();
    private final Map<String, String[]> keys = new LinkedHashMap<>();
    private int compared;
    private int usageSent;
    private int usageKept;
    private int markerSent;
    private int markerKept;

    /** Adds one joined request's kept data (nothing when it kept none). */
    void add(JoinedRequest r) {
        if (r.contents().isEmpty()) {
            return;
        }
        compared++;
        boolean usageIn = false;
        boolean usageOut = false;
        boolean markerIn = false;
        boolean markerOut = false;
        for (JoinedRequest.ContentPair p : r.contents()) {
            String mockKind = EventKinds.kind(p.mock());
            String clientKind = EventKinds.kind(p.client());
            usageIn |= mockKind.equals(EventKinds.USAGE);
            usageOut |= clientKind.equals(EventKinds.USAGE);
            markerIn |= mockKind.equals(EventKinds.END_MARKER);
            markerOut |= clientKind.equals(EventKinds.END_MARKER);
            if (p.client() == null) {
                note("event dropped", mockKind, r.tag(), abbreviate(p.mock()));
            } else if (p.mock() == null) {
                note("event added", clientKind, r.tag(), abbreviate(p.client()));
            } else if (!p.mock().equals(p.client())) {
                fields(p.mock(), p.client(), mockKind, clientKind, r.tag());
            }
        }
        usageSent += usageIn ? 1 : 0;
        usageKept += usageIn && usageOut ? 1 : 0;
        markerSent += markerIn ? 1 : 0;
        markerKept += markerIn && markerOut ? 1 : 0;
    }

    private void fields(String mock, String client, String mockKind, String clientKind, String tag) {
        JsonNode m = EventKinds.parse(mock);
        JsonNode c = EventKinds.parse(client);
        if (m == null || c == null || !mockKind.equals(clientKind)) {
            note("event replaced", mockKind + " -> " + clientKind, tag, abbreviate(mock) + " -> " + abbreviate(client));
            return;
        }
        Map<String, String> mf = EventKinds.fields(m);
        Map<String, String> cf = EventKinds.fields(c);
        Set<String> seen = new HashSet<>();
        for (Map.Entry<String, String> e : mf.entrySet()) {
            String general = EventKinds.general(e.getKey());
            String value = cf.get(e.getKey());
            if (value == null) {
                if (seen.add("d" + general)) {
                    note("field dropped", general, tag, abbreviate(e.getValue()));
                }
            } else if (!value.equals(e.getValue()) && seen.add("c" + general)) {
                note(EventKinds.changeOf(e.getKey()), general, tag, abbreviate(e.getValue()) + " -> " + abbreviate(value));
            }
        }
        for (Map.Entry<String, String> e : cf.entrySet()) {
            String general = EventKinds.general(e.getKey());
            if (!mf.containsKey(e.getKey()) && seen.add("a" + general)) {
                note("field added", general, tag, abbreviate(e.getValue()));
            }
        }
    }

    private void note(String change, String what, String tag, String example) {
        String key = change + "\u0000" + what;
        counts.computeIfAbsent(key, k -> new long[1])[0]++;
        streams.computeIfAbsent(key, k -> new HashSet<>()).add(tag);
        examples.putIfAbsent(key, example);
        keys.putIfAbsent(key, new String[] {change, what});
    }

    private static String abbreviate(String s) {
        if (s == null) {
            return "";
        }
        String one = s.replaceAll("\\s+", " ");
        return one.length() <= EXAMPLE_CHARS ? one : one.substring(0, EXAMPLE_CHARS - 3) + "...";
    }

    /** Streams compared event by event. */
    int compared() {
        return compared;
    }

    /** Of the compared streams in which the mock sent a usage chunk: how many, and in how many the client got it. */
    int[] usage() {
        return new int[] {usageSent, usageKept};
    }

    /** The same for the end marker {@code [DONE]}. */
    int[] endMarker() {
        return new int[] {markerSent, markerKept};
    }

    /** The changes, events dropped and added first, then by how many events they touched. */
    List<Change> changes() {
        List<Change> out = new ArrayList<>();
        keys.forEach((key, names) -> out.add(new Change(names[0], names[1], counts.get(key)[0],
                streams.get(key).size(), examples.get(key))));
        out.sort(Comparator.comparingInt((Change c) -> c.change().startsWith("event") ? 0 : 1)
                .thenComparing(Comparator.comparingLong(Change::events).reversed()));
        return out;
    }
}
