package org.jpegmt.core;

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
            converted[c] = new byte[fullStride * bandRows];
            if (job.h[c] == job.hmax && job.v[c] == job.vmax) {
                planes[c] = converted[c];
                planeStride[c] = fullStride;
            } else {
                planeStride[c] = job.mcusX * job.h[c] * 8;
                planes[c] = new byte[planeStride[c] * job.v[c] * 8];
            }
        }
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
        PixelImage img = j.image;
        byte[] src = img.data();
        int width = j.width;
        int c0 = mx0 * j.hmax * 8;
        int c1 = mx1 * j.hmax * 8;
        int n = Math.min(c1, width) - c0;
        int y0 = my * bandRows;
        boolean rgb = img.format() == PixelFormat.RGB;
        for (int i = 0; i < bandRows; i++) {
            int sy = Math.min(y0 + i, j.height - 1);
            int d = i * fullStride + c0;
            if (!rgb) {
                System.arraycopy(src, sy * width + c0, converted[0], d, n);
            } else if (j.nc == 1) {
                RgbToYcc.rowToY(src, (sy * width + c0) * 3, n, converted[0], d);
            } else {
                RgbToYcc.rowToYcc(src, (sy * width + c0) * 3, n, converted[0], converted[1], converted[2], d);
            }
            // right edge: repeat the last pixel
            for (int c = 0; c < j.nc; c++) {
                byte[] row = converted[c];
                byte last = row[d + n - 1];
                for (int x = d + n, e = i * fullStride + c1; x < e; x++) {
                    row[x] = last;
                }
            }
        }
        for (int c = 0; c < j.nc; c++) {
            if (planes[c] != converted[c]) {
                downsample(c, my, mx0, mx1);
            }
        }
    }

    private void downsample(int c, int my, int mx0, int mx1) {
        EncodeJob j = job;
        int rh = j.hmax / j.h[c];
        int rv = j.vmax / j.v[c];
        int rows = j.v[c] * 8;
        int from = mx0 * j.h[c] * 8;
        int to = mx1 * j.h[c] * 8;
        byte[] in = converted[c];
        byte[] out = planes[c];
        int stride = planeStride[c];
        for (int r = 0; r < rows; r++) {
            // component rows past the downsampled height repeat the last one
            int cr = Math.min(my * rows + r, j.availRows[c] - 1);
            int local = cr * rv - my * bandRows;
            if (rh == 2 && rv == 1) {
                Downsampler.h2v1(in, local * fullStride, out, r * stride, from, to);
            } else if (rh == 2 && rv == 2) {
                Downsampler.h2v2(in, local * fullStride, (local + 1) * fullStride, out, r * stride, from, to);
            } else {
                throw new IllegalStateException("unsupported sampling ratio " + rh + "x" + rv);
            }
        }
    }
}
