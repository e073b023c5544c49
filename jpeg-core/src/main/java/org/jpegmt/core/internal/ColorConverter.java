package org.jpegmt.core.internal;

/**
 * Decoder colour conversion (libjpeg jdcolor.c; JFIF / Rec. 601 YCbCr): fixed point with 16
 * fraction bits, R and B terms rounded individually, the two G terms summed then rounded once:
 * with e = Cr - 128, d = Cb - 128, R = Y + ((91881 e + 2^15) >> 16),
 * G = Y + ((-22554 d - 46802 e + 2^15) >> 16), B = Y + ((116130 d + 2^15) >> 16), saturated.
 * libjpeg keeps these terms in tables; computing them inline gives the same values faster. Also interleaves RGB (Adobe transform 0), CMYK and YCCK rows.
 */
final class ColorConverter {
    private ColorConverter() {
    }

    /**
     * YCbCr to interleaved RGB for n pixels. The table terms are computed inline (same
     * formulas, so the same values): multiplies are cheaper here than six checked table loads.
     */
    static void yccToRgb(byte[] y, int yo, byte[] cb, int cbo, byte[] cr, int cro, int n,
            byte[] out, int o) {
        for (int i = 0; i < n; i++) {
            int yy = y[yo + i] & 0xFF;
            int b = cb[cbo + i] & 0xFF;
            int r = cr[cro + i] & 0xFF;
            int p = o + 3 * i;
            out[p] = sat(yy + ((91881 * r + RK) >> 16));
            out[p + 1] = sat(yy + ((GK - 22554 * b - 46802 * r) >> 16));
            out[p + 2] = sat(yy + ((116130 * b + BK) >> 16));
        }
    }

    /**
     * Fancy horizontal 2x upsampling of both chroma rows fused with YCbCr to RGB, for n output
     * pixels (4:2:0 and 4:2:2, most JPEG photos): the chroma samples of each pixel pair are
     * computed in registers and never stored. The inputs are edge-padded rows (entry i + 1 is
     * sample i, see {@link Upsampler#columnSums} and {@link Upsampler#padded}); pixel 2i gets
     * {@code (3 c[i] + c[i-1] + evenBias) >> shift}, pixel 2i+1 {@code (3 c[i] + c[i+1] + oddBias)
     * >> shift}: biases 8, 7 and shift 4 on h2v2 column sums, biases 1, 2 and shift 2 for h2v1.
     */
    static void yccToRgbFancy(byte[] y, int yo, int[] csb, int[] csr, int n, int evenBias, int oddBias,
            int shift, byte[] out, int o) {
        yccToRgbFancy(y, yo, csb, csr, 0, n, evenBias, oddBias, shift, out, o);
    }

    /**
     * {@link #yccToRgbFancy(byte[], int, int[], int[], int, int, int, int, byte[], int)} from
     * pixel pair {@code from} on (pixels {@code 2 from .. n - 1}; offsets still those of pixel 0):
     * the tail that {@link ColorConverterVector} leaves to this reference.
     */
    static void yccToRgbFancy(byte[] y, int yo, int[] csb, int[] csr, int from, int n, int evenBias, int oddBias,
            int shift, byte[] out, int o) {
        int pairs = n >> 1;
        // Indices are affine in i (no separate counters) so the JIT can drop the bounds checks.
        // The chroma samples stay unsigned: "- 128", the rounding and SAT's +512 are folded into
        // the constants RK, GK, BK (exact: only multiples of 2^16 move across the shift).
        for (int i = from; i < pairs; i++) {
            int b3 = 3 * csb[i + 1];
            int r3 = 3 * csr[i + 1];
            int cb = (b3 + csb[i] + evenBias) >> shift;
            int cr = (r3 + csr[i] + evenBias) >> shift;
            int yy = y[yo + 2 * i] & 0xFF;
            int p = o + 6 * i;
            out[p] = sat(yy + ((91881 * cr + RK) >> 16));
            out[p + 1] = sat(yy + ((GK - 22554 * cb - 46802 * cr) >> 16));
            out[p + 2] = sat(yy + ((116130 * cb + BK) >> 16));
            cb = (b3 + csb[i + 2] + oddBias) >> shift;
            cr = (r3 + csr[i + 2] + oddBias) >> shift;
            yy = y[yo + 2 * i + 1] & 0xFF;
            out[p + 3] = sat(yy + ((91881 * cr + RK) >> 16));
            out[p + 4] = sat(yy + ((GK - 22554 * cb - 46802 * cr) >> 16));
            out[p + 5] = sat(yy + ((116130 * cb + BK) >> 16));
        }
        o += 6 * pairs;
        if ((n & 1) != 0 && 2 * from < n) {
            int d = ((3 * csb[pairs + 1] + csb[pairs] + evenBias) >> shift) - 128;
            int e = ((3 * csr[pairs + 1] + csr[pairs] + evenBias) >> shift) - 128;
            int yy = y[yo + n - 1] & 0xFF;
            out[o] = clamp(yy + ((91881 * e + 32768) >> 16));
            out[o + 1] = clamp(yy + ((-22554 * d - 46802 * e + 32768) >> 16));
            out[o + 2] = clamp(yy + ((116130 * d + 32768) >> 16));
        }
    }

