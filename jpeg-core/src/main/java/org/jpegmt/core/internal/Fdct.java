package org.jpegmt.core.internal;

import static org.jpegmt.core.internal.DctConstants.*;

/**
 * Forward DCT, libjpeg's accurate integer algorithm ({@code jfdctint.c}, Loeffler-Ligtenberg-
 * Moschytz with 13-bit constants), with quantisation folded in (T.81 A.3.3, A.3.4).
 *
 * <p>The transform yields 8 times the true DCT. Quantising by {@code q} is then a division by
 * {@code D = 8q} rounding halves away from zero: {@code (|c| + D/2) / D}, sign restored. The
 * division is done as a multiply by {@code ceil(2^32 / D)} and a shift, which is exact here:
 * the numerator is below 2^16, so the error stays below 2^-16, less than the 1/D gap between
 * the fraction and the next integer.
 */
final class Fdct {
    private Fdct() {
    }

    /** ZIGZAG[n] = zig-zag position of natural index n (inverse of {@link ZigZag#NATURAL}). */
    private static final int[] ZIGZAG = new int[64];

    static {
        for (int k = 0; k < 64; k++) {
            ZIGZAG[ZigZag.NATURAL[k]] = k;
        }
    }

    /** Divisor 1: {@link #forwardQuantize} with it yields the unquantised 8 x DCT. */
    private static final long[] IDENTITY = new long[128];

    static {
        for (int n = 0; n < 64; n++) {
            IDENTITY[n] = 1L << 32;
        }
    }

    /**
     * Quantiser for one table.
     *
     * @param table 64 quantiser values 1..255, natural order
     * @return 128 longs in natural order: [0,64) reciprocals ceil(2^32/8q), [64,128) the
     *     rounding term 4q
     */
    static long[] quantizer(int[] table) {
        long[] out = new long[128];
        for (int n = 0; n < 64; n++) {
            long d = 8L * table[n];
            out[n] = ((1L << 32) + d - 1) / d;
            out[64 + n] = d >> 1;
        }
        return out;
    }

    /** Quantises one coefficient into its zig-zag slot; returns its bit of the nonzero mask. */
    static long quantize(int c, int n, long[] quant, int[] zz) {
        int sign = c >> 31;
        long a = (c ^ sign) - sign;
        int q = (int) (((a + quant[64 + n]) * quant[n]) >>> 32);
        int k = ZIGZAG[n];
        zz[k] = (q ^ sign) - sign;
        // (q | -q) >>> 31 is 1 exactly when q != 0
        return ((long) ((q | -q) >>> 31)) << (63 - k);
    }

    /**
     * Transforms the 8x8 samples at {@code src[off]} (row stride {@code stride}) and quantises
     * them into {@code zz} in zig-zag order. Quantisation happens in the column pass while the
     * values are still in registers.
     *
     * @param ws 64-int scratch
     * @param quant from {@link #quantizer}
     * @return bit {@code 63-k} set for each nonzero {@code zz[k]}: the run-length coder walks it
     *     with {@code numberOfLeadingZeros} instead of testing 63 coefficients
     */
    static long forwardQuantize(byte[] src, int off, int stride, int[] ws, long[] quant, int[] zz) {
        rows(src, off, stride, ws);
        long mask = 0;
        // Pass 2: columns, removing the pass-1 scaling.
        for (int c = 0; c < 8; c++) {
            int t0 = ws[c] + ws[c + 56];
            int t7 = ws[c] - ws[c + 56];
            int t1 = ws[c + 8] + ws[c + 48];
            int t6 = ws[c + 8] - ws[c + 48];
            int t2 = ws[c + 16] + ws[c + 40];
            int t5 = ws[c + 16] - ws[c + 40];
            int t3 = ws[c + 24] + ws[c + 32];
            int t4 = ws[c + 24] - ws[c + 32];
            int t10 = t0 + t3;
            int t13 = t0 - t3;
            int t11 = t1 + t2;
            int t12 = t1 - t2;
            mask |= quantize((t10 + t11 + 2) >> 2, c, quant, zz);
            mask |= quantize((t10 - t11 + 2) >> 2, c + 32, quant, zz);
            int z1 = (t12 + t13) * C541;
            mask |= quantize((z1 + t13 * C765 + (1 << 14)) >> 15, c + 16, quant, zz);
            mask |= quantize((z1 - t12 * C1847 + (1 << 14)) >> 15, c + 48, quant, zz);
            int y1 = t4 + t7;
            int y2 = t5 + t6;
            int y3 = t4 + t6;
            int y4 = t5 + t7;
            int z5 = (y3 + y4) * C1175;
            y3 = z5 - y3 * C1961;
            y4 = z5 - y4 * C390;
            mask |= quantize((t4 * C298 - y1 * C899 + y3 + (1 << 14)) >> 15, c + 56, quant, zz);
            mask |= quantize((t5 * C2053 - y2 * C2562 + y4 + (1 << 14)) >> 15, c + 40, quant, zz);
            mask |= quantize((t6 * C3072 - y2 * C2562 + y3 + (1 << 14)) >> 15, c + 24, quant, zz);
            mask |= quantize((t7 * C1501 - y1 * C899 + y4 + (1 << 14)) >> 15, c + 8, quant, zz);
        }
        return mask;
    }

