package io.streambench.driver.gateway;

import java.util.Arrays;

/**
 * Which event the client got for which event the mock sent, for one request: the join of the two sides by event
 * index, made robust to a gateway that drops, adds, rewrites, merges or splits events.
 *
 * <p>Events whose data hashes are equal are the same event, unchanged: they are matched as the longest common
 * subsequence of the two hash sequences (common head and tail first, so a pass-through costs one comparison per
 * event). Between two matches is a hunk of events that differ. A hunk with as many events on both sides is
 * rewritten event for event (a gateway that re-encodes every chunk, renames ids or the model), paired by
 * position. Any other hunk is paired by position from its head or its tail, whichever fits the sizes better, and
 * the events left over were dropped (the mock's) or added (the client's), unless the sizes do not fit that way
 * (they differ by more than {@value #POSITIONAL_MISFIT} of the bytes) while the two sides hold about as many bytes
 * (the client at least {@value #REFRAMED_SHARE} of the mock's, or the reverse): then the gateway merged events (fewer
 * on the client's side) or split them (more), and each client event is paired with the last mock event its bytes
 * reach, by cumulative share of the hunk's bytes.
 */
final class Alignment {

    /** Fewer (or more) client events carrying at least this share of the mock's bytes (at most its inverse): re-framed. */
    static final double REFRAMED_SHARE = 0.8;
    /** A positional pairing whose sizes differ by at most this share of the client's bytes is taken as it is. */
    static final double POSITIONAL_MISFIT = 0.25;
    /** Larger differences are joined without looking for common events inside them. */
    private static final long MAX_TABLE = 1 << 22;

    /** Per mock event: the client event paired with it, or -1. */
    final int[] clientOf;
    /** Per client event: the mock event paired with it, or -1. */
    final int[] mockOf;
    int unchanged;
    int rewritten;
    int dropped;
    int added;
    /** Mock events more than client events in merged hunks. */
    int merged;
    /** Client events more than mock events in split hunks. */
    int split;

    private final int[] mockSizes;
    private final int[] clientSizes;

    private Alignment(int mockEvents, int clientEvents, int[] mockSizes, int[] clientSizes) {
        this.clientOf = new int[mockEvents];
        this.mockOf = new int[clientEvents];
        Arrays.fill(clientOf, -1);
        Arrays.fill(mockOf, -1);
        this.mockSizes = mockSizes;
        this.clientSizes = clientSizes;
    }

    static Alignment of(int[] mockSizes, long[] mockHashes, int[] clientSizes, long[] clientHashes) {
        int n = mockHashes.length;
        int m = clientHashes.length;
        Alignment a = new Alignment(n, m, mockSizes, clientSizes);
        int head = 0;
        while (head < n && head < m && mockHashes[head] == clientHashes[head]) {
            a.same(head, head);
            head++;
        }
        int tail = 0;
        while (tail < n - head && tail < m - head && mockHashes[n - 1 - tail] == clientHashes[m - 1 - tail]) {
            a.same(n - 1 - tail, m - 1 - tail);
            tail++;
        }
        a.middle(mockHashes, clientHashes, head, n - tail, head, m - tail);
        return a;
    }

    /** The events between the common head and tail: common events inside, then the hunks between them. */
    private void middle(long[] mh, long[] ch, int ms, int me, int cs, int ce) {
        int n = me - ms;
        int m = ce - cs;
        if (n == 0 || m == 0 || (long) (n + 1) * (m + 1) > MAX_TABLE) {
            hunk(ms, me, cs, ce);
            return;
        }
        // LCS lengths of the suffixes, then a walk from the front.
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = mh[ms + i] == ch[cs + j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        int hunkM = 0;
        int hunkC = 0;
        while (i < n && j < m) {
            if (mh[ms + i] == ch[cs + j]) {
                hunk(ms + hunkM, ms + i, cs + hunkC, cs + j);
                same(ms + i, cs + j);
                i++;
                j++;
                hunkM = i;
                hunkC = j;
            } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
                i++;
            } else {
                j++;
            }
        }
        hunk(ms + hunkM, me, cs + hunkC, ce);
    }

    private void same(int mock, int client) {
        clientOf[mock] = client;
        mockOf[client] = mock;
        unchanged++;
    }

    private void pair(int mock, int client) {
        clientOf[mock] = client;
        mockOf[client] = mock;
    }

    private void hunk(int ms, int me, int cs, int ce) {
        int n = me - ms;
        int m = ce - cs;
        if (n == 0 && m == 0) {
            return;
        }
        if (n == 0) {
            added += m;
            return;
        }
        if (m == 0) {
            dropped += n;
            return;
        }
        if (n == m) {
            for (int k = 0; k < n; k++) {
                pair(ms + k, cs + k);
            }
            rewritten += n;
            return;
        }
        int k = Math.min(n, m);
        long tailMisfit = misfit(ms + n - k, cs + m - k, k);
        long headMisfit = misfit(ms, cs, k);
        boolean fromTail = tailMisfit < headMisfit;
        long paired = fromTail ? sum(clientSizes, ce - k, ce) : sum(clientSizes, cs, cs + k);
        boolean fits = Math.min(tailMisfit, headMisfit) <= POSITIONAL_MISFIT * Math.max(1, paired);
        long mockBytes = sum(mockSizes, ms, me);
        long clientBytes = sum(clientSizes, cs, ce);
        boolean mergedHere = m < n && clientBytes >= REFRAMED_SHARE * mockBytes && mockBytes > 0;
        boolean splitHere = m > n && clientBytes > 0 && clientBytes * REFRAMED_SHARE <= mockBytes;
        if (!fits && (mergedHere || splitHere)) {
            reframe(ms, me, cs, ce, mockBytes, clientBytes);
            if (mergedHere) {
                merged += n - m;
            } else {
                split += m - n;
            }
            return;
        }
        for (int x = 0; x < k; x++) {
            if (fromTail) {
                pair(me - k + x, ce - k + x);
            } else {
                pair(ms + x, cs + x);
            }
        }
        rewritten += k;
        dropped += n - k;
        added += m - k;
    }

    /**
     * Each client event with the last mock event its bytes reach, by cumulative share of the hunk's bytes; each mock
     * event with the first client event that holds its bytes.
     */
    private void reframe(int ms, int me, int cs, int ce, long mockBytes, long clientBytes) {
        long clientSoFar = 0;
        long mockSoFar = 0;
        int i = ms;
        for (int j = cs; j < ce; j++) {
            clientSoFar += clientSizes[j];
            double share = (double) clientSoFar / clientBytes;
            while (i < me - 1 && (double) (mockSoFar + mockSizes[i]) / mockBytes < share - 1e-9) {
                if (clientOf[i] < 0) {
                    clientOf[i] = j;
                }
                mockSoFar += mockSizes[i];
                i++;
            }
            mockOf[j] = i;
            if (clientOf[i] < 0) {
                clientOf[i] = j;
            }
        }
        for (int k = i; k < me; k++) {
            if (clientOf[k] < 0) {
                clientOf[k] = ce - 1;
            }
        }
    }

    private long misfit(int ms, int cs, int k) {
        long d = 0;
        for (int x = 0; x < k; x++) {
            d += Math.abs(mockSizes[ms + x] - clientSizes[cs + x]);
        }
        return d;
    }

    private static long sum(int[] sizes, int from, int to) {
        long s = 0;
        for (int i = from; i < to; i++) {
            s += sizes[i];
        }
        return s;
    }
}
