package io.streambench.mock;

import io.streambench.mock.profile.RequestOverrides;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Streams short answers from a private copy of a server over loopback, so that the server a user measures runs
 * compiled code from its first request ({@link MockServer#warmUp}).
 *
 * <p>Why: at one stream a second the mock's per-request code (decoding, admission, planning, a first event's
 * encoding, its framing) runs a few times a second and stays interpreted or in the JIT's first tier for many
 * minutes. On the 2-core VM this was measured on, that made a first token leave the mock about 0.3 ms after its
 * deadline (median; the read of the request and the encoding of the first event each took over 0.1 ms), against
 * under 0.1 ms once a few thousand requests had run. The JIT's compiled code is the process's, so a private server
 * of the same configuration warms the real one without touching its counters, records or connections.
 *
 * <p>The client is blocking sockets on a few threads of its own, all joined before {@link #run} returns; each
 * request asks for a short paced answer (headers {@code x-mock-ttft-ms}, {@code x-mock-itl-ms},
 * {@code x-mock-output-tokens}) of the default profile, through each API's route in turn.
 */
final class JitWarmup {

    /** Connections kept busy: two per core of a small machine, enough to give every event loop work. */
    private static final int CONNECTIONS = 4;
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9._-]+");
    private static final int CONNECT_TIMEOUT_MILLIS = 2_000;

    private final int port;
    private final List<byte[]> requests;
    private final int total;
    private final long deadlineNanos;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();

    private JitWarmup(int port, String model, int total, long deadlineNanos) {
        this.port = port;
        this.requests = requests(model);
        this.total = total;
        this.deadlineNanos = deadlineNanos;
    }

    /** Answers streamed to their end, and requests that failed. */
    record Counts(int answers, int failed) {
    }

    /**
     * Streams up to {@code total} answers from the server on loopback port {@code port}, stopping at
     * {@code deadlineNanos} ({@code System.nanoTime()}) however many are done.
     */
    static Counts run(int port, String model, int total, long deadlineNanos) throws InterruptedException {
        JitWarmup w = new JitWarmup(port, model, total, deadlineNanos);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < CONNECTIONS; i++) {
            Thread t = new Thread(w::connectionLoop, "mock-warmup-" + i);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        InterruptedException interrupted = null;
        for (Thread t : threads) {
            while (t.isAlive()) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    // Stop handing out requests; each loop ends within one answer and its read timeout.
                    w.next.set(total);
                    interrupted = e;
                }
            }
        }
        if (interrupted != null) {
            throw interrupted;
        }
        return new Counts(w.done.get(), w.failed.get());
    }

    /** One connection's requests, one after another; a failure opens a new connection. */
    private void connectionLoop() {
        Connection c = null;
        try {
            int i;
            while (System.nanoTime() - deadlineNanos < 0 && (i = next.getAndIncrement()) < total) {
                try {
                    if (c == null) {
                        c = new Connection(connect());
                    }
                    if (c.exchange(requests.get(i % requests.size()))) {
                        done.incrementAndGet();
                        continue;
                    }
                } catch (IOException e) {
                    // counted below; a refused or cut connection is replaced
                }
                failed.incrementAndGet();
                if (c != null) {
                    close(c.socket);
                    c = null;
                }
            }
        } finally {
            if (c != null) {
                close(c.socket);
            }
        }
    }

    private Socket connect() throws IOException {
        Socket s = new Socket();
        try {
            s.setTcpNoDelay(true);
            s.setSoTimeout((int) Math.max(1_000, Math.min(10_000, (deadlineNanos - System.nanoTime()) / 1_000_000)));
            s.connect(new InetSocketAddress("127.0.0.1", port), CONNECT_TIMEOUT_MILLIS);
            return s;
        } catch (IOException e) {
            close(s);
            throw e;
        }
    }

    /** A keep-alive connection and its buffered input, one request at a time. */
    private static final class Connection {
        final Socket socket;
        final OutputStream out;
        final InputStream in;

        Connection(Socket socket) throws IOException {
            this.socket = socket;
            this.out = socket.getOutputStream();
            this.in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
        }

        /** Sends one request and reads its whole answer; true for a 200 whose body ended as HTTP/1.1 says. */
        boolean exchange(byte[] request) throws IOException {
            out.write(request);
            out.flush();
            String status = line(in);
            long length = -1;
            boolean chunked = false;
            for (String h = line(in); !h.isEmpty(); h = line(in)) {
                String lower = h.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(lower.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                }
            }
            if (chunked) {
                for (long size = chunkSize(line(in)); size > 0; size = chunkSize(line(in))) {
                    skip(in, size);
                    line(in);
                }
                line(in); // the empty line after the last chunk
            } else if (length >= 0) {
                skip(in, length);
            } else {
                return false; // a body delimited by the close: the connection is spent
            }
            return status.startsWith("HTTP/1.1 200");
        }
    }

    private static long chunkSize(String line) throws IOException {
        int semi = line.indexOf(';');
        try {
            return Long.parseLong((semi < 0 ? line : line.substring(0, semi)).trim(), 16);
        } catch (NumberFormatException e) {
            throw new IOException("bad chunk size: " + line, e);
        }
    }

    /** One CRLF-ended line, without its end; the stream must not end first. */
    private static String line(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder(64);
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("connection closed mid-answer");
            }
            if (c != '\r') {
                sb.append((char) c);
            }
        }
        return sb.toString();
    }

    private static void skip(InputStream in, long n) throws IOException {
        for (long left = n; left > 0; ) {
            long k = in.skip(left);
            if (k <= 0) {
                if (in.read() < 0) {
                    throw new IOException("connection closed mid-answer");
                }
                k = 1;
            }
            left -= k;
        }
    }

    private static void close(Socket s) {
        if (s != null) {
            try {
                s.close();
            } catch (IOException e) {
                // nothing to do
            }
        }
    }

    /** A short streamed answer through each API's route (Gemini's only when the name fits a path unescaped). */
    private static List<byte[]> requests(String model) {
        String m = model.replace("\\", "\\\\").replace("\"", "\\\"");
        String timing = RequestOverrides.TTFT_MS + ": 0.5\r\n" + RequestOverrides.ITL_MS + ": 0.05\r\n"
                + RequestOverrides.OUTPUT_TOKENS + ": 6\r\n";
        List<byte[]> list = new ArrayList<>();
        list.add(request("/v1/chat/completions", timing, "{\"model\":\"" + m + "\",\"stream\":true,"
                + "\"stream_options\":{\"include_usage\":true},\"messages\":[{\"role\":\"user\",\"content\":\"warm up\"}]}"));
        list.add(request("/v1/responses", timing, "{\"model\":\"" + m + "\",\"stream\":true,\"input\":\"warm up\"}"));
        list.add(request("/v1/messages", timing + "anthropic-version: 2023-06-01\r\nx-api-key: warmup\r\n",
                "{\"model\":\"" + m + "\",\"stream\":true,\"max_tokens\":64,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"warm up\"}]}"));
        list.add(request("/v1/completions", timing, "{\"model\":\"" + m + "\",\"stream\":true,\"prompt\":\"warm up\","
                + "\"max_tokens\":64}"));
        if (PLAIN_NAME.matcher(model).matches()) {
            list.add(request("/v1beta/models/" + model + ":streamGenerateContent?alt=sse", timing,
                    "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"warm up\"}]}]}"));
        }
        return list;
    }

    private static byte[] request(String path, String headers, String body) {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        String head = "POST " + path + " HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\n" + headers
                + "content-length: " + b.length + "\r\n\r\n";
        byte[] h = head.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[h.length + b.length];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(b, 0, all, h.length, b.length);
        return all;
    }
}
