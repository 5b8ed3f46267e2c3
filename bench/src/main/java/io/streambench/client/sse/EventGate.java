package io.streambench.client.sse;

import io.streambench.client.Api;

/**
 * Which events of a dialect the parsers read at all, decided before their data is parsed, the same for every
 * strategy. Anthropic's SDKs dispatch on the {@code event:} line: they skip an event without one and
 * {@code ping}s, so these are skipped here too, as are event types this reader does not know (the API adds
 * new ones) and {@code content_block_stop}, which says nothing a listener gets. The other dialects are read
 * by their data alone.
 */
final class EventGate {

    private static final String[] MESSAGES_EVENTS = {
        "content_block_delta", "content_block_start", "message_start", "message_delta", "message_stop", "error",
    };

    private EventGate() {
    }

    /** True when an event named {@code eventName} (null: no {@code event:} line) is to be read. */
    static boolean decodes(Api api, CharSequence eventName) {
        if (api != Api.MESSAGES) {
            return true;
        }
        if (eventName == null) {
            return false;
        }
        for (String name : MESSAGES_EVENTS) {
            if (name.contentEquals(eventName)) {
                return true;
            }
        }
        return false;
    }

    /** True for the dialects whose end marker is {@code data: [DONE]}; the OpenAI SDKs stop at it in any stream. */
    static boolean endsWithDone(Api api) {
        return api == Api.CHAT || api == Api.COMPLETIONS || api == Api.RESPONSES;
    }
}
