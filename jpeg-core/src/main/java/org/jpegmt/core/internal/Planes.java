package org.jpegmt.core.internal;

/**
 * Sample planes of the frame's components, one byte per sample, each padded to whole MCUs.
 * A plane holds either the whole component ({@link #whole}) or a ring of a few MCU rows
 * ({@link #ring}): block row {@code by} is stored at {@code by % blockRows}. The serial decode of
 * a single-scan file, and each band of the parallel one, use a ring of three MCU rows: output
 * rows of MCU row r - 1 are converted right after MCU row r is decoded, and need at most the
 * last sample row of MCU row r - 2 and the first of MCU row r (fancy vertical upsampling). The
 * ring keeps the working set in cache and the memory at O(width). A band edge keeps the four MCU
 * rows around it in a ring of four ({@link #copyMcuRows}).
 */
final class Planes {
    final byte[][] data;
    final int[] stride;
    /** Block rows held per component (plane height / 8). */
    final int[] blockRows;

    private Planes(byte[][] data, int[] stride, int[] blockRows) {
        this.data = data;
        this.stride = stride;
        this.blockRows = blockRows;
    }

    /** Whole planes (sizes were checked against maxPixels, so they fit in an int). */
    static Planes whole(FrameHeader frame) {
        int[] rows = new int[frame.count()];
        for (int c = 0; c < rows.length; c++) {
            rows[c] = frame.planeHeight(c) / 8;
        }
        return allocate(frame, rows);
    }

    /**
     * @param blockRowsPerMcuRow block rows of each component in one MCU row of the scan
     * @param mcuRows MCU rows the ring holds (capped at the whole plane)
     */
    static Planes ring(FrameHeader frame, int[] blockRowsPerMcuRow, int mcuRows) {
        int[] rows = new int[frame.count()];
        for (int c = 0; c < rows.length; c++) {
            rows[c] = Math.min(mcuRows * blockRowsPerMcuRow[c], frame.planeHeight(c) / 8);
        }
        return allocate(frame, rows);
    }

    /**
     * Copies MCU rows {@code [r0, r1)} of every component from {@code src} to {@code dst} (both
     * of the same frame, each holding those rows).
     */
    static void copyMcuRows(Planes src, Planes dst, int r0, int r1, int[] blockRowsPerMcuRow) {
        for (int c = 0; c < src.data.length; c++) {
            int stride = src.stride[c];
            int y1 = r1 * blockRowsPerMcuRow[c] * 8;
            for (int y = r0 * blockRowsPerMcuRow[c] * 8; y < y1; y++) {
                System.arraycopy(src.data[c], src.rowOffset(c, y), dst.data[c], dst.rowOffset(c, y), stride);
            }
        }
    }

    private static Planes allocate(FrameHeader frame, int[] blockRows) {
        int n = frame.count();
        byte[][] data = new byte[n][];
        int[] stride = new int[n];
        for (int c = 0; c < n; c++) {
            stride[c] = frame.planeWidth(c);
            data[c] = new byte[stride[c] * blockRows[c] * 8];
        }
        return new Planes(data, stride, blockRows);
    }

    /** @return offset of sample row y of component c */
    int rowOffset(int c, int y) {
        return (y % (blockRows[c] << 3)) * stride[c];
    }
}
