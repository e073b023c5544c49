package org.jpegmt.core.internal;

/**
 * The quantised DCT coefficients of the whole image, kept between the scans of a progressive
 * file (T.81 G.1: every scan adds bands or bits to coefficients that earlier scans started).
 *
 * <p>One {@code short[]} per frame component, 64 coefficients per block in natural (row-major)
 * order, blocks in raster order over whole MCUs: {@code mcusX * h} blocks per row and
 * {@code mcusY * v} block rows, so the dummy blocks that interleaved scans code past the
 * component's edge (T.81 A.2.4) have a place too. A {@code short} because libjpeg keeps
 * coefficients in a 16-bit {@code JCOEF}: shifts and refinement additions wrap at 16 bits in
 * damaged files, and the pixels depend on that. All zero at first (libjpeg asks for a
 * pre-zeroed array): a block no scan reaches decodes as mid-grey.
 *
 * <p>Size: 128 bytes per block, counted in {@link DecodeLimits} before anything is allocated.
 * A lossless transcode keeps its coefficients in the same layout ({@link CoefficientImage}).
 */
class CoefficientBuffer {
    final short[][] coef;
    /** Blocks per block row of each component (whole MCUs). */
    final int[] blocksWide;
    /** Block rows of each component (whole MCUs). */
    final int[] blocksHigh;

    CoefficientBuffer(FrameHeader frame) {
        int n = frame.count();
        coef = new short[n][];
        blocksWide = new int[n];
        blocksHigh = new int[n];
        for (int c = 0; c < n; c++) {
            blocksWide[c] = frame.mcusX() * frame.components()[c].h();
            blocksHigh[c] = frame.mcusY() * frame.components()[c].v();
            coef[c] = new short[blocksWide[c] * blocksHigh[c] * 64];
        }
    }

    /** A buffer over existing arrays of this layout (a {@link CoefficientImage} view with another frame). */
    CoefficientBuffer(short[][] coef, int[] blocksWide, int[] blocksHigh) {
        this.coef = coef;
        this.blocksWide = blocksWide;
        this.blocksHigh = blocksHigh;
    }

    /** @return bytes the buffer of this frame takes (long arithmetic, for the memory limit) */
    static long bytes(FrameHeader frame) {
        long blocks = 0;
        for (FrameHeader.Component c : frame.components()) {
            blocks += (long) frame.mcusX() * c.h() * frame.mcusY() * c.v();
        }
        return blocks * 64 * Short.BYTES;
    }

    /** @return offset of block (bx, by) of component c in {@code coef[c]} */
    int offset(int c, int bx, int by) {
        return (by * blocksWide[c] + bx) << 6;
    }
}
