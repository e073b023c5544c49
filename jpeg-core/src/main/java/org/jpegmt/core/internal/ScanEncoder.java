package org.jpegmt.core.internal;

/**
 * The MCU loop of one scan (T.81 F.1.1, A.2): for each MCU row a range of intervals touches,
 * converts and downsamples that row band of pixels, then transforms, quantises and codes the
 * blocks in MCU order with DC prediction (T.81 F.1.2.1) reset at every restart interval
 * (T.81 B.1.1.5, F.1.1.5). One instance per call: it owns the scratch buffers.
 *
 * <p>Edges follow cjpeg: rows and columns beyond the image repeat the last pixel; component rows
 * beyond the downsampled height repeat the last component row; blocks wholly outside the
 * component's real size in an interleaved scan are "dummy" blocks whose DC equals the previous
 * block's in the MCU and whose AC terms are zero, so they code as a DC difference of 0 and EOB.
 */
final class ScanEncoder {
    /** The pixels: {@link #bands} interleaved bytes per pixel, {@link #width} pixels per row. */
    private final byte[] src;
    private final int bands;
    private final int width;
    private final int height;
    /** RGB to YCbCr (or Y); else band c is component c as it is. */
    private final boolean convert;
    private final McuGrid grid;
    /** Number of components: 1 (grey) or 3 (YCbCr); raw components 1..4. */
    private final int nc;
    private final int[] h;
    private final int[] v;
    private final int hmax;
    private final int vmax;
    /** Real blocks per row / column of each component (T.81 A.2; cjpeg's width_in_blocks). */
    private final int[] wib;
    private final int[] hib;
    /** Table slot of each component (its Tq, also its Huffman tables). */
    private final int[] slot;
    /** Per component: the quantizer of its slot, see {@link Fdct#quantizer}. */
    private final long[][] quantizer;
    /** Per component: the Huffman code tables of its slot; null when only counting. */
    private final HuffmanEncoder[] dcEnc;
    private final HuffmanEncoder[] acEnc;
    /** Chroma rows that come from pixel rows ({@link EncodeSetup#availRows}). */
    private final int chromaRows;
    private final int fullStride;
    private final int bandRows;
    /** Where the colour converter writes each component: its plane if not subsampled. */
    private final byte[][] converted;
    private final byte[][] planes;
    private final int[] planeStride;
    private final int[] ws = new int[64];
    private final int[] zz = new int[64];
    private final int[] pred;
    /** Chroma is downsampled (4:2:2, 4:2:0); luma never is. */
    private final boolean subsampled;

    /**
     * @param setup the image, frame, grid and quantisation tables
     * @param tables the Huffman tables to code with, null to count symbols only
     */
    ScanEncoder(EncodeSetup setup, EncodeTables tables) {
        FrameHeader frame = setup.frame();
        src = setup.samples();
        bands = setup.bands();
        convert = setup.convert();
        width = frame.width();
        height = frame.height();
        grid = setup.grid();
        nc = frame.count();
        hmax = frame.hmax();
        vmax = frame.vmax();
        h = new int[nc];
        v = new int[nc];
        wib = new int[nc];
        hib = new int[nc];
        slot = new int[nc];
        quantizer = new long[nc][];
        dcEnc = tables == null ? null : new HuffmanEncoder[nc];
        acEnc = tables == null ? null : new HuffmanEncoder[nc];
        for (int c = 0; c < nc; c++) {
            FrameHeader.Component fc = frame.components()[c];
            h[c] = fc.h();
            v[c] = fc.v();
            wib[c] = frame.wib(c);
            hib[c] = frame.hib(c);
            slot[c] = fc.tq();
            quantizer[c] = setup.quantizers()[fc.tq()];
            if (tables != null) {
                dcEnc[c] = tables.dcEnc()[fc.tq()];
                acEnc[c] = tables.acEnc()[fc.tq()];
            }
        }
        chromaRows = nc > 1 ? setup.availRows(1) : 0;
        // pixel rows of one MCU row, as wide as its MCUs
        fullStride = grid.mcusPerRow() * hmax * 8;
        bandRows = grid.rowHeight();
        converted = new byte[nc][];
        planes = new byte[nc][];
        planeStride = new int[nc];
        pred = new int[nc];
        for (int c = 0; c < nc; c++) {
            if (h[c] == hmax && v[c] == vmax) {
                converted[c] = new byte[fullStride * bandRows];
                planes[c] = converted[c];
                planeStride[c] = fullStride;
            } else {
                // full-resolution rows for one downsampled row only: they stay in L1
                converted[c] = new byte[fullStride * (vmax / v[c])];
                planeStride[c] = frame.planeWidth(c);
                planes[c] = new byte[planeStride[c] * v[c] * 8];
            }
        }
        subsampled = nc > 1 && planes[1] != converted[1];
    }

