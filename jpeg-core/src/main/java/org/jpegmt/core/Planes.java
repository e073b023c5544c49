package org.jpegmt.core;

/**
 * Sample planes of the frame's components, one byte per sample, each padded to whole MCUs.
 * A plane holds either the whole component ({@link #whole}) or, for the serial decode of a
 * single-scan file, a ring of three MCU rows ({@link #ring}): block row {@code by} is stored at
 * {@code by % blockRows}. Three rows are enough because output rows of MCU row r - 1 are
 * converted right after MCU row r is decoded, and need at most the last sample row of MCU row
 * r - 2 and the first of MCU row r (fancy vertical upsampling). The ring keeps the working set in
 * cache and the memory at O(width).
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
     */
    static Planes ring(FrameHeader frame, int[] blockRowsPerMcuRow) {
        int[] rows = new int[frame.count()];
        for (int c = 0; c < rows.length; c++) {
            rows[c] = Math.min(3 * blockRowsPerMcuRow[c], frame.planeHeight(c) / 8);
        }
        return allocate(frame, rows);
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
