package io.streambench.mock.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.ByteBufInputStream;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.concurrent.ScheduledFuture;
import io.streambench.mock.internal.fault.ArmedFaults;
import io.streambench.mock.internal.fault.StreamFaults;
import io.streambench.mock.internal.model.Sequence;
import io.streambench.mock.internal.model.ServerModel;
import io.streambench.mock.internal.record.RecorderAccess;
import io.streambench.mock.internal.record.Recording;
import io.streambench.mock.internal.record.RecordingSink;
import io.streambench.mock.internal.record.RequestRecord;
import io.streambench.mock.internal.stats.ServerStats;
import io.streambench.mock.internal.stream.EventSink;
import io.streambench.mock.internal.stream.Script;
import io.streambench.mock.internal.stream.StreamSession;
import io.streambench.mock.internal.wire.ChatRequest;
import io.streambench.mock.internal.wire.StreamPlan;
import io.streambench.mock.internal.wire.WireFormat;
import io.streambench.mock.record.Recorder;
import io.streambench.mock.record.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * One API's chat route: decode the body, admit the request, then answer it in the route's wire format: a
 * paced stream, or after the stream's duration the whole answer ({@code stream: false}). When the profile has
 * a server model, the request first goes through it (counted, perhaps queued, admitted to a slot of the
 * batch): the answer starts when it has its slot, its plan then carries the model's prompt counts, its script
 * the model's timing, and its end releases the slot. A recording server records a request whose prompt carries a
 * {@link Tag}: the tag's settings act as its {@code x-mock-*} headers, and a {@link RecordingSink} notes each event
 * of its stream.
 */
final class ChatRoute {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Reads one API's request: its body, and what its path and query say (Gemini names the model there). */
    @FunctionalInterface
    interface Decoder {
        /** @throws BadRequestException for a request the API refuses */
        ChatRequest decode(JsonNode body, QueryStringDecoder uri);
    }

    private final ServerStats stats;
    private final Admission admission;
    private final Provider provider;
    private final Decoder decoder;
    private final WireFormat format;
    /** Where tagged requests are recorded, or null. */
    private final Recording recording;

    /**
     * @param provider where the key is sent and how the refusals before the body are worded
     * @param recorder the records of tagged requests, or null to record nothing
     */
    ChatRoute(ServerStats stats, Admission admission, Provider provider, Decoder decoder, WireFormat format,
            Recorder recorder) {
        this.stats = stats;
        this.recording = recorder == null ? null : RecorderAccess.recording(recorder);
        this.admission = admission;
        this.provider = provider;
        this.decoder = decoder;
        this.format = format;
    }

    void answer(Exchange x, FullHttpRequest request) {
        // The stream's clock starts at the socket read that completed the request: decoding it and planning the
        // answer are inside its time to first token, as they are for a real server.
        long startNanos = x.arrivalNanos();
        RequestRecord record = record(x, request);
        Function<String, String> headers = record == null ? request.headers()::get
                : record.tag().headers(request.headers()::get, record.attempt());
        if (record != null) {
            record.fault(headers.apply("x-mock-fault"));
        }
        QueryStringDecoder uri = new QueryStringDecoder(request.uri());
        ErrorReply refusal = provider.refuseHeaders(request.headers()::get);
        if (refusal != null) {
            refuse(x, record, refusal);
            return;
        }
        ChatRequest chat;
        try {
            chat = decoder.decode(JSON.readTree((InputStream) new ByteBufInputStream(request.content())), uri);
        } catch (IOException e) {
            refuse(x, record, provider.invalidJson());
            return;
        } catch (BadRequestException e) {
            refuse(x, record, e.reply());
            return;
        }
        Admission.Outcome outcome = admission.admit(chat, headers,
                provider.apiKey(request.headers()::get, uri), provider.missingApiKey(), startNanos,
                System.currentTimeMillis() / 1000);
        if (outcome instanceof Admission.Refused refused) {
            if (refused.faultKind() != null) {
                stats.fault(refused.faultKind());
            }
            refuse(x, record, refused.error());
            return;
        }
        Admission.Admitted admitted = (Admission.Admitted) outcome;
        long slowMillis = admitted.faults().slowHeadersMillis();
        if (slowMillis > 0) {
            stats.fault("slow_headers");
            long shifted = startNanos + TimeUnit.MILLISECONDS.toNanos(slowMillis);
            ScheduledFuture<?> start = x.ctx().executor().schedule(() -> start(x, admitted, shifted, record),
                    slowMillis, TimeUnit.MILLISECONDS);
            x.answering(() -> {
                cancelled(record);
                start.cancel(false);
            });
        } else {
            start(x, admitted, startNanos, record);
        }
    }

    /** The record of a tagged request when the server records, else null; it arrived when its clock starts. */
    private RequestRecord record(Exchange x, FullHttpRequest request) {
        if (recording == null) {
            return null;
        }
        Tag tag = Tag.find(request.content());
        return tag == null ? null : recording.begin(tag, x.arrivalNanos());
    }

    private void refuse(Exchange x, RequestRecord record, ErrorReply error) {
        if (record != null) {
            record.status(error.status());
            record.ended("complete", System.nanoTime());
        }
        x.refuse(error, format);
    }

    private static void cancelled(RequestRecord record) {
        if (record != null) {
            record.ended("cancelled", System.nanoTime());
        }
    }

