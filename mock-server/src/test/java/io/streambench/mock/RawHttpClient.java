package io.streambench.mock;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A deliberately plain HTTP/1.1 client over a socket, so tests see exactly the bytes the server sends:
 * status line, headers, chunked framing, and each SSE event with the time its last byte was read.
 */
final class RawHttpClient implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    RawHttpClient(int port) throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(10_000);
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        in = new java.io.BufferedInputStream(socket.getInputStream(), 65536);
        out = socket.getOutputStream();
    }

    /** One SSE event: its raw lines (without line ends) and when its terminating blank line arrived. */
    record Event(List<String> lines, long arrivalNanos) {
        /** The joined {@code data:} lines, or null for an event without data (comments only). */
        String data() {
            StringBuilder sb = null;
            for (String l : lines) {
                if (l.startsWith("data:")) {
                    String v = l.substring(5);
                    v = v.startsWith(" ") ? v.substring(1) : v;
                    sb = sb == null ? new StringBuilder(v) : sb.append('\n').append(v);
                }
            }
            return sb == null ? null : sb.toString();
        }
    }

    /** A response: status, lower-cased headers, the raw body and, for event streams, the events. */
    record Response(int status, Map<String, String> headers, String body, List<Event> events, long sentNanos,
            List<Integer> chunkSizes) {
    }

    void send(String raw) throws IOException {
        out.write(raw.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    static String post(String path, String json, String... headerPairs) {
        StringBuilder sb = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\n");
        for (int i = 0; i < headerPairs.length; i += 2) {
            sb.append(headerPairs[i]).append(": ").append(headerPairs[i + 1]).append("\r\n");
        }
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        sb.append("Content-Length: ").append(body.length).append("\r\n\r\n").append(json);
        return sb.toString();
    }

    /** Sends a POST and reads the whole response (until the last chunk or content-length). */
    Response postAndRead(String path, String json, String... headerPairs) throws IOException {
        long sent = System.nanoTime();
        send(post(path, json, headerPairs));
        return read(sent);
    }

    /** Reads one response. */
    Response read(long sentNanos) throws IOException {
        String statusLine = line();
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String l = line(); !l.isEmpty(); l = line()) {
            int c = l.indexOf(':');
            headers.put(l.substring(0, c).trim().toLowerCase(Locale.ROOT), l.substring(c + 1).trim());
        }
        SseSplitter sse = new SseSplitter();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        List<Integer> chunkSizes = new ArrayList<>();
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            while (true) {
                int size = Integer.parseInt(line().trim(), 16);
                if (size == 0) {
                    line();
                    break;
                }
                chunkSizes.add(size);
                byte[] chunk = in.readNBytes(size);
                if (chunk.length < size) {
                    throw new EOFException("chunk cut short");
                }
                body.write(chunk);
                sse.feed(chunk, System.nanoTime());
                line();
            }
        } else if (headers.containsKey("content-length")) {
            byte[] b = in.readNBytes(Integer.parseInt(headers.get("content-length")));
            body.write(b);
            sse.feed(b, System.nanoTime());
        } else {
            byte[] buf = new byte[8192];
            for (int n; (n = in.read(buf)) > 0; ) {
                body.write(buf, 0, n);
                byte[] part = java.util.Arrays.copyOf(buf, n);
                sse.feed(part, System.nanoTime());
            }
        }
        return new Response(status, headers, body.toString(StandardCharsets.UTF_8), sse.events, sentNanos, chunkSizes);
    }

    /** Reads at most {@code n} body bytes of a response without finishing it (for disconnect tests). */
    byte[] readSome(int n) throws IOException {
        return in.readNBytes(n);
    }

    private String line() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int c; (c = in.read()) != '\n'; ) {
            if (c < 0) {
                throw new EOFException("connection closed mid-line");
            }
            b.write(c);
        }
        String s = b.toString(StandardCharsets.UTF_8);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    boolean closedByPeer() throws IOException {
        return in.read() < 0;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** Splits a byte stream into SSE events at blank lines (LF or CRLF line ends, as the mock sends them). */
    private static final class SseSplitter {
        final List<Event> events = new ArrayList<>();
        final ByteArrayOutputStream line = new ByteArrayOutputStream();
        List<String> lines = new ArrayList<>();

        void feed(byte[] bytes, long now) {
            for (byte b : bytes) {
                if (b != '\n') {
                    line.write(b);
                    continue;
                }
                String l = line.toString(StandardCharsets.UTF_8);
                line.reset();
                if (l.endsWith("\r")) {
                    l = l.substring(0, l.length() - 1);
                }
                if (l.isEmpty()) {
                    if (!lines.isEmpty()) {
                        events.add(new Event(lines, now));
                    }
                    lines = new ArrayList<>();
                } else {
                    lines.add(l);
                }
            }
        }
    }
}
