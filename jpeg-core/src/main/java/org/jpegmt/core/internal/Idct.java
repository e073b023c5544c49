package org.jpegmt.core.internal;

import static org.jpegmt.core.internal.DctConstants.*;

/**
 * Dequantisation + inverse DCT (T.81 A.3.3), the accurate integer algorithm of libjpeg's
 * {@code jpeg_idct_islow} (Loeffler-Ligtenberg-Moschytz, 13-bit constants, 2 extra bits between
 * the passes), so the samples equal {@code djpeg -dct int}.
 */
final class Idct {

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

    /**
     * Zig-zag positions 0..9 all lie in the top-left 4x4 coefficients (T.81 Figure A.6): a
     * block whose last coefficient is at most there can use {@link #inverse4x4}.
     */
    static final int LAST_4X4 = 9;

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
        // Each pass is one method with its loop inside: the kernels are too big for the JIT to
        // inline, and a call per block costs much less than a call per row or column.
        int cols = columns(coef, q, ws);
        if ((cols & 0xFE) == 0) {
            rowsDc(ws, out, off, stride);
        } else if ((cols & 0xF0) == 0) {
            rows4(ws, out, off, stride);
        } else {
            rows(ws, out, off, stride);
        }
    }

    /**
     * {@link #inverse} for a block whose nonzero coefficients all lie in the top-left 4x4 (most
     * chroma blocks): only columns 0..3 are transformed, then the row pass that ignores ws
     * columns 4..7 (which are zero, and are not written here).
     */
    static void inverse4x4(int[] coef, int[] q, int[] ws, byte[] out, int off, int stride) {
        int cols = 0;
        for (int k = 0; k < 4; k++) {
            if ((coef[k + 8] | coef[k + 16] | coef[k + 24]) == 0) {
                int c0 = coef[k];
                if (c0 != 0) {
                    cols |= 1 << k;
                }
                int dc = (c0 * q[k]) << 2;
                ws[k] = dc;
                ws[k + 8] = dc;
                ws[k + 16] = dc;
                ws[k + 24] = dc;
                ws[k + 32] = dc;
                ws[k + 40] = dc;
                ws[k + 48] = dc;
                ws[k + 56] = dc;
            } else {
                cols |= 1 << k;
                column4(coef, q, ws, k);
            }
        }
        if (cols <= 1) {
            rowsDc(ws, out, off, stride);
        } else {
            rows4(ws, out, off, stride);
        }
    }

    /** Pass 2 when only ws column 0 may be nonzero: the row shortcut of {@link #rows} for every row. */
    private static void rowsDc(int[] ws, byte[] out, int off, int stride) {
        for (int r = 0; r < 64; r += 8, off += stride) {
            byte v = RANGE_LIMIT[((ws[r] + 16) >> 5) & 1023];
            for (int c = 0; c < 8; c++) {
                out[off + c] = v;
            }
        }
    }

    // The two passes share the 1-D kernel of T.81 A.3.3 as factored by libjpeg (even part from
    // x0 x2 x4 x6, odd part from x1 x3 x5 x7). It is written out twice on purpose: pass 1 reads
    // and dequantises coefficients, pass 2 writes range-limited samples, and keeping both in
    // registers instead of going through the workspace measured clearly faster.

    /**
     * Pass 1, columns: dequantise, transform, {@code (y + 2^10) >> 11} into ws. A column with no
     * AC gives x0 << 2 everywhere (exactly what the full kernel gives); most columns of a photo
     * block take that path. A column whose coefficients 4..7 are zero takes the same kernel
     * with those terms dropped ({@link #column4}), which gives the same ints.
     *
     * @return bit k set when column k of ws may be nonzero (clear: all zero)
     */
    private static int columns(int[] coef, int[] q, int[] ws) {
        int mask = 0;
        for (int k = 0; k < 8; k++) {
            int hi = coef[k + 32] | coef[k + 40] | coef[k + 48] | coef[k + 56];
            if ((coef[k + 8] | coef[k + 16] | coef[k + 24] | hi) == 0) {
                int c0 = coef[k];
                if (c0 != 0) {
                    mask |= 1 << k;
                }
                int dc = (c0 * q[k]) << 2;
                ws[k] = dc;
                ws[k + 8] = dc;
                ws[k + 16] = dc;
                ws[k + 24] = dc;
                ws[k + 32] = dc;
                ws[k + 40] = dc;
                ws[k + 48] = dc;
                ws[k + 56] = dc;
                continue;
            }
            mask |= 1 << k;
            if (hi == 0) {
                column4(coef, q, ws, k);
                continue;
            }
            int x0 = coef[k] * q[k];
            int x1 = coef[k + 8] * q[k + 8];
            int x2 = coef[k + 16] * q[k + 16];
            int x3 = coef[k + 24] * q[k + 24];
            int x4 = coef[k + 32] * q[k + 32];
            int x5 = coef[k + 40] * q[k + 40];
            int x6 = coef[k + 48] * q[k + 48];
            int x7 = coef[k + 56] * q[k + 56];
            int z1 = (x2 + x6) * C541;
            int a2 = z1 - x6 * C1847;
            int a3 = z1 + x2 * C765;
            int a0 = ((x0 + x4) << 13) + (1 << 10);
            int a1 = ((x0 - x4) << 13) + (1 << 10);
            int e10 = a0 + a3;
            int e13 = a0 - a3;
            int e11 = a1 + a2;
            int e12 = a1 - a2;
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
            ws[k] = (e10 + q3) >> 11;
            ws[k + 56] = (e10 - q3) >> 11;
            ws[k + 8] = (e11 + q2) >> 11;
            ws[k + 48] = (e11 - q2) >> 11;
            ws[k + 16] = (e12 + q1) >> 11;
            ws[k + 40] = (e12 - q1) >> 11;
            ws[k + 24] = (e13 + q0) >> 11;
            ws[k + 32] = (e13 - q0) >> 11;
        }
        return mask;
    }

    /**
     * One column of pass 1 when its coefficients 4..7 are zero: the full kernel with the zero
     * terms removed (int arithmetic wraps, so dropping "+ 0" and "* 0" changes no bit).
     */
    private static void column4(int[] coef, int[] q, int[] ws, int k) {
        int x0 = coef[k] * q[k];
        int x1 = coef[k + 8] * q[k + 8];
        int x2 = coef[k + 16] * q[k + 16];
        int x3 = coef[k + 24] * q[k + 24];
        int z1 = x2 * C541;
        int a3 = z1 + x2 * C765;
        int a0 = (x0 << 13) + (1 << 10);
        int e10 = a0 + a3;
        int e13 = a0 - a3;
        int e11 = a0 + z1;
        int e12 = a0 - z1;
        int z5 = (x3 + x1) * C1175;
        int z3 = z5 - x3 * C1961;
        int z4 = z5 - x1 * C390;
        int q0 = z3 - x1 * C899;
        int q1 = z4 - x3 * C2562;
        int q2 = x3 * (C3072 - C2562) + z3;
        int q3 = x1 * (C1501 - C899) + z4;
        ws[k] = (e10 + q3) >> 11;
        ws[k + 56] = (e10 - q3) >> 11;
        ws[k + 8] = (e11 + q2) >> 11;
        ws[k + 48] = (e11 - q2) >> 11;
        ws[k + 16] = (e12 + q1) >> 11;
        ws[k + 40] = (e12 - q1) >> 11;
        ws[k + 24] = (e13 + q0) >> 11;
        ws[k + 32] = (e13 - q0) >> 11;
    }

    /**
     * Pass 2, rows: transform, {@code (y + 2^17) >> 18}, range limit, store. A row with no AC
     * would give (ws0 + 16) >> 5 (also exact), but blocks that get here (some ws column 4..7
     * nonzero) rarely have such rows: testing for them cost more than it saved.
     */
    private static void rows(int[] ws, byte[] out, int off, int stride) {
        byte[] rl = RANGE_LIMIT;
        for (int r = 0; r < 64; r += 8, off += stride) {
            int x0 = ws[r];
            int x1 = ws[r + 1];
            int x2 = ws[r + 2];
            int x3 = ws[r + 3];
            int x4 = ws[r + 4];
            int x5 = ws[r + 5];
            int x6 = ws[r + 6];
            int x7 = ws[r + 7];
            int z1 = (x2 + x6) * C541;
            int a2 = z1 - x6 * C1847;
            int a3 = z1 + x2 * C765;
            int a0 = ((x0 + x4) << 13) + (1 << 17);
            int a1 = ((x0 - x4) << 13) + (1 << 17);
            int e10 = a0 + a3;
            int e13 = a0 - a3;
            int e11 = a1 + a2;
            int e12 = a1 - a2;
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
            out[off] = rl[((e10 + q3) >> 18) & 1023];
            out[off + 7] = rl[((e10 - q3) >> 18) & 1023];
            out[off + 1] = rl[((e11 + q2) >> 18) & 1023];
            out[off + 6] = rl[((e11 - q2) >> 18) & 1023];
            out[off + 2] = rl[((e12 + q1) >> 18) & 1023];
            out[off + 5] = rl[((e12 - q1) >> 18) & 1023];
            out[off + 3] = rl[((e13 + q0) >> 18) & 1023];
            out[off + 4] = rl[((e13 - q0) >> 18) & 1023];
        }
    }

    /**
     * Pass 2 when columns 4..7 of ws are all zero (chroma blocks, smooth luma blocks): the
     * row kernel with those terms dropped, same ints as {@link #rows}.
     */
    private static void rows4(int[] ws, byte[] out, int off, int stride) {
        byte[] rl = RANGE_LIMIT;
        for (int r = 0; r < 64; r += 8, off += stride) {
            int x0 = ws[r];
            int x1 = ws[r + 1];
            int x2 = ws[r + 2];
            int x3 = ws[r + 3];
            int z1 = x2 * C541;
            int a3 = z1 + x2 * C765;
            int a0 = (x0 << 13) + (1 << 17);
            int e10 = a0 + a3;
            int e13 = a0 - a3;
            int e11 = a0 + z1;
            int e12 = a0 - z1;
            int z5 = (x3 + x1) * C1175;
            int z3 = z5 - x3 * C1961;
            int z4 = z5 - x1 * C390;
            int q0 = z3 - x1 * C899;
            int q1 = z4 - x3 * C2562;
            int q2 = x3 * (C3072 - C2562) + z3;
            int q3 = x1 * (C1501 - C899) + z4;
            out[off] = rl[((e10 + q3) >> 18) & 1023];
            out[off + 7] = rl[((e10 - q3) >> 18) & 1023];
            out[off + 1] = rl[((e11 + q2) >> 18) & 1023];
            out[off + 6] = rl[((e11 - q2) >> 18) & 1023];
            out[off + 2] = rl[((e12 + q1) >> 18) & 1023];
            out[off + 5] = rl[((e12 - q1) >> 18) & 1023];
            out[off + 3] = rl[((e13 + q0) >> 18) & 1023];
            out[off + 4] = rl[((e13 - q0) >> 18) & 1023];
        }
    }
}
