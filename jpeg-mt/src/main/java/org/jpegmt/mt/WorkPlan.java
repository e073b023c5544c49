package org.jpegmt.mt;

import java.util.Arrays;

/**
 * Where jpeg-mt cuts one image's work into parts: the guided fractions for a thread count, the
 * decode bands drawn from them over the entropy-coded segments, and the encode strips drawn from
 * them over the restart intervals. Pure functions of plain numbers, so that the scheduler and
 * anything that models it (the bench's scaling model) draw the very same parts.
 *
 * <p>A plan is a list of boundaries: parts are the spans between consecutive entries, the first
 * entry is 0 and the last the number of segments or intervals. A plan with two entries is one
 * part: the work is not split.
 */
public final class WorkPlan {
    private WorkPlan() {
    }

    /**
     * Fewest MCU rows in a decode band. Decoding a band ({@link org.jpegmt.core.internal.BandDecode#decode}) needs
     * two; four keeps the rows that bands keep aside for their boundaries (four MCU rows per
     * boundary) within the size of whole planes, which
     * {@link org.jpegmt.core.DecoderOptions#maxMemory()} accounts for.
     */
    public static final int MIN_BAND_ROWS = 4;

    /**
     * Where to cut one image's work into parts for {@code threads} threads, as cumulative
     * fractions of the whole (guided self-scheduling): each part takes {@code 1 / (2 * threads)}
     * of the work not yet cut, until what remains is under {@code 1 / (32 * threads)}, which is
     * the last part; at most {@code 16 * threads} cuts. The first parts are large (few boundaries
     * to pay for), the last ones small, so threads that claim parts as they become free finish
     * within a small part of each other even when one of them was slowed down. With 2 threads:
     * 14 cuts (15 parts) at 0.25, 0.4375, 0.578..., from 25% of the work down to under 2%.
     *
     * @param threads threads that share the work, at least 1
     * @return increasing fractions in (0, 1); the parts are the spans between 0, these and 1
     * @throws IllegalArgumentException if {@code threads < 1}
     */
    public static double[] cuts(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        double q = 1 - 1.0 / (2 * threads);
        double last = 1.0 / (32 * threads);
        double[] f = new double[16 * threads];
        int n = 0;
        double remaining = q;
        while (remaining >= last && n < f.length) {
            f[n++] = 1 - remaining;
            remaining *= q;
        }
        return Arrays.copyOf(f, n);
    }

    /**
     * Groups consecutive segments into decode bands at the byte fractions {@code cuts}: a band
     * ends before segment {@code s} when the bytes before {@code s} reach the next cut not yet
     * passed, {@code s} starts an MCU row, that row is at least {@link #MIN_BAND_ROWS} after the
     * start of the band, and at least as many rows remain after it. Every cut that boundary
     * reaches is consumed.
     *
     * @param segments segment byte bounds: segment i is bytes {@code [segments[2i], segments[2i+1])}
     *     (at least one segment)
     * @param cuts where bands should end, as increasing fractions of the bytes ({@link #cuts})
     * @param rowStarts the MCU row segment i starts, or -1 ({@code McuGrid.rowStarts()} in jpeg-core)
     * @param rows MCU rows of the scan
     * @return band boundaries as segment indexes, first 0, last the segment count
     */
    public static int[] decodeBands(int[] segments, double[] cuts, int[] rowStarts, int rows) {
        int n = segments.length / 2;
        long total = segments[2 * n - 1] - (long) segments[0];
        int[] b = new int[cuts.length + 2];
        int k = 1;
        int c = 0;
        int lastRow = 0;
        for (int s = 1; s < n && c < cuts.length; s++) {
            long before = segments[2 * s] - (long) segments[0];
            int r = rowStarts[s];
            if (r >= 0 && before >= cuts[c] * total && r - lastRow >= MIN_BAND_ROWS && rows - r >= MIN_BAND_ROWS) {
                b[k++] = s;
                lastRow = r;
                while (c < cuts.length && before >= cuts[c] * total) {
                    c++;
                }
            }
        }
        b[k++] = n;
        return Arrays.copyOf(b, k);
    }

    /**
     * Cuts an encode into strips of whole restart intervals: a strip ends at the interval
     * nearest to each cut ({@code round(intervals * cut)}), skipping repeats and the ends.
     *
     * @param intervals restart intervals of the image, at least 1
     * @param cuts increasing fractions of the intervals ({@link #cuts})
     * @return strip boundaries as interval indexes, first 0, last {@code intervals}
     */
    public static int[] encodeStrips(int intervals, double[] cuts) {
        int[] b = new int[cuts.length + 2];
        int k = 1;
        for (double f : cuts) {
            int at = (int) Math.round(intervals * f);
            if (at > b[k - 1] && at < intervals) {
                b[k++] = at;
            }
        }
        b[k++] = intervals;
        return Arrays.copyOf(b, k);
    }

    /**
     * Pieces of the pre-scan of a speculative decode ({@link org.jpegmt.core.internal.SpeculativeDecode#scanPiece}):
     * eight per thread, so that the scan's end is found early in a file with data after it.
     */
    public static int speculativePieces(int threads) {
        return 8 * threads;
    }

    /**
     * Chunks of a speculative decode: four per thread, so that a thread slowed by the machine
     * delays the phase by a chunk, not by its share (the first chunk, decoded the serial way, is
     * one large part: the others share the rest); each boundary costs an overlap of tens of bytes
     * (at most about a kilobyte).
     */
    public static int speculativeChunks(int threads) {
        return 4 * threads;
    }

    /** Reconstruction bands of a speculative decode: three per thread. */
    public static int speculativeBands(int threads) {
        return 3 * threads;
    }

    /**
     * Entropy decoding alone, storing the coefficients, costs about this share of a whole serial
     * decode per byte (timed phase by phase on one thread, 20 MP photos: about 0.40 at 4:4:4 q95 and
     * 0.48 at 4:2:0 q90, so at 4:2:0 the first chunk gets a little less than would balance).
     */
    static final double STORE_SHARE = 0.4;

    /**
     * The share of the MCU rows the first chunk of a speculative decode decodes the serial way
     * (reconstructing as it goes, nothing stored): while its thread does whole decoding, the
     * others only entropy-decode their chunks, so the shares balance when
     * {@code f = s (1 - f) / (threads - 1)}, that is {@code f = s / (s + threads - 1)} with
     * s = {@link #STORE_SHARE}: 0.29 with 2 threads, 0.12 with 4, less with more.
     */
    public static double speculativeStreamShare(int threads) {
        return threads < 2 ? 0 : STORE_SHARE / (STORE_SHARE + threads - 1);
    }
}
