package org.jpegmt.core.internal;

/**
 * Chroma downsampling as libjpeg's {@code jcsample.c} does it without smoothing. The rounding
 * bias alternates along each output row (restarting at every row), which is part of the result.
 * Output column {@code i} is always an absolute column of the component, so the parity of the
 * bias is right even when only a column range is produced.
 */
final class Downsampler {
    private Downsampler() {
    }

    /** 2x1: {@code out[i] = (a + b + bias) >> 1}, bias 0,1,0,1... for i even/odd. */
    static void h2v1(byte[] in, int inRow, byte[] out, int outRow, int from, int to) {
        for (int i = from; i < to; i++) {
            int p = inRow + 2 * i;
            out[outRow + i] = (byte) (((in[p] & 0xFF) + (in[p + 1] & 0xFF) + (i & 1)) >> 1);
        }
    }

    /** 2x2: {@code out[i] = (a + b + c + d + bias) >> 2}, bias 1,2,1,2... for i even/odd. */
    static void h2v2(byte[] in, int inRow0, int inRow1, byte[] out, int outRow, int from, int to) {
        for (int i = from; i < to; i++) {
            int p = inRow0 + 2 * i;
            int q = inRow1 + 2 * i;
            int sum = (in[p] & 0xFF) + (in[p + 1] & 0xFF) + (in[q] & 0xFF) + (in[q + 1] & 0xFF);
            out[outRow + i] = (byte) ((sum + 1 + (i & 1)) >> 2);
        }
    }
}
