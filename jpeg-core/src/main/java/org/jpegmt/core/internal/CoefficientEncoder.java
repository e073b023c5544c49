package org.jpegmt.core.internal;

import org.jpegmt.core.InvalidJpegException;

/**
 * The MCU loop of a transcode's one output scan (T.81 F.1.1, A.2): codes (or counts, for optimal
 * tables) the blocks of a {@link CoefficientImage} in MCU order with DC prediction
 * (T.81 F.1.2.1) reset at every restart interval, as jpegtran's coefficient controller does.
 * Several components: one interleaved scan over the frame's MCU grid; one component: one block
 * per MCU over its real blocks. Blocks past a component's real size in an MCU are dummy blocks:
 * DC equal to the previous block's, AC zero, so they code as a difference of 0 and EOB.
 *
 * <p>One instance per call: it owns the scratch.
 */
final class CoefficientEncoder {
    /** libjpeg's MAX_COEF_BITS for 8-bit data: AC magnitudes below 2^10, DC differences below 2^11. */
    private static final int MAX_AC = 1023;
    private static final int MAX_DC_DIFF = 2047;

    private final CoefficientImage image;
    private final McuGrid grid;
    private final int nc;
    private final int[] h;
    private final int[] v;
    private final int[] wib;
    private final int[] hib;
    /** Huffman table slot of each component (jpegtran's: 0 for luma, grey and RGB, 1 for chroma). */
    private final int[] slot;
    private final HuffmanEncoder[] dcEnc;
    private final HuffmanEncoder[] acEnc;
    private final int[] zz = new int[64];
    private final int[] pred;

    /**
     * @param grid the output scan's grid ({@link #grid})
     * @param slots Huffman table slot per component
     * @param tables the tables to code with, null to count symbols only
     */
    CoefficientEncoder(CoefficientImage image, McuGrid grid, int[] slots, EncodeTables tables) {
        this.image = image;
        this.grid = grid;
        FrameHeader frame = image.frame;
        nc = frame.count();
        h = new int[nc];
        v = new int[nc];
        wib = new int[nc];
        hib = new int[nc];
        slot = slots.clone();
        dcEnc = new HuffmanEncoder[nc];
        acEnc = new HuffmanEncoder[nc];
        pred = new int[nc];
        for (int c = 0; c < nc; c++) {
            h[c] = nc == 1 ? 1 : frame.components()[c].h();
            v[c] = nc == 1 ? 1 : frame.components()[c].v();
            wib[c] = frame.wib(c);
            hib[c] = frame.hib(c);
            if (tables != null) {
                dcEnc[c] = tables.dcEnc()[slot[c]];
                acEnc[c] = tables.acEnc()[slot[c]];
            }
        }
    }

    /**
     * @param restartInterval MCUs per restart interval, 0 for none
     * @return the grid of the one scan jpegtran writes for {@code frame}
     */
    static McuGrid grid(FrameHeader frame, int restartInterval) {
        int[] all = new int[frame.count()];
        for (int c = 0; c < all.length; c++) {
            all[c] = c;
        }
        return McuGrid.forScan(frame, all, restartInterval);
    }

    /**
     * Codes (into {@code w}) or counts (into {@code counts}) intervals [from, to): each interval
     * padded with 1-bits and followed by RST(i mod 8), except the image's last.
     *
     * @throws InvalidJpegException for a coefficient outside the range of 8-bit baseline data
     *     (only a damaged source holds one), as libjpeg refuses it
     */
    void run(int from, int to, BitWriter w, SymbolCounts counts) throws InvalidJpegException {
        int first = grid.segmentStart(from);
        int end = grid.segmentStart(to);
        int blocksPerMcu = 0;
        for (int c = 0; c < nc; c++) {
            blocksPerMcu += h[c] * v[c];
        }
        int lastInterval = grid.segments() - 1;
        int perRow = grid.mcusPerRow();
        for (int s = from; s < to; s++) {
            java.util.Arrays.fill(pred, 0);
            int mEnd = Math.min(end, grid.segmentEnd(s));
            for (int m = Math.max(first, grid.segmentStart(s)); m < mEnd; m++) {
                if (w != null) {
                    w.ensure(blocksPerMcu * BitWriter.MAX_BLOCK_BYTES);
                }
                mcu(m % perRow, m / perRow, w, counts);
            }
            if (w != null) {
                w.padToByte();
                if (s < lastInterval) {
                    w.marker(Markers.RST0 + (s & 7));
                }
            }
        }
    }

    private void mcu(int mx, int my, BitWriter w, SymbolCounts counts) throws InvalidJpegException {
        for (int c = 0; c < nc; c++) {
            short[] coef = image.coef[c];
            int stride = image.blocksWide[c];
            for (int y = 0; y < v[c]; y++) {
                int by = my * v[c] + y;
                for (int x = 0; x < h[c]; x++) {
                    int bx = mx * h[c] + x;
                    int diff;
                    long mask;
                    if (bx < wib[c] && by < hib[c]) {
                        mask = zigZag(coef, (by * stride + bx) * 64);
                        diff = zz[0] - pred[c];
                        pred[c] = zz[0];
                        if (diff > MAX_DC_DIFF || diff < -MAX_DC_DIFF) {
                            throw new InvalidJpegException("DC coefficient difference " + diff
                                    + " is out of range for 8-bit data (a damaged source?)", -1);
                        }
                    } else {
                        diff = 0; // dummy block: the previous block's DC, no AC
                        mask = 0;
                    }
                    if (w != null) {
                        HuffmanEncoder.encodeBlock(w, diff, zz, mask, dcEnc[c], acEnc[c]);
                    } else {
                        SymbolCounts.countBlock(diff, zz, mask, counts.dc[slot[c]], counts.ac[slot[c]]);
                    }
                }
            }
        }
    }

    /**
     * Copies a block into {@link #zz} in zig-zag order.
     *
     * @return bit {@code 63 - k} set for each nonzero AC {@code zz[k]}, as {@link HuffmanEncoder#encodeBlock} wants
     */
    private long zigZag(short[] coef, int base) throws InvalidJpegException {
        int[] natural = ZigZag.NATURAL;
        long mask = 0;
        zz[0] = coef[base];
        for (int k = 1; k < 64; k++) {
            int val = coef[base + natural[k]];
            zz[k] = val;
            if (val != 0) {
                if (val > MAX_AC || val < -MAX_AC) {
                    throw new InvalidJpegException("AC coefficient " + val
                            + " is out of range for 8-bit data (a damaged source?)", -1);
                }
                mask |= 1L << (63 - k);
            }
        }
        return mask;
    }
}
