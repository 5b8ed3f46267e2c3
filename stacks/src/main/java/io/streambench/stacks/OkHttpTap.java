package io.streambench.stacks;

import io.streambench.client.stack.StreamEvents;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.ForwardingSource;
import okio.Okio;

/**
 * An OkHttp application interceptor that watches one stream's body as it is read, for the stacks built on OkHttp
 * whose APIs hide what the driver needs: it counts the bytes and reads the send stamps and {@code [DONE]} that
 * their SSE readers drop ({@link BodyLines}), and, for the OpenAI SDK, whose streaming call shows no response
 * head, reports the status and headers. It copies the bytes it scans, a cost only of runs with send stamps on.
 * A stream is found by its request's tag ({@link Watch}) or, where the stack builds the request itself, by the
 * header {@link #HEADER}, removed before the request goes out.
 */
final class OkHttpTap implements Interceptor {

    /** Names the stream of a request the stack builds itself; never sent. */
    static final String HEADER = "x-streambench-watch";

    private final Map<String, Watch> byHeader = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    /** One stream's watch. */
    static final class Watch {
        final StreamEvents events;
        /** The stamps and {@code [DONE]} read, or null when the run sends no stamps and the stack shows [DONE]. */
        final BodyLines lines;
        final boolean reportHead;
        private final Buffer scratch = new Buffer();
        private byte[] bytes = new byte[8192];

        Watch(StreamEvents events, BodyLines lines, boolean reportHead) {
            this.events = events;
            this.lines = lines;
            this.reportHead = reportHead;
        }

        private void read(Buffer sink, long count) {
            events.onBytes((int) count, System.nanoTime());
            if (lines == null) {
                return;
            }
            scratch.clear();
            sink.copyTo(scratch, sink.size() - count, count);
            while (scratch.size() > 0) {
                int n = scratch.read(bytes, 0, bytes.length);
                lines.scan(bytes, 0, n);
            }
        }
    }

    /** Registers {@code watch} under a new header value, for {@link #HEADER}; {@link #forget} it when done. */
    String register(Watch watch) {
        String id = Long.toString(ids.incrementAndGet());
        byHeader.put(id, watch);
        return id;
    }

    void forget(String id) {
        byHeader.remove(id);
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        Watch watch = request.tag(Watch.class);
        String id = request.header(HEADER);
        if (id != null) {
            watch = byHeader.get(id);
            request = request.newBuilder().removeHeader(HEADER).build();
        }
        Response response = chain.proceed(request);
        if (watch == null) {
            return response;
        }
        if (watch.reportHead) {
            watch.events.onResponse(response.code(), response.header("Content-Type"), response::header,
                    System.nanoTime());
        }
        ResponseBody body = response.body();
        if (body == null) {
            return response;
        }
        Watch w = watch;
        ForwardingSource counted = new ForwardingSource(body.source()) {
            @Override
            public long read(Buffer sink, long byteCount) throws IOException {
                long n = super.read(sink, byteCount);
                if (n > 0) {
                    w.read(sink, n);
                }
                return n;
            }
        };
        return response.newBuilder()
                .body(ResponseBody.create(Okio.buffer(counted), body.contentType(), body.contentLength()))
                .build();
    }
}
