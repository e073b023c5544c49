package org.jpegmt.core.internal;

/**
 * Encoder colour conversion, RGB to YCbCr (JFIF; T.871), in the 16-bit fixed point of libjpeg's
 * {@code jccolor.c}, so the samples equal cjpeg's. The chroma bias is {@code 128<<16} plus
 * {@code ONE_HALF - 1}, which keeps Cb/Cr at most 255 for pure blue/red.
 */
final class RgbToYcc {
    private RgbToYcc() {
    }

    // FIX(x) = round(x * 65536)
    private static final int FIX_0_29900 = 19595;
    private static final int FIX_0_58700 = 38470;
    private static final int FIX_0_11400 = 7471;
    private static final int FIX_0_16874 = 11059;
    private static final int FIX_0_33126 = 21709;
    private static final int FIX_0_50000 = 32768;
    private static final int FIX_0_41869 = 27439;
    private static final int FIX_0_08131 = 5329;
    private static final int Y_BIAS = 32768;
    private static final int C_BIAS = (128 << 16) + 32767;

    /**
     * Converts {@code n} RGB pixels starting at {@code src[s]} into three sample rows at
     * {@code d}. Indices are written as {@code base + i} / {@code base + 3*i} of the one loop
     * counter so the JIT can hoist the bounds checks out of the loop.
     */
    static void rowToYcc(byte[] src, int s, int n, byte[] y, byte[] cb, byte[] cr, int d) {
        rowToYcc(src, s, n, y, d, cb, cr, d);
    }

    /** As above, with the chroma samples at their own offset {@code dc}. */
    static void rowToYcc(byte[] src, int s, int n, byte[] y, int d, byte[] cb, byte[] cr, int dc) {
        for (int i = 0; i < n; i++) {
            int r = src[s + 3 * i] & 0xFF;
            int g = src[s + 3 * i + 1] & 0xFF;
            int b = src[s + 3 * i + 2] & 0xFF;
            y[d + i] = (byte) ((FIX_0_29900 * r + FIX_0_58700 * g + FIX_0_11400 * b + Y_BIAS) >> 16);
            cb[dc + i] = (byte) ((-FIX_0_16874 * r - FIX_0_33126 * g + FIX_0_50000 * b + C_BIAS) >> 16);
            cr[dc + i] = (byte) ((FIX_0_50000 * r - FIX_0_41869 * g - FIX_0_08131 * b + C_BIAS) >> 16);
        }
    }

    /** Converts {@code n} RGB pixels to luma only (greyscale output from colour input). */
    static void rowToY(byte[] src, int s, int n, byte[] y, int d) {
        for (int i = 0; i < n; i++) {
            int r = src[s + 3 * i] & 0xFF;
            int g = src[s + 3 * i + 1] & 0xFF;
            int b = src[s + 3 * i + 2] & 0xFF;
            y[d + i] = (byte) ((FIX_0_29900 * r + FIX_0_58700 * g + FIX_0_11400 * b + Y_BIAS) >> 16);
        }
    }
}
