package io.streambench.driver.gateway;

import io.streambench.mock.record.RecordView;
import io.streambench.mock.record.Recorder;
import io.streambench.mock.record.RecordsJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the mock's records come from: the embedded mock's {@link Recorder} in this process, or a standalone
 * mock's {@code GET /records} pages.
 */
interface MockRecords {

    /** Every record the mock still holds, and what it dropped. */
    RecordsJson.Page fetch();

    /** The embedded mock's recorder. */
    static MockRecords of(Recorder recorder) {
        return () -> new RecordsJson.Page(recorder.since(0, Integer.MAX_VALUE), 0, recorder.droppedRecords(),
                recorder.droppedEvents());
    }

    /** A standalone mock at {@code admin} ({@code http://host:port}), page by page. */
    static MockRecords over(URI admin) {
        return () -> {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            List<RecordView> all = new ArrayList<>();
            long since = 0;
            RecordsJson.Page page;
            do {
                byte[] body = get(client, admin.resolve("/records?since=" + since + "&limit=1000"));
                page = RecordsJson.read(body);
                all.addAll(page.records());
                since = page.next();
            } while (!page.records().isEmpty());
            return new RecordsJson.Page(all, since, page.droppedRecords(), page.droppedEvents());
        };
    }

    /** One GET; throws IllegalStateException with one line when the mock does not answer 200. */
    static byte[] get(HttpClient client, URI uri) {
        try {
            HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET()
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                String text = new String(r.body(), 0, Math.min(r.body().length, 200),
                        java.nio.charset.StandardCharsets.UTF_8).replaceAll("\\s+", " ");
                throw new IllegalStateException("GET " + uri + ": HTTP " + r.statusCode() + " " + text);
            }
            return r.body();
        } catch (java.net.ConnectException e) {
            throw new IllegalStateException("GET " + uri + ": connection refused", e);
        } catch (IOException e) {
            throw new IllegalStateException("GET " + uri + ": " + (e.getMessage() == null
                    ? e.getClass().getSimpleName() : e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("GET " + uri + ": interrupted", e);
        }
    }
}