    private void start(Exchange x, Admission.Admitted a, long startNanos, RequestRecord record) {
        ServerModel model = a.model();
        if (a.stream()) {
            stream(x, a, startNanos, model, record);
        } else if (model == null) {
            complete(x, a.plan(), startNanos, null, record);
        } else {
            Sequence s = model.submit(a.plan().prompt(), x.ctx().executor(), startNanos,
                    admitted -> complete(x, counted(a.plan(), admitted), admitted.admittedNanos(), admitted, record));
            waitForSlot(x, s, record);
        }
    }

    private void stream(Exchange x, Admission.Admitted a, long startNanos, ServerModel model, RequestRecord record) {
        HttpVersion version = x.version();
        HttpResponse response = new DefaultHttpResponse(version, HttpResponseStatus.OK);
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, "text/event-stream; charset=utf-8")
                .set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_CACHE);
        format.responseHeaders(true, format.newRequestId(), response.headers()::set);
        a.plan().replayHeaders().forEach(response.headers()::set);
        // HTTP/1.0 has no chunked encoding: the stream is delimited by closing the connection.
        boolean chunked = version.equals(HttpVersion.HTTP_1_1);
        if (chunked) {
            HttpUtil.setTransferEncodingChunked(response, true);
        }
        boolean reuse = x.keepAlive() && chunked;
        HttpUtil.setKeepAlive(response, reuse);
        stats.response(200);
        ChannelHandlerContext ctx = x.ctx();
        // Not flushed here: the session flushes the head with the first events when they are due at once
        // (one syscall for an unpaced stream), or right away when they are not.
        ctx.write(response, ctx.voidPromise());
        if (record != null) {
            record.status(200);
        }
        if (model == null) {
            session(x, a, a.plan(), chunked, reuse, startNanos, null, record);
            return;
        }
        Sequence s = model.submit(a.plan().prompt(), ctx.executor(), startNanos, admitted -> session(x, a,
                counted(a.plan(), admitted), chunked, reuse, admitted.admittedNanos(), admitted, record));
        if (!s.started()) {
            ctx.flush(); // the head goes out now, as a server sends it before the request waits for the batch
        }
        waitForSlot(x, s, record);
    }

    /** A request still waiting for a slot (or its count) leaves the model's queue when its client leaves. */
    private static void waitForSlot(Exchange x, Sequence s, RequestRecord record) {
        if (!s.started()) {
            x.answering(() -> {
                cancelled(record);
                s.cancel(System.nanoTime());
            });
        }
    }

    /** {@code plan} with the model's prompt counts, when it counted the prompt. */
    private static StreamPlan counted(StreamPlan plan, Sequence s) {
        return s.counted() ? plan.withPromptTokens(s.promptTokens(), s.cachedTokens()) : plan;
    }

    /**
     * Starts the paced stream of {@code plan} at {@code startNanos}; with a model's {@code sequence}, the script
     * follows the batch and the stream's end releases the slot.
     */
    private void session(Exchange x, Admission.Admitted a, StreamPlan plan, boolean chunked, boolean reuse,
            long startNanos, Sequence sequence, RequestRecord record) {
        ChannelHandlerContext ctx = x.ctx();
        Runnable onEnd = sequence == null ? () -> x.answered(reuse) : () -> {
            sequence.release(System.nanoTime());
            x.answered(reuse);
        };
        Script script = format.script(plan, a.faults());
        EventSink sink = new StreamWriter(ctx, chunked, onEnd);
        if (record != null) {
            sink = new RecordingSink(sink, record);
        }
        StreamSession session = new StreamSession(sink, sequence == null ? script : sequence.pace(script),
                new StreamFaults(a.faults(), plan.seed(), stats), plan.flush(), stats);
        x.answering(new Answer() {
            @Override
            public void cancel() {
                cancelled(record);
                session.cancel();
                if (sequence != null) {
                    sequence.release(System.nanoTime());
                }
            }

            @Override
            public void writabilityChanged() {
                session.writabilityChanged();
            }
        });
        session.start(startNanos);
    }

    private void complete(Exchange x, StreamPlan plan, long startNanos, Sequence sequence, RequestRecord record) {
        String json = format.completion(plan);
        long due = startNanos + (sequence == null ? format.answerDelayNanos(plan)
                : sequence.answerDelayNanos(format.script(plan, ArmedFaults.NONE)));
        stats.streamStarted();
        ScheduledFuture<?> reply = x.ctx().executor().schedule(() -> {
            long now = System.nanoTime();
            stats.recordLatenessNanos(now - due);
            if (sequence != null) {
                sequence.release(due - now < 0 ? due : now);
            }
            FullHttpResponse response = x.json(200, json, plan.replayHeaders());
            format.responseHeaders(false, format.newRequestId(), response.headers()::set);
            stats.sent(0, response.content().readableBytes());
            stats.streamCompleted();
            if (record != null) {
                record.status(200);
                record.ended("complete", System.nanoTime());
            }
            x.reply(response);
        }, Math.max(0, due - System.nanoTime()), TimeUnit.NANOSECONDS);
        x.answering(() -> {
            cancelled(record);
            reply.cancel(false);
            stats.streamCancelled();
            if (sequence != null) {
                sequence.release(System.nanoTime());
            }
        });
    }
}
