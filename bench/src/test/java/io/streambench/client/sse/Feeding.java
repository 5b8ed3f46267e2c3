package io.streambench.client.sse;

import io.streambench.client.Api;
import java.util.List;

/** Feeds a stream to a parser along a cut plan and records what it reports. */
final class Feeding {

    private Feeding() {
    }

    /** Read {@code k} gets arrival {@code k + 1}; {@code end} gets {@code reads + 1}. */
    static List<StreamEvent> run(ParserStrategy parser, Api api, byte[] bytes, int[] plan) {
        return run(parser, api, bytes, plan, MalformedPolicy.SKIP);
    }

    static List<StreamEvent> run(ParserStrategy parser, Api api, byte[] bytes, int[] plan, MalformedPolicy policy) {
        EventRecorder recorder = new EventRecorder();
        SseParser instance = parser.create(api, recorder, policy);
        int reads = plan.length - 1;
        for (int k = 0; k < reads; k++) {
            instance.feed(bytes, plan[k], plan[k + 1] - plan[k], k + 1);
        }
        instance.end(reads + 1);
        return List.copyOf(recorder.events());
    }

    /** Malformed-data reasons differ between parsers; the suite compares their kind. */
    static StreamEvent normalized(StreamEvent event) {
        if (event instanceof StreamEvent.Error error && error.error().kind() == StreamError.Kind.MALFORMED) {
            return new StreamEvent.Error(new StreamError(StreamError.Kind.MALFORMED, "", null, null),
                    event.arrivalNanos());
        }
        return event;
    }

    static StreamEvent withArrival(StreamEvent event, long arrival) {
        if (event instanceof StreamEvent.Role e) {
            return new StreamEvent.Role(e.choice(), e.role(), arrival);
        } else if (event instanceof StreamEvent.Reasoning e) {
            return new StreamEvent.Reasoning(e.choice(), e.text(), arrival);
        } else if (event instanceof StreamEvent.Content e) {
            return new StreamEvent.Content(e.choice(), e.text(), arrival);
        } else if (event instanceof StreamEvent.ToolCall e) {
            return new StreamEvent.ToolCall(e.choice(), e.toolIndex(), e.id(), e.name(), e.arguments(), arrival);
        } else if (event instanceof StreamEvent.Finish e) {
            return new StreamEvent.Finish(e.choice(), e.reason(), arrival);
        } else if (event instanceof StreamEvent.Usage e) {
            return new StreamEvent.Usage(e.source(), e.promptTokens(), e.outputTokens(), e.reasoningTokens(),
                    e.cachedTokens(), e.totalTokens(), arrival);
        } else if (event instanceof StreamEvent.Error e) {
            return new StreamEvent.Error(e.error(), arrival);
        } else if (event instanceof StreamEvent.End e) {
            return new StreamEvent.End(e.end(), arrival);
        } else {
            return new StreamEvent.Comment(((StreamEvent.Comment) event).text(), arrival);
        }
    }
}
