package io.streambench.mock.internal.wire;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;

/**
 * The OpenAI Responses API ({@code POST /v1/responses}): typed event streams ({@link ResponsesEvents}), the
 * {@code response} object for {@code stream: false} (the one the terminal event carries), and OpenAI's error
 * object.
 */
final class ResponsesFormat extends WireFormat {

    static final ResponsesFormat INSTANCE = new ResponsesFormat();

    private ResponsesFormat() {
    }

    @Override
    EventEncoder newEncoder(StreamPlan plan, SseEvents sse, StreamPlan.Randoms random) {
        return new ResponsesEvents(plan, sse, random.padding());
    }

    /**
     * The finished {@code response} object, as {@code response.completed} (or {@code .incomplete}) carries it;
     * {@code completed_at} is when the answer is sent, after the time the stream would have taken.
     */
    @Override
    public String completion(StreamPlan plan) {
        long seconds = (answerDelayNanos(plan) + 500_000_000L) / 1_000_000_000L;
        ByteBuf out = Unpooled.buffer(4096);
        try {
            new ResponsesBody(plan).writeFinal(out, plan.createdEpochSeconds + seconds);
            return out.toString(StandardCharsets.UTF_8);
        } finally {
            out.release();
        }
    }

    /** {@code response.created} and {@code response.in_progress} go out right after the headers. */
    @Override
    boolean opensAtOnce() {
        return true;
    }

    @Override
    public String errorBody(int status, String message, String param, String code) {
        return OpenAiErrors.body(status, message, param, code);
    }
}
