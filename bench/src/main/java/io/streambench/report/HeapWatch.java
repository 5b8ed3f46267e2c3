package io.streambench.report;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;

/** Samples heap use: the largest seen, and the largest live set left after a collection. */
final class HeapWatch {

    private final List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).toList();
    private long maxUsed;
    private long maxAfterGc;
    private long lastUsed;

    /** Takes one sample. */
    void sample() {
        lastUsed = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        maxUsed = Math.max(maxUsed, lastUsed);
        long afterGc = 0;
        for (MemoryPoolMXBean pool : heapPools) {
            MemoryUsage usage = pool.getCollectionUsage();
            if (usage != null) {
                afterGc += usage.getUsed();
            }
        }
        maxAfterGc = Math.max(maxAfterGc, afterGc);
    }

    long lastUsed() {
        return lastUsed;
    }

    long maxUsed() {
        return maxUsed;
    }

    long maxAfterGc() {
        return maxAfterGc;
    }
}
