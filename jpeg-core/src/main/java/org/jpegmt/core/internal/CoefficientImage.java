package org.jpegmt.core.internal;

/**
 * The quantised DCT coefficients of a whole frame (T.81 A.3.3 / F.1.1.1), what a lossless
 * transcode reads from one file and writes into another without any inverse DCT. Per component
 * a grid of blocks padded to whole MCUs ({@link FrameHeader#planeWidth} / 8 by
 * {@link FrameHeader#planeHeight} / 8), block {@code (bx, by)} at
 * {@code coef[c][(by * blocksWide[c] + bx) * 64]}, its 64 coefficients in natural (row-major)
 * order, as 16-bit values as libjpeg keeps them (its JCOEF). Only the real blocks
 * ({@link FrameHeader#wib} x {@link FrameHeader#hib}) are ever coded; the padding stays zero.
 *
 * <p>Mutable: readers fill disjoint block rows, possibly from several threads, before any
 * encoder reads it.
 */
final class CoefficientImage extends CoefficientBuffer {
    final FrameHeader frame;
    /** Per component: its quantisation table (natural order), which travels with the coefficients. */
    final int[][] quant;

    CoefficientImage(FrameHeader frame, int[][] quant) {
        super(frame);
        this.frame = frame;
        this.quant = quant;
    }

    private CoefficientImage(CoefficientImage o, FrameHeader frame) {
        super(o.coef, o.blocksWide, o.blocksHigh);
        this.frame = frame;
        this.quant = o.quant;
    }

    /**
     * jpegtran writes a one-component frame with sampling factors 1x1 whatever the source's
     * (they mean nothing for a single component, and some decoders refuse others).
     *
     * @return this image, with a 1x1 frame if it has one component (same blocks, a view)
     */
    CoefficientImage withUnitSampling() {
        FrameHeader.Component c = frame.components()[0];
        if (frame.count() != 1 || (c.h() == 1 && c.v() == 1)) {
            return this;
        }
        FrameHeader f = new FrameHeader(frame.sof(), frame.precision(), frame.height(), frame.width(),
                new FrameHeader.Component[] {new FrameHeader.Component(c.id(), 1, 1, c.tq())});
        return new CoefficientImage(this, f);
    }

    /** @return the largest per-component array, in shorts, for the 2 GiB array check */
    static long largestArray(FrameHeader frame) {
        long largest = 0;
        for (int c = 0; c < frame.count(); c++) {
            largest = Math.max(largest, (long) frame.planeWidth(c) * frame.planeHeight(c));
        }
        return largest;
    }
}
