package io.streambench.mock.internal.model;

/**
 * A prompt's token ids, message by message, and the chained hashes of its blocks for the prefix cache.
 *
 * <p>Block {@code i} covers tokens {@code [i * blockTokens, (i + 1) * blockTokens)} of the whole prompt (its
 * messages' tokens one after another), and its hash covers every token before its end and the role of every
 * message those tokens belong to, as vLLM's prefix caching hashes a block together with its parent's hash: two
 * prompts share block {@code i}'s hash only when they agree on everything up to the end of that block. Only
 * full blocks are hashed; the partial block at the end is never cached.
 *
 * <p>The hash has 64 bits: among a million cached blocks the odds that two different prefixes collide are
 * about one in thirty million.
 */
public final class TokenizedPrompt {

    private static final long SEED = 0x5EEDB10C5L;

    private final int[][] ids;
    private final String[] roles;
    private final int tokens;

    TokenizedPrompt(int[][] ids, String[] roles) {
        this.ids = ids;
        this.roles = roles;
        int n = 0;
        for (int[] m : ids) {
            n += m.length;
        }
        this.tokens = n;
    }

    /** Tokens of every message's text (no chat template: as the driver counts a prompt). */
    public int tokens() {
        return tokens;
    }

    /** The chained hash of each full block of {@code blockTokens} tokens, first block first. */
    public long[] blockHashes(int blockTokens) {
        long[] hashes = new long[tokens / blockTokens];
        long h = SEED;
        int inBlock = 0;
        int block = 0;
        for (int m = 0; m < ids.length && block < hashes.length; m++) {
            // A role is not a token: it goes into the hash (as a value no token id has) but not the count.
            h = mix(h, Integer.MIN_VALUE | (roles[m].hashCode() & Integer.MAX_VALUE));
            for (int id : ids[m]) {
                h = mix(h, id);
                if (++inBlock == blockTokens) {
                    hashes[block++] = finish(h);
                    inBlock = 0;
                    if (block == hashes.length) {
                        break;
                    }
                }
            }
        }
        return hashes;
    }

    /** One round of an xxHash-style accumulator. */
    private static long mix(long h, int value) {
        return Long.rotateLeft(h + value * 0x9E3779B97F4A7C15L, 31) * 0xC2B2AE3D27D4EB4FL;
    }

    /** MurmurHash3's 64-bit finalizer: every input bit affects every output bit. */
    private static long finish(long h) {
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        return h ^ (h >>> 33);
    }
}
