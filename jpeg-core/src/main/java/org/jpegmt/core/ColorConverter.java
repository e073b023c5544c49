package org.jpegmt.core;

/**
 * Decoder colour conversion (libjpeg jdcolor.c; JFIF / Rec. 601 YCbCr): fixed point with 16
 * fraction bits and per-value tables, so R and B terms are rounded individually and the two G
 * terms summed then rounded once. Also interleaves RGB (Adobe transform 0), CMYK and YCCK rows.
 */
final class ColorConverter {
    private static final int[] R_CR = new int[256];
    private static final int[] B_CB = new int[256];
    private static final int[] G_CB = new int[256];
    private static final int[] G_CR = new int[256];
    /** CLAMP[v + 384] = v saturated to 0..255, for v in -384..639. */
    private static final byte[] CLAMP = new byte[1024];
    private static final int C_OFF = 384;

    static {
        for (int i = 0; i < 256; i++) {
            int x = i - 128;
            R_CR[i] = (91881 * x + 32768) >> 16; // FIX(1.40200)
            B_CB[i] = (116130 * x + 32768) >> 16; // FIX(1.77200)
            G_CB[i] = -22554 * x; // -FIX(0.34414)
            G_CR[i] = -46802 * x + 32768; // -FIX(0.71414), plus ONE_HALF
        }
        for (int i = 0; i < CLAMP.length; i++) {
            CLAMP[i] = (byte) Math.max(0, Math.min(255, i - C_OFF));
        }
    }

    private ColorConverter() {
    }

    /** YCbCr to interleaved RGB for n pixels. */
    static void yccToRgb(byte[] y, int yo, byte[] cb, int cbo, byte[] cr, int cro, int n,
            byte[] out, int o) {
        for (int i = 0; i < n; i++, o += 3) {
            int yy = (y[yo + i] & 0xFF) + C_OFF;
            int b = cb[cbo + i] & 0xFF;
            int r = cr[cro + i] & 0xFF;
            out[o] = CLAMP[yy + R_CR[r]];
            out[o + 1] = CLAMP[yy + ((G_CB[b] + G_CR[r]) >> 16)];
            out[o + 2] = CLAMP[yy + B_CB[b]];
        }
    }

    /** Three planes interleaved unchanged (RGB files: Adobe transform 0 or ids 'R','G','B'). */
    static void interleave3(byte[] a, int ao, byte[] b, int bo, byte[] c, int co, int n,
            byte[] out, int o) {
        for (int i = 0; i < n; i++, o += 3) {
            out[o] = a[ao + i];
            out[o + 1] = b[bo + i];
            out[o + 2] = c[co + i];
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
        for (int i = 0; i < n; i++, o += 4) {
            out[o] = a[ao + i];
            out[o + 1] = b[bo + i];
            out[o + 2] = c[co + i];
            out[o + 3] = d[dO + i];
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
        for (int i = 0; i < n; i++, o += 4) {
            int yy = (y[yo + i] & 0xFF) + C_OFF;
            int b = cb[cbo + i] & 0xFF;
            int r = cr[cro + i] & 0xFF;
            out[o] = (byte) (255 - (CLAMP[yy + R_CR[r]] & 0xFF));
            out[o + 1] = (byte) (255 - (CLAMP[yy + ((G_CB[b] + G_CR[r]) >> 16)] & 0xFF));
            out[o + 2] = (byte) (255 - (CLAMP[yy + B_CB[b]] & 0xFF));
            out[o + 3] = k[ko + i];
        }
    }
}
