package io.streambench.client.sse;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns SSE lines, as {@code String}s, into events, the way the official Java SDK's
 * {@code SseState} does: each field is cut out with {@code substring}, {@code data} values are
 * kept in a list and joined with LF when a blank line ends the event, with its {@code event} field
 * (the typed dialects name their events with it). Comments are passed on (the SDK drops them).
 * {@code id} and {@code retry} are read and not used.
 */
final class SseLineFramer {

    /** What the framer finds. */
    interface Events {
        /** An event: its {@code event} field, or null, and its data. */
        void onEvent(String eventType, String data);

        void onComment(String text);
    }

    private final Events events;
    private final List<String> data = new ArrayList<>();
    private String eventType;
    // Kept as the SDK keeps it (same work per line); a streaming LLM client has no use for it.
    private String lastId;

    SseLineFramer(Events events) {
        this.events = events;
    }

    void onLine(String line) {
        if (line.isEmpty()) {
            dispatch();
            return;
        }
        if (line.charAt(0) == ':') {
            events.onComment(stripSpace(line.substring(1)));
            return;
        }
        int colon = line.indexOf(':');
        String name = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : stripSpace(line.substring(colon + 1));
        switch (name) {
            case "data" -> data.add(value);
            case "event" -> eventType = value;
            case "id" -> {
                if (value.indexOf('\0') < 0) {
                    lastId = value;
                }
            }
            default -> {
                // retry and unknown fields: nothing a chat client uses.
            }
        }
    }

    private void dispatch() {
        String type = eventType;
        eventType = null;
        if (data.isEmpty()) {
            return;
        }
        String joined = data.size() == 1 ? data.get(0) : String.join("\n", data);
        data.clear();
        events.onEvent(type, joined);
    }

    private static String stripSpace(String value) {
        return !value.isEmpty() && value.charAt(0) == ' ' ? value.substring(1) : value;
    }
}