    /**
     * 4:2:0 fancy upsampling (vertical and horizontal) fused with YCbCr to RGB for one output
     * row of n pixels: the same values as {@link Upsampler#columnSums} followed by
     * {@link #yccToRgbFancy} with biases 8, 7 and shift 4, but the column sums of the chroma
     * samples left of, at and right of the current pair slide through locals instead of going
     * through an int row. Cb and Cr rows share the offsets {@code near} and {@code far}.
     *
     * @param cw chroma samples per row, (n + 1) / 2, at least 3
     */
    static void yccToRgbH2V2(byte[] y, int yo, byte[] cbp, byte[] crp, int near, int far, int cw, int n,
            byte[] out, int o) {
        int bCur = 3 * (cbp[near] & 0xFF) + (cbp[far] & 0xFF);
        int rCur = 3 * (crp[near] & 0xFF) + (crp[far] & 0xFF);
        int bPrev = bCur; // edge replication on the left
        int rPrev = rCur;
        int pairs = n >> 1;
        int inner = Math.min(pairs, cw - 1); // pairs that have a real right neighbour
        for (int i = 0; i < inner; i++) {
            int bNext = 3 * (cbp[near + i + 1] & 0xFF) + (cbp[far + i + 1] & 0xFF);
            int rNext = 3 * (crp[near + i + 1] & 0xFF) + (crp[far + i + 1] & 0xFF);
            int b3 = 3 * bCur;
            int r3 = 3 * rCur;
            int cb = (b3 + bPrev + 8) >> 4;
            int cr = (r3 + rPrev + 8) >> 4;
            int yy = y[yo + 2 * i] & 0xFF;
            int p = o + 6 * i;
            out[p] = sat(yy + ((91881 * cr + RK) >> 16));
            out[p + 1] = sat(yy + ((GK - 22554 * cb - 46802 * cr) >> 16));
            out[p + 2] = sat(yy + ((116130 * cb + BK) >> 16));
            cb = (b3 + bNext + 7) >> 4;
            cr = (r3 + rNext + 7) >> 4;
            yy = y[yo + 2 * i + 1] & 0xFF;
            out[p + 3] = sat(yy + ((91881 * cr + RK) >> 16));
            out[p + 4] = sat(yy + ((GK - 22554 * cb - 46802 * cr) >> 16));
            out[p + 5] = sat(yy + ((116130 * cb + BK) >> 16));
            bPrev = bCur;
            rPrev = rCur;
            bCur = bNext;
            rCur = rNext;
        }
        // Tail: the last pair when n is even (its right neighbour is itself), the last pixel
        // when n is odd (an even pixel); bCur / rCur are chroma sample 'inner' here.
        int x = 2 * inner;
        int cb = (3 * bCur + bPrev + 8) >> 4;
        int cr = (3 * rCur + rPrev + 8) >> 4;
        int yy = y[yo + x] & 0xFF;
        int p = o + 3 * x;
        out[p] = sat(yy + ((91881 * cr + RK) >> 16));
        out[p + 1] = sat(yy + ((GK - 22554 * cb - 46802 * cr) >> 16));
        out[p + 2] = sat(yy + ((116130 * cb + BK) >> 16));
        if (x + 1 < n) {
            cb = (3 * bCur + bCur + 7) >> 4;
            cr = (3 * rCur + rCur + 7) >> 4;
            yy = y[yo + x + 1] & 0xFF;
            out[p + 3] = sat(yy + ((91881 * cr + RK) >> 16));
            out[p + 4] = sat(yy + ((GK - 22554 * cb - 46802 * cr) >> 16));
            out[p + 5] = sat(yy + ((116130 * cb + BK) >> 16));
        }
    }

