package io.streambench.client.sse;

import org.junit.jupiter.api.Test;
import java.util.concurrent.*;

class DebugTmpTest {
    @Test
    void debug() throws Exception {
        for (String p : SseParsers.names()) {
            for (RecordedStreams.Case c : RecordedStreams.all()) {
                ExecutorService ex = Executors.newSingleThreadExecutor(r -> { Thread t = new Thread(r); t.setDaemon(true); return t; });
                Future<?> f = ex.submit(() -> Feeding.run(p, c.bytes(), Splits.whole(c.bytes().length)));
                try { f.get(5, TimeUnit.SECONDS); System.out.println("OK " + p + " " + c.name()); }
                catch (TimeoutException e) { System.out.println("HANG " + p + " " + c.name()); }
                catch (ExecutionException e) { System.out.println("FAIL " + p + " " + c.name() + " " + e.getCause()); }
            }
        }
    }
}