    /**
     * Codes (into {@code w}) or counts (into {@code counts}) intervals [from, to).
     */
    void run(int from, int to, BitWriter w, SymbolCounts counts) {
        int first = grid.segmentStart(from);
        int end = grid.segmentStart(to);
        if (first >= end) {
            return;
        }
        int blocksPerMcu = 0;
        for (int c = 0; c < nc; c++) {
            blocksPerMcu += h[c] * v[c];
        }
        int interval = grid.interval();
        int lastInterval = grid.segments() - 1;
        int mcusX = grid.mcusPerRow();
        int intervalIndex = from;
        int left = interval;
        int rowFirst = first / mcusX;
        int rowLast = (end - 1) / mcusX;
        for (int my = rowFirst; my <= rowLast; my++) {
            int mx0 = my == rowFirst ? first % mcusX : 0;
            int mx1 = my == rowLast ? (end - 1) % mcusX + 1 : mcusX;
            prepareBand(my, mx0, mx1);
            for (int mx = mx0; mx < mx1; mx++) {
                if (w != null) {
                    w.ensure(blocksPerMcu * BitWriter.MAX_BLOCK_BYTES);
                }
                mcu(mx, my, w, counts);
                if (--left == 0) {
                    // end of a restart interval: new segment, predictors back to 0
                    if (w != null) {
                        w.padToByte();
                        if (intervalIndex < lastInterval) {
                            w.marker(Markers.RST0 + (intervalIndex & 7));
                        }
                    }
                    intervalIndex++;
                    left = interval;
                    java.util.Arrays.fill(pred, 0);
                }
            }
        }
        if (w != null && left != interval) {
            w.padToByte(); // the image's last interval, shorter than the others
        }
    }