    /**
     * The terms of the class comment on unsigned chroma c (e = c - 128), plus SAT's offset 512:
     * (91881 e + 2^15) >> 16 + 512 = (91881 c + RK) >> 16, and likewise for G and B.
     */
    private static final int RK = 32768 - 91881 * 128 + (512 << 16);
    private static final int GK = 32768 + (22554 + 46802) * 128 + (512 << 16);
    private static final int BK = 32768 - 116130 * 128 + (512 << 16);

    /** @return v - 512 saturated, for v = sample + 512 (see {@link #RK}) */
    private static byte sat(int v) {
        return SAT[v & 2047];
    }

    /** SAT[v + 512] = v saturated to 0..255 for v in -512..1535. */
    private static final byte[] SAT = new byte[2048];

    static {
        for (int i = 0; i < SAT.length; i++) {
            SAT[i] = (byte) Math.max(0, Math.min(255, i - 512));
        }
    }

    private static byte clamp(int v) {
        return SAT[(v + 512) & 2047];
    }

    /** Three planes interleaved unchanged (RGB files: Adobe transform 0 or ids 'R','G','B'). */
    static void interleave3(byte[] a, int ao, byte[] b, int bo, byte[] c, int co, int n,
            byte[] out, int o) {
        for (int i = 0; i < n; i++) {
            out[o + 3 * i] = a[ao + i];
            out[o + 3 * i + 1] = b[bo + i];
            out[o + 3 * i + 2] = c[co + i];
        }
    }

    /** Four planes interleaved unchanged (CMYK). */
    static void interleave4(byte[][] src, int[] off, int n, byte[] out, int o) {
        byte[] a = src[0];
        byte[] b = src[1];
        byte[] c = src[2];
        byte[] d = src[3];
        int ao = off[0];
        int bo = off[1];
        int co = off[2];
        int dO = off[3];
        for (int i = 0; i < n; i++) {
            out[o + 4 * i] = a[ao + i];
            out[o + 4 * i + 1] = b[bo + i];
            out[o + 4 * i + 2] = c[co + i];
            out[o + 4 * i + 3] = d[dO + i];
        }
    }

    /** YCCK to CMYK: C = 255 - R(Y,Cb,Cr) and so on, saturated; K copied. */
    static void ycckToCmyk(byte[][] src, int[] off, int n, byte[] out, int o) {
        byte[] y = src[0];
        byte[] cb = src[1];
        byte[] cr = src[2];
        byte[] k = src[3];
        int yo = off[0];
        int cbo = off[1];
        int cro = off[2];
        int ko = off[3];
        for (int i = 0; i < n; i++) {
            int yy = y[yo + i] & 0xFF;
            int d = (cb[cbo + i] & 0xFF) - 128;
            int e = (cr[cro + i] & 0xFF) - 128;
            int p = o + 4 * i;
            out[p] = (byte) (255 - (clamp(yy + ((91881 * e + 32768) >> 16)) & 0xFF));
            out[p + 1] = (byte) (255 - (clamp(yy + ((-22554 * d - 46802 * e + 32768) >> 16)) & 0xFF));
            out[p + 2] = (byte) (255 - (clamp(yy + ((116130 * d + 32768) >> 16)) & 0xFF));
            out[p + 3] = k[ko + i];
        }
    }
}
