package org.jpegmt.core.internal;

import org.jpegmt.core.PixelFormat;

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
    private final EncodeJob job;
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

    ScanEncoder(EncodeJob job) {
        this.job = job;
        int nc = job.nc;
        fullStride = job.mcusX * job.hmax * 8;
        bandRows = job.vmax * 8;
        converted = new byte[nc][];
        planes = new byte[nc][];
        planeStride = new int[nc];
        pred = new int[nc];
        for (int c = 0; c < nc; c++) {
            if (job.h[c] == job.hmax && job.v[c] == job.vmax) {
                converted[c] = new byte[fullStride * bandRows];
                planes[c] = converted[c];
                planeStride[c] = fullStride;
            } else {
                // full-resolution rows for one downsampled row only: they stay in L1
                converted[c] = new byte[fullStride * (job.vmax / job.v[c])];
                planeStride[c] = job.mcusX * job.h[c] * 8;
                planes[c] = new byte[planeStride[c] * job.v[c] * 8];
            }
        }
        subsampled = nc > 1 && planes[1] != converted[1];
    }

    /**
     * Codes (into {@code w}) or counts (into {@code counts}) intervals [from, to).
     */
    void run(int from, int to, BitWriter w, SymbolCounts counts) {
        EncodeJob j = job;
        int first = from * j.interval;
        int end = (int) Math.min((long) to * j.interval, j.total);
        if (first >= end) {
            return;
        }
        int blocksPerMcu = 0;
        for (int c = 0; c < j.nc; c++) {
            blocksPerMcu += j.h[c] * j.v[c];
        }
        int intervalIndex = from;
        int left = j.interval;
        int rowFirst = first / j.mcusX;
        int rowLast = (end - 1) / j.mcusX;
        for (int my = rowFirst; my <= rowLast; my++) {
            int mx0 = my == rowFirst ? first % j.mcusX : 0;
            int mx1 = my == rowLast ? (end - 1) % j.mcusX + 1 : j.mcusX;
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
                        if (intervalIndex < j.intervals - 1) {
                            w.marker(MarkerWriter.RST0 + (intervalIndex & 7));
                        }
                    }
                    intervalIndex++;
                    left = j.interval;
                    java.util.Arrays.fill(pred, 0);
                }
            }
        }
        if (w != null && left != j.interval) {
            w.padToByte(); // the image's last interval, shorter than the others
        }
    }

    private void mcu(int mx, int my, BitWriter w, SymbolCounts counts) {
        EncodeJob j = job;
        for (int c = 0; c < j.nc; c++) {
            int hc = j.h[c];
            int vc = j.v[c];
            int slot = c == 0 ? 0 : 1;
            long[] quantizer = j.quantizers[slot];
            byte[] plane = planes[c];
            int stride = planeStride[c];
            for (int by = 0; by < vc; by++) {
                boolean rowReal = my * vc + by < j.hib[c];
                for (int bx = 0; bx < hc; bx++) {
                    int blockX = mx * hc + bx;
                    int diff;
                    long mask;
                    if (rowReal && blockX < j.wib[c]) {
                        mask = Fdct.forwardQuantize(plane, by * 8 * stride + blockX * 8, stride, ws, quantizer, zz);
                        diff = zz[0] - pred[c];
                        pred[c] = zz[0];
                    } else {
                        // dummy block: DC repeats the previous block's, so the difference is 0
                        diff = 0;
                        mask = 0;
                    }
                    if (w != null) {
                        HuffmanEncoder.encodeBlock(w, diff, zz, mask, j.dcEnc[slot], j.acEnc[slot]);
                    } else {
                        SymbolCounts.countBlock(diff, zz, mask, counts.dc[slot], counts.ac[slot]);
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
        EncodeJob j = job;
        int y0 = my * bandRows;
        int c0 = mx0 * j.hmax * 8;
        int c1 = mx1 * j.hmax * 8;
        if (!subsampled) {
            for (int i = 0; i < bandRows; i++) {
                convertRow(Math.min(y0 + i, j.height - 1), i * fullStride, i * fullStride, c0, c1, false);
            }
            return;
        }
        // Chroma row by chroma row: convert the rv pixel rows it is made of (luma straight into
        // its plane, chroma into a small scratch), then downsample at once.
        int rows = j.v[1] * 8;
        int rv = j.vmax / j.v[1];
        int rh = j.hmax / j.h[1];
        int from = mx0 * j.h[1] * 8;
        int to = mx1 * j.h[1] * 8;
        int stride = planeStride[1];
        int done = 0;
        int prev = -1;
        for (int r = 0; r < rows; r++) {
            // component rows past the downsampled height repeat the last one
            int cr = Math.min(my * rows + r, j.availRows[1] - 1);
            if (cr == prev) {
                for (int c = 1; c < j.nc; c++) {
                    System.arraycopy(planes[c], (r - 1) * stride + from, planes[c], r * stride + from, to - from);
                }
                continue;
            }
            prev = cr;
            int local = cr * rv - y0;
            for (int k = 0; k < rv; k++) {
                convertRow(Math.min(y0 + local + k, j.height - 1), (local + k) * fullStride, k * fullStride, c0, c1, false);
            }
            done = local + rv;
            for (int c = 1; c < j.nc; c++) {
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
            convertRow(Math.min(y0 + i, j.height - 1), i * fullStride, 0, c0, c1, true);
        }
    }

    /**
     * Converts pixel row {@code sy}, columns [c0, c1) (past the image: the last pixel repeated)
     * into the luma plane at {@code lumaRow} and the other components' buffers at
     * {@code chromaRow}.
     */
    private void convertRow(int sy, int lumaRow, int chromaRow, int c0, int c1, boolean lumaOnly) {
        EncodeJob j = job;
        byte[] src = j.image.data();
        int width = j.width;
        int n = Math.min(c1, width) - c0;
        if (j.image.format() == PixelFormat.GRAY) {
            System.arraycopy(src, sy * width + c0, converted[0], lumaRow + c0, n);
        } else if (j.nc == 1 || lumaOnly) {
            RgbToYcc.rowToY(src, (sy * width + c0) * 3, n, converted[0], lumaRow + c0);
        } else if (lumaRow == chromaRow) {
            RgbToYcc.rowToYcc(src, (sy * width + c0) * 3, n, converted[0], converted[1], converted[2], lumaRow + c0);
        } else {
            RgbToYcc.rowToYcc(src, (sy * width + c0) * 3, n, converted[0], lumaRow + c0,
                    converted[1], converted[2], chromaRow + c0);
        }
        int comps = lumaOnly ? 1 : j.nc;
        for (int c = 0; c < comps; c++) {
            int base = c == 0 ? lumaRow : chromaRow;
            byte[] row = converted[c];
            byte last = row[base + c0 + n - 1];
            for (int x = base + c0 + n, e = base + c1; x < e; x++) {
                row[x] = last;
            }
        }
    }
}
