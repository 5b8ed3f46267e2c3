package io.streambench.mock.internal.model;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The blocks of prompts the server computed recently, by chained block hash ({@link TokenizedPrompt}), at most
 * a fixed number of them, least recently used evicted first. A request's leading blocks found here skip
 * prefill. Not thread-safe: its {@link ServerModel} calls it under its lock.
 *
 * <p>A block counts as cached only once its prefill is over ({@code readyAtNanos}): two requests that share
 * a prefix and arrive together both compute it, as on a real server. When a request's blocks are stored they
 * are touched last block first, so that under pressure a prefix is evicted from its end and its first blocks,
 * which more requests share, stay longest (vLLM frees a request's blocks in that order).
 */
final class PrefixCache {

    private final int capacityBlocks;
    /** Block hash to the time its prefill ends; least recently used first. */
    private final LinkedHashMap<Long, Long> blocks;

    PrefixCache(int capacityBlocks) {
        if (capacityBlocks < 1) {
            throw new IllegalArgumentException("capacity must be >= 1 block, got " + capacityBlocks);
        }
        this.capacityBlocks = capacityBlocks;
        this.blocks = new LinkedHashMap<>(Math.min(capacityBlocks, 1 << 16) * 2, 0.75f, true);
    }

    /** How many leading blocks of {@code hashes} are cached and computed by {@code nowNanos}. */
    int leadingHits(long[] hashes, long nowNanos) {
        int hits = 0;
        for (long h : hashes) {
            Long readyAt = blocks.get(h);
            if (readyAt == null || readyAt - nowNanos > 0) {
                break;
            }
            hits++;
        }
        return hits;
    }

    /**
     * Stores every block of a request (those already cached keep their earlier ready time), evicting the least
     * recently used beyond the capacity.
     */
    void store(long[] hashes, long readyAtNanos) {
        for (int i = hashes.length - 1; i >= 0; i--) {
            Long old = blocks.get(hashes[i]);
            blocks.put(hashes[i], old != null && old - readyAtNanos < 0 ? old : readyAtNanos);
        }
        Iterator<Map.Entry<Long, Long>> eldest = blocks.entrySet().iterator();
        while (blocks.size() > capacityBlocks) {
            eldest.next();
            eldest.remove();
        }
    }

    /** Blocks held now. */
    int size() {
        return blocks.size();
    }
}
