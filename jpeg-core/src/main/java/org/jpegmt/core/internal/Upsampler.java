package org.jpegmt.core.internal;

/**
 * Chroma upsampling as libjpeg does it by default (jdsample.c "fancy" triangle filters, T.81
 * leaves the method open). Only the component's real {@code dw} samples of a row take part;
 * the samples beyond are the edge sample repeated. Each method writes one output row of at
 * least {@code dw * rh} samples.
 */
final class Upsampler {
    /** Methods, chosen per component from its ratios (see {@link #method}). */
    static final int NONE = 0;
    static final int H2V1 = 1;
    static final int H1V2 = 2;
    static final int H2V2 = 3;
    static final int BOX = 4;

    private Upsampler() {
    }

    /**
     * @param rh Hmax / h
     * @param rv Vmax / v
     * @param dw real width of the component
     * @return the method djpeg uses: fancy for 2x1 and 2x2 unless dw <= 2, fancy for 1x2,
     *     replication for every other ratio
     */
    static int method(int rh, int rv, int dw) {
        if (rh == 1 && rv == 1) {
            return NONE;
        }
        if (rh == 2 && rv == 1 && dw > 2) {
            return H2V1;
        }
        if (rh == 1 && rv == 2) {
            return H1V2;
        }
        if (rh == 2 && rv == 2 && dw > 2) {
            return H2V2;
        }
        return BOX;
    }

    /** Fancy h2v1: out[2i] = (3x[i] + x[i-1] + 1) >> 2, out[2i+1] = (3x[i] + x[i+1] + 2) >> 2. dw > 2. */
    static void h2v1(byte[] in, int off, int dw, byte[] out) {
        out[0] = in[off];
        for (int i = 0; i < dw - 1; i++) {
            int a = in[off + i] & 0xFF;
            int b = in[off + i + 1] & 0xFF;
            out[2 * i + 1] = (byte) ((3 * a + b + 2) >> 2);
            out[2 * i + 2] = (byte) ((3 * b + a + 1) >> 2);
        }
        out[2 * dw - 1] = in[off + dw - 1];
    }

    /**
     * Fancy h1v2, one output row: (3 near + far + bias) >> 2, bias 1 for the upper output row of
     * the pair (far = row above), 2 for the lower one (far = row below).
     */
    static void h1v2(byte[] in, int nearOff, int farOff, int bias, int dw, byte[] out) {
        for (int i = 0; i < dw; i++) {
            out[i] = (byte) ((3 * (in[nearOff + i] & 0xFF) + (in[farOff + i] & 0xFF) + bias) >> 2);
        }
    }

    /**
     * Fancy h2v2, one output row: vertical sums cs = 3 near + far (unrounded), then
     * out[2i] = (3cs[i] + cs[i-1] + 8) >> 4, out[2i+1] = (3cs[i] + cs[i+1] + 7) >> 4. dw > 2.
     *
     * @param cs scratch of at least dw + 2 entries
     */
    static void h2v2(byte[] in, int nearOff, int farOff, int dw, int[] cs, byte[] out) {
        columnSums(in, nearOff, farOff, dw, cs);
        for (int i = 0; i < dw; i++) {
            int c = 3 * cs[i + 1];
            out[2 * i] = (byte) ((c + cs[i] + 8) >> 4);
            out[2 * i + 1] = (byte) ((c + cs[i + 2] + 7) >> 4);
        }
    }

    /**
     * The vertical half of fancy h2v2: cs[i + 1] = 3 near[i] + far[i] for i in 0..dw-1, with the
     * edge sums repeated in cs[0] and cs[dw + 1] (edge replication, so the horizontal step needs
     * no special cases).
     */
    static void columnSums(byte[] in, int nearOff, int farOff, int dw, int[] cs) {
        for (int i = 0; i < dw; i++) {
            cs[i + 1] = 3 * (in[nearOff + i] & 0xFF) + (in[farOff + i] & 0xFF);
        }
        cs[0] = cs[1];
        cs[dw + 1] = cs[dw];
    }

    /** The row itself, edge-padded like {@link #columnSums}: out[i + 1] = in[i], both ends repeated. */
    static void padded(byte[] in, int off, int dw, int[] out) {
        for (int i = 0; i < dw; i++) {
            out[i + 1] = in[off + i] & 0xFF;
        }
        out[0] = out[1];
        out[dw + 1] = out[dw];
    }

    /** Replication: every sample repeated rh times (the row choice does the vertical part). */
    static void box(byte[] in, int off, int dw, int rh, byte[] out) {
        for (int i = 0; i < dw; i++) {
            byte v = in[off + i];
            for (int j = 0; j < rh; j++) {
                out[i * rh + j] = v;
            }
        }
    }
}