    /** The bare transform: {@code out} (natural order) receives 8 x DCT of (sample - 128). */
    static void forward(byte[] src, int off, int stride, int[] out) {
        int[] zz = new int[64];
        forwardQuantize(src, off, stride, new int[64], IDENTITY, zz);
        for (int k = 0; k < 64; k++) {
            out[ZigZag.NATURAL[k]] = zz[k];
        }
    }

    /** Pass 1 on rows: {@code ws} receives row transforms scaled by 2^2 (PASS1_BITS). */
    private static void rows(byte[] src, int off, int stride, int[] ws) {
        // Pass 1: rows. Even outputs 0 and 4 are kept exact with 2 extra bits (PASS1_BITS).
        for (int o = 0, p = off; o < 64; o += 8, p += stride) {
            int d0 = (src[p] & 0xFF) - 128;
            int d1 = (src[p + 1] & 0xFF) - 128;
            int d2 = (src[p + 2] & 0xFF) - 128;
            int d3 = (src[p + 3] & 0xFF) - 128;
            int d4 = (src[p + 4] & 0xFF) - 128;
            int d5 = (src[p + 5] & 0xFF) - 128;
            int d6 = (src[p + 6] & 0xFF) - 128;
            int d7 = (src[p + 7] & 0xFF) - 128;
            int t0 = d0 + d7;
            int t7 = d0 - d7;
            int t1 = d1 + d6;
            int t6 = d1 - d6;
            int t2 = d2 + d5;
            int t5 = d2 - d5;
            int t3 = d3 + d4;
            int t4 = d3 - d4;
            int t10 = t0 + t3;
            int t13 = t0 - t3;
            int t11 = t1 + t2;
            int t12 = t1 - t2;
            ws[o] = (t10 + t11) << 2;
            ws[o + 4] = (t10 - t11) << 2;
            int z1 = (t12 + t13) * C541;
            ws[o + 2] = (z1 + t13 * C765 + (1 << 10)) >> 11;
            ws[o + 6] = (z1 - t12 * C1847 + (1 << 10)) >> 11;
            int y1 = t4 + t7;
            int y2 = t5 + t6;
            int y3 = t4 + t6;
            int y4 = t5 + t7;
            int z5 = (y3 + y4) * C1175;
            y3 = z5 - y3 * C1961;
            y4 = z5 - y4 * C390;
            ws[o + 7] = (t4 * C298 - y1 * C899 + y3 + (1 << 10)) >> 11;
            ws[o + 5] = (t5 * C2053 - y2 * C2562 + y4 + (1 << 10)) >> 11;
            ws[o + 3] = (t6 * C3072 - y2 * C2562 + y3 + (1 << 10)) >> 11;
            ws[o + 1] = (t7 * C1501 - y1 * C899 + y4 + (1 << 10)) >> 11;
        }
    }
}
