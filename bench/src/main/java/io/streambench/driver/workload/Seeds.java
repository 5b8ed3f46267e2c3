package io.streambench.driver.workload;

/** Derives independent seeds from a run's seed, so each request's choices depend on its index only. */
final class Seeds {

    /** Streams of seeds that must not coincide: prompts, prefixes, trace blocks, conversations. */
    static final long PROMPTS = 0x1L;
    static final long PREFIXES = 0x2L;
    static final long BLOCKS = 0x3L;
    static final long TAILS = 0x4L;
    static final long SHUFFLE = 0x5L;
    /** Per-request draws (lengths, groups, think times), apart from the texts' own seeds. */
    static final long DRAWS = 0x6L;

    private Seeds() {
    }

    /** A well-mixed seed for item {@code index} of stream {@code stream} under {@code seed}. */
    static long mix(long seed, long stream, long index) {
        return fmix64(fmix64(seed + 0x9E3779B97F4A7C15L * stream) + 0xBF58476D1CE4E5B9L * index);
    }

    // MurmurHash3's 64-bit finalizer: every input bit affects every output bit.
    private static long fmix64(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb93fe53fa7b9L;
        k ^= k >>> 33;
        return k;
    }
}
