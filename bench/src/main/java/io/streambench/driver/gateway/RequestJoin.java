package io.streambench.driver.gateway;

import io.streambench.mock.record.RecordView;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Joins one tagged attempt with the mock's records of its tag: the mock's events over all its upstream attempts,
 * in order, against the client's, by {@link Alignment}; then each paired client event's arrival minus the mock's
 * write of it, the first token's, the change of that delay from one event to the next (jitter), and how the
 * mock's writes were delivered (several in one delivery: merged; one over several deliveries: split; a delivery
 * being the client's reads less than {@value EventProbe#SAME_DELIVERY_NANOS} ns apart).
 */
final class RequestJoin {

    private RequestJoin() {
    }

    static JoinedRequest join(RouteTap.Attempt attempt, List<RecordView> records, MockClock clock) {
        ClientSide c = attempt.client();
        List<RecordView> sorted = new ArrayList<>(records);
        sorted.sort((x, y) -> Integer.compare(x.attempt(), y.attempt()));
        String statuses = sorted.stream().map(r -> String.valueOf(r.status())).collect(Collectors.joining(";"));
        String end = sorted.isEmpty() ? "" : sorted.get(sorted.size() - 1).open() ? "open"
                : sorted.get(sorted.size() - 1).end();
        long sendToReceipt = c.sendNanos() >= 0 && !sorted.isEmpty()
                ? clock.toDriver(sorted.get(0).arrivalNanos()) - c.sendNanos() : -1;
        String join = c.sendNanos() < 0 ? "not_sent" : sorted.isEmpty() ? "no_records"
                : c.overBudget() ? "over_budget" : "joined";
        int mockEvents = sorted.stream().mapToInt(RecordView::events).sum();
        long mockBytes = sorted.stream().mapToLong(r -> Arrays.stream(r.sizes()).asLongStream().sum()).sum();
        long clientBytes = Arrays.stream(c.sizes()).asLongStream().sum();
        if (!join.equals("joined")) {
            return new JoinedRequest(attempt.route(), attempt.row(), c.tag(), c.fault(), join, sorted.size(), statuses,
                    end, sendToReceipt, mockEvents, c.events(), null, -1, new long[0], new long[0], 0, 0, 0, 0,
                    mockBytes, clientBytes, List.of());
        }
        long[] times = new long[mockEvents];
        int[] sizes = new int[mockEvents];
        long[] hashes = new long[mockEvents];
        List<String> data = new ArrayList<>();
        boolean mockKept = true;
        int at = 0;
        for (RecordView r : sorted) {
            for (int i = 0; i < r.events(); i++, at++) {
                times[at] = r.times()[i] < 0 ? -1 : clock.toDriver(r.times()[i]);
                sizes[at] = r.sizes()[i];
                hashes[at] = r.hashes()[i];
            }
            mockKept &= r.data().size() == r.events();
            data.addAll(r.data());
        }
        Alignment a = Alignment.of(sizes, hashes, c.sizes(), c.hashes());
        long[] arrivals = c.arrivals();
        long[] delays = new long[arrivals.length];
        int paired = 0;
        long[] jitters = new long[arrivals.length];
        int gaps = 0;
        int[] deliveries = c.deliveries();
        Map<Integer, Set<Long>> writesByRead = new HashMap<>();
        Map<Long, Set<Integer>> readsByWrite = new HashMap<>();
        for (int j = 0; j < arrivals.length; j++) {
            int i = a.mockOf[j];
            if (i < 0 || times[i] < 0) {
                continue;
            }
            delays[paired++] = arrivals[j] - times[i];
            writesByRead.computeIfAbsent(deliveries[j], k -> new HashSet<>()).add(times[i]);
            readsByWrite.computeIfAbsent(times[i], k -> new HashSet<>()).add(deliveries[j]);
            int prev = j > 0 ? a.mockOf[j - 1] : -1;
            if (prev >= 0 && times[prev] >= 0) {
                jitters[gaps++] = (arrivals[j] - arrivals[j - 1]) - (times[i] - times[prev]);
            }
        }
        int f = c.firstTokenEvent();
        long firstToken = f >= 0 && f < arrivals.length && a.mockOf[f] >= 0 && times[a.mockOf[f]] >= 0
                ? arrivals[f] - times[a.mockOf[f]] : -1;
        Set<Long> merged = new HashSet<>();
        writesByRead.values().stream().filter(s -> s.size() > 1).forEach(merged::addAll);
        int split = (int) readsByWrite.values().stream().filter(s -> s.size() > 1).count();
        List<JoinedRequest.ContentPair> contents = mockKept && !c.data().isEmpty() && !data.isEmpty()
                ? contents(a, data, c.data()) : List.of();
        return new JoinedRequest(attempt.route(), attempt.row(), c.tag(), c.fault(), join, sorted.size(), statuses, end,
                sendToReceipt, mockEvents, c.events(), a, firstToken, Arrays.copyOf(delays, paired),
                Arrays.copyOf(jitters, gaps), readsByWrite.size(), writesByRead.size(), merged.size(), split,
                mockBytes, clientBytes, contents);
    }

    /** The kept data of both sides, event by event: pairs, then what only one side has. */
    private static List<JoinedRequest.ContentPair> contents(Alignment a, List<String> mock, List<String> client) {
        List<JoinedRequest.ContentPair> out = new ArrayList<>();
        for (int j = 0; j < client.size(); j++) {
            int i = a.mockOf[j];
            out.add(new JoinedRequest.ContentPair(i < 0 ? null : mock.get(i), client.get(j)));
        }
        for (int i = 0; i < mock.size(); i++) {
            if (a.clientOf[i] < 0 && mock.get(i) != null) {
                out.add(new JoinedRequest.ContentPair(mock.get(i), null));
            }
        }
        return out;
    }
}
