package io.streambench.mock.testing;

import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class LeakTrackingTest {

    @Test
    void shouldFailWhenABufferIsNeverReleased() {
        leakOne();
        assertThrows(AssertionFailedError.class, LeakTracking::assertNoLeaks);
    }

    private static void leakOne() {
        ByteBuf leaked = PooledByteBufAllocator.DEFAULT.directBuffer(64);
        leaked.writeLong(42);
        // dropped without release()
    }
}