    private void mcu(int mx, int my, BitWriter w, SymbolCounts counts) {
        for (int c = 0; c < nc; c++) {
            int hc = h[c];
            int vc = v[c];
            int wc = wib[c];
            long[] q = quantizer[c];
            byte[] plane = planes[c];
            int stride = planeStride[c];
            for (int by = 0; by < vc; by++) {
                boolean rowReal = my * vc + by < hib[c];
                for (int bx = 0; bx < hc; bx++) {
                    int blockX = mx * hc + bx;
                    int diff;
                    long mask;
                    if (rowReal && blockX < wc) {
                        mask = Fdct.forwardQuantize(plane, by * 8 * stride + blockX * 8, stride, ws, q, zz);
                        diff = zz[0] - pred[c];
                        pred[c] = zz[0];
                    } else {
                        // dummy block: DC repeats the previous block's, so the difference is 0
                        diff = 0;
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
     * Fills the component planes for MCU row {@code my}, MCU columns [mx0, mx1): colour
     * conversion of the band's pixel rows (clamped to the last image row and column), then
     * downsampling.
     */
    private void prepareBand(int my, int mx0, int mx1) {
        int y0 = my * bandRows;
        int c0 = mx0 * hmax * 8;
        int c1 = mx1 * hmax * 8;
        if (!subsampled) {
            for (int i = 0; i < bandRows; i++) {
                convertRow(Math.min(y0 + i, height - 1), i * fullStride, i * fullStride, c0, c1, false);
            }
            return;
        }
        // Chroma row by chroma row: convert the rv pixel rows it is made of (luma straight into
        // its plane, chroma into a small scratch), then downsample at once.
        int rows = v[1] * 8;
        int rv = vmax / v[1];
        int rh = hmax / h[1];
        int from = mx0 * h[1] * 8;
        int to = mx1 * h[1] * 8;
        int stride = planeStride[1];
        int done = 0;
        int prev = -1;
        for (int r = 0; r < rows; r++) {
            // component rows past the downsampled height repeat the last one
            int cr = Math.min(my * rows + r, chromaRows - 1);
            if (cr == prev) {
                for (int c = 1; c < nc; c++) {
                    System.arraycopy(planes[c], (r - 1) * stride + from, planes[c], r * stride + from, to - from);
                }
                continue;
            }
            prev = cr;
            int local = cr * rv - y0;
            for (int k = 0; k < rv; k++) {
                convertRow(Math.min(y0 + local + k, height - 1), (local + k) * fullStride, k * fullStride, c0, c1, false);
            }
            done = local + rv;
            for (int c = 1; c < nc; c++) {
                if (rh == 2 && rv == 1) {
                    Downsampler.h2v1(converted[c], 0, planes[c], r * stride, from, to);
                } else if (rh == 2 && rv == 2) {
                    Downsampler.h2v2(converted[c], 0, fullStride, planes[c], r * stride, from, to);
                } else {
                    throw new IllegalStateException("unsupported sampling ratio " + rh + "x" + rv);
                }
            }
        }
        // luma rows below the last one chroma needed (bottom edge only)
        for (int i = done; i < bandRows; i++) {
            convertRow(Math.min(y0 + i, height - 1), i * fullStride, 0, c0, c1, true);
        }
    }

    /**
     * Converts pixel row {@code sy}, columns [c0, c1) (past the image: the last pixel repeated)
     * into the luma plane at {@code lumaRow} and the other components' buffers at
     * {@code chromaRow}.
     */
    private void convertRow(int sy, int lumaRow, int chromaRow, int c0, int c1, boolean lumaOnly) {
        int n = Math.min(c1, width) - c0;
        if (!convert) {
            deinterleave(sy, lumaRow, chromaRow, c0, n, lumaOnly ? 1 : nc);
        } else if (nc == 1 || lumaOnly) {
            RgbToYcc.rowToY(src, (sy * width + c0) * 3, n, converted[0], lumaRow + c0);
        } else if (lumaRow == chromaRow) {
            RgbToYcc.rowToYcc(src, (sy * width + c0) * 3, n, converted[0], converted[1], converted[2], lumaRow + c0);
        } else {
            RgbToYcc.rowToYcc(src, (sy * width + c0) * 3, n, converted[0], lumaRow + c0,
                    converted[1], converted[2], chromaRow + c0);
        }
        int comps = lumaOnly ? 1 : nc;
        for (int c = 0; c < comps; c++) {
            int base = c == 0 ? lumaRow : chromaRow;
            byte[] row = converted[c];
            byte last = row[base + c0 + n - 1];
            for (int x = base + c0 + n, e = base + c1; x < e; x++) {
                row[x] = last;
            }
        }
    }

    /**
     * Copies pixel row {@code sy}, columns [c0, c0 + n), of bands [0, comps) as they are into
     * the component buffers (grey input, raw components: no colour conversion).
     */
    private void deinterleave(int sy, int lumaRow, int chromaRow, int c0, int n, int comps) {
        int s = (sy * width + c0) * bands;
        if (bands == 1) {
            System.arraycopy(src, s, converted[0], lumaRow + c0, n);
            return;
        }
        for (int c = 0; c < comps; c++) {
            byte[] row = converted[c];
            int d = (c == 0 ? lumaRow : chromaRow) + c0;
            for (int i = 0, j = s + c; i < n; i++, j += bands) {
                row[d + i] = src[j];
            }
        }
    }
}
