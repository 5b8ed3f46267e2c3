package io.streambench.report;

import io.streambench.driver.ErrorClass;
import io.streambench.report.folder.RunJsonResults.MessageCount;
import io.streambench.report.folder.RunJsonResults.TopMessages;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts failed attempts per error class and message ({@link io.streambench.driver.ErrorSummary}), in bounded
 * memory: each class tracks its first {@value #TRACKED} distinct messages, and counts any later new one as
 * "other". One thread at a time (the report's ticking thread).
 *
 * <pre>{@code
 * ErrorMessages messages = new ErrorMessages();
 * messages.add(ErrorClass.HTTP_STATUS, "HTTP 404 \"Unknown request URL: POST /v1\"", 1);
 * Map<ErrorClass, TopMessages> top = messages.top(ErrorMessages.KEPT);
 * }</pre>
 */
public final class ErrorMessages {

    /** Distinct messages tracked per class; past them, new messages only add to "other". */
    static final int TRACKED = 50;
    /** Messages per class kept in run.json and shown in report.html; the rest add to "other". */
    public static final int KEPT = 10;

    /** Per class, message to count, in first-seen order. */
    private final Map<ErrorClass, Map<String, long[]>> counts = new EnumMap<>(ErrorClass.class);
    private final Map<ErrorClass, Long> other = new EnumMap<>(ErrorClass.class);

    /** Adds {@code count} failed attempts of class {@code error} with {@code message}. */
    public void add(ErrorClass error, String message, long count) {
        Map<String, long[]> byMessage = counts.computeIfAbsent(error, e -> new LinkedHashMap<>());
        long[] n = byMessage.get(message);
        if (n == null && byMessage.size() < TRACKED) {
            n = new long[1];
            byMessage.put(message, n);
        }
        if (n != null) {
            n[0] += count;
        } else {
            other.merge(error, count, Long::sum);
        }
    }

    /** Adds a class's top messages and "other" count (a merged run's sources). */
    public void add(ErrorClass error, TopMessages top) {
        top.messages().forEach(c -> add(error, c.message(), c.count()));
        if (top.other() > 0) {
            counts.computeIfAbsent(error, e -> new LinkedHashMap<>());
            other.merge(error, top.other(), Long::sum);
        }
    }

    /** Per class (in enum order), its {@code kept} most frequent messages and the rest as "other". */
    public Map<ErrorClass, TopMessages> top(int kept) {
        Map<ErrorClass, TopMessages> out = new EnumMap<>(ErrorClass.class);
        for (Map.Entry<ErrorClass, Map<String, long[]>> e : counts.entrySet()) {
            List<MessageCount> all = new ArrayList<>();
            e.getValue().forEach((message, n) -> all.add(new MessageCount(message, n[0])));
            all.sort(Comparator.comparingLong(MessageCount::count).reversed()); // stable: ties keep first-seen order
            List<MessageCount> shown = all.subList(0, Math.min(kept, all.size()));
            long rest = other.getOrDefault(e.getKey(), 0L);
            for (MessageCount c : all.subList(shown.size(), all.size())) {
                rest += c.count();
            }
            out.put(e.getKey(), new TopMessages(shown, rest));
        }
        return Collections.unmodifiableMap(out);
    }
}
