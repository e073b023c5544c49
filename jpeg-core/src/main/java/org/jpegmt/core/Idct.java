package org.jpegmt.core;

/**
 * Dequantisation + inverse DCT (T.81 A.3.3), the accurate integer algorithm of libjpeg's
 * {@code jpeg_idct_islow} (Loeffler-Ligtenberg-Moschytz, 13-bit constants, 2 extra bits between
 * the passes), so the samples equal {@code djpeg -dct int}.
 */
final class Idct {
    private static final int C298 = 2446;
    private static final int C390 = 3196;
    private static final int C541 = 4433;
    private static final int C765 = 6270;
    private static final int C899 = 7373;
    private static final int C1175 = 9633;
    private static final int C1501 = 12299;
    private static final int C1847 = 15137;
    private static final int C1961 = 16069;
    private static final int C2053 = 16819;
    private static final int C2562 = 20995;
    private static final int C3072 = 25172;

    /** libjpeg's post-IDCT range limit: index t & 1023 (t = level - 128, wrapping like C). */
    static final byte[] RANGE_LIMIT = new byte[1024];

    static {
        for (int i = 0; i < 1024; i++) {
            int v;
            if (i < 128) {
                v = i + 128;
            } else if (i < 512) {
                v = 255;
            } else if (i < 896) {
                v = 0;
            } else {
                v = i - 896;
            }
            RANGE_LIMIT[i] = (byte) v;
        }
    }

    private Idct() {
    }

    /** @return the sample value of every pixel of a block whose AC coefficients are all zero */
    static byte dcOnly(int dc, int q0) {
        // Both pass shortcuts below composed: ws = x0 << 2, t = (ws + 16) >> 5.
        return RANGE_LIMIT[((((dc * q0) << 2) + 16) >> 5) & 1023];
    }

    /**
     * @param coef 64 coefficients, natural order (left unchanged)
     * @param q the component's quantisation table, natural order
     * @param ws 64-entry scratch
     * @param out samples are written to out[off + r * stride + c]
     */
    static void inverse(int[] coef, int[] q, int[] ws, byte[] out, int off, int stride) {
        // Pass 1: columns, dequantising on the way. A column with no AC gives x0 << 2 everywhere
        // (exactly what the full kernel gives); most columns of a photo block take that path.
        for (int k = 0; k < 8; k++) {
            if ((coef[k + 8] | coef[k + 16] | coef[k + 24] | coef[k + 32] | coef[k + 40]
                    | coef[k + 48] | coef[k + 56]) == 0) {
                int dc = (coef[k] * q[k]) << 2;
                ws[k] = dc;
                ws[k + 8] = dc;
                ws[k + 16] = dc;
                ws[k + 24] = dc;
                ws[k + 32] = dc;
                ws[k + 40] = dc;
                ws[k + 48] = dc;
                ws[k + 56] = dc;
            } else {
                for (int i = k; i < 64; i += 8) {
                    ws[i] = coef[i] * q[i];
                }
                kernel(ws, k, 8, 1 << 10, 11);
            }
        }
        // Pass 2: rows, then range limit. A row with no AC gives (ws0 + 16) >> 5 (also exact).
        for (int r = 0; r < 64; r += 8, off += stride) {
            if ((ws[r + 1] | ws[r + 2] | ws[r + 3] | ws[r + 4] | ws[r + 5] | ws[r + 6] | ws[r + 7]) == 0) {
                byte v = RANGE_LIMIT[((ws[r] + 16) >> 5) & 1023];
                for (int c = 0; c < 8; c++) {
                    out[off + c] = v;
                }
            } else {
                kernel(ws, r, 1, 1 << 17, 18);
                for (int c = 0; c < 8; c++) {
                    out[off + c] = RANGE_LIMIT[ws[r + c] & 1023];
                }
            }
        }
    }

    /**
     * The 1-D 8-point kernel, in place on a[off + i * step], i = 0..7: outputs
     * {@code (y + round) >> shift}.
     */
    private static void kernel(int[] a, int off, int step, int round, int shift) {
        int x0 = a[off];
        int x1 = a[off + step];
        int x2 = a[off + 2 * step];
        int x3 = a[off + 3 * step];
        int x4 = a[off + 4 * step];
        int x5 = a[off + 5 * step];
        int x6 = a[off + 6 * step];
        int x7 = a[off + 7 * step];
        // even part
        int z1 = (x2 + x6) * C541;
        int a2 = z1 - x6 * C1847;
        int a3 = z1 + x2 * C765;
        int a0 = (x0 + x4) << 13;
        int a1 = (x0 - x4) << 13;
        int e10 = a0 + a3 + round;
        int e13 = a0 - a3 + round;
        int e11 = a1 + a2 + round;
        int e12 = a1 - a2 + round;
        // odd part
        int o1 = x7 + x1;
        int o2 = x5 + x3;
        int o3 = x7 + x3;
        int o4 = x5 + x1;
        int z5 = (o3 + o4) * C1175;
        int z3 = z5 - o3 * C1961;
        int z4 = z5 - o4 * C390;
        int q0 = x7 * C298 - o1 * C899 + z3;
        int q1 = x5 * C2053 - o2 * C2562 + z4;
        int q2 = x3 * C3072 - o2 * C2562 + z3;
        int q3 = x1 * C1501 - o1 * C899 + z4;
        a[off] = (e10 + q3) >> shift;
        a[off + 7 * step] = (e10 - q3) >> shift;
        a[off + step] = (e11 + q2) >> shift;
        a[off + 6 * step] = (e11 - q2) >> shift;
        a[off + 2 * step] = (e12 + q1) >> shift;
        a[off + 5 * step] = (e12 - q1) >> shift;
        a[off + 3 * step] = (e13 + q0) >> shift;
        a[off + 4 * step] = (e13 - q0) >> shift;
    }
}
