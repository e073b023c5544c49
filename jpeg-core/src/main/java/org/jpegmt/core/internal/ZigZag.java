package org.jpegmt.core.internal;

/** The zig-zag sequence of T.81 Figure A.6: coefficients are coded in this order. */
final class ZigZag {
    private ZigZag() {
    }

    /**
     * {@code NATURAL[k]} = row-major index (row * 8 + column) of the k-th coefficient in zig-zag
     * order. 16 extra entries map to 63, so a corrupt run that overshoots position 63 lands on
     * the last coefficient without a bounds check (libjpeg does the same).
     */
    static final int[] NATURAL = {
        0, 1, 8, 16, 9, 2, 3, 10,
        17, 24, 32, 25, 18, 11, 4, 5,
        12, 19, 26, 33, 40, 48, 41, 34,
        27, 20, 13, 6, 7, 14, 21, 28,
        35, 42, 49, 56, 57, 50, 43, 36,
        29, 22, 15, 23, 30, 37, 44, 51,
        58, 59, 52, 45, 38, 31, 39, 46,
        53, 60, 61, 54, 47, 55, 62, 63,
        63, 63, 63, 63, 63, 63, 63, 63,
        63, 63, 63, 63, 63, 63, 63, 63,
    };

    /**
     * {@code NATURAL[k] * 8}: coefficient positions in a group of eight blocks stored
     * interleaved, natural coefficient n of the group's block j at {@code n * 8 + j}.
     */
    static final int[] NATURAL_X8 = times8(NATURAL);

    /**
     * Zig-zag index k to itself, and the positions past 63 a corrupt run reaches to 63, as in
     * {@link #NATURAL}: {@link HuffmanDecoder#decodeBlock} with it leaves a block in zig-zag order
     * ({@link ChunkStore} keeps blocks so, coefficients 0 to the last nonzero one).
     */
    static final int[] ZIGZAG = identity(NATURAL.length);

    private static int[] identity(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = Math.min(i, 63);
        }
        return r;
    }

    private static int[] times8(int[] a) {
        int[] r = new int[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = a[i] * 8;
        }
        return r;
    }
}
