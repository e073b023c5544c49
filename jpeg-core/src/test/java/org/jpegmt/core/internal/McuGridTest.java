package org.jpegmt.core.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class McuGridTest {
    /** A grid of {@code perRow x rows} MCUs of 16 output rows each, on an image 16 * rows - 5 rows high. */
    private static McuGrid grid(int perRow, int rows, int interval) {
        return new McuGrid(perRow, rows, interval, 16, 16 * rows - 5);
    }

    @Test
    void rowStartsAreTheSegmentsWhoseFirstMcuStartsARow() {
        // an interval of one MCU row, of half a row, of two rows
        assertArrayEquals(new int[] {0, 1, 2, 3, 4}, grid(4, 5, 4).rowStarts());
        assertArrayEquals(new int[] {0, -1, 1, -1, 2, -1, 3, -1}, grid(4, 4, 2).rowStarts());
        assertArrayEquals(new int[] {0, 2, 4, 6}, grid(4, 8, 8).rowStarts());
        // an interval of one MCU, three per row
        assertArrayEquals(new int[] {0, -1, -1, 1, -1, -1, 2, -1, -1}, grid(3, 3, 1).rowStarts());
        // 6 MCUs, 4 per row: segments start at MCU 0, 6, 12, 18 (row 0, inside row 1, row 3, inside row 4)
        assertArrayEquals(new int[] {0, -1, 3, -1}, grid(4, 5, 6).rowStarts());
        // no restart markers: one segment, starting row 0
        assertArrayEquals(new int[] {0}, grid(5, 7, 0).rowStarts());
    }

    @Test
    void segmentsCoverTheMcusAndTheLastMayBeShort() {
        McuGrid g = grid(4, 5, 6); // 20 MCUs
        assertEquals(4, g.segments());
        assertEquals(20, g.mcuCount());
        assertEquals(6, g.interval());
        assertEquals(12, g.segmentStart(2));
        assertEquals(18, g.segmentEnd(2));
        assertEquals(18, g.segmentStart(3));
        assertEquals(20, g.segmentEnd(3));
        assertEquals(5, g.rowOfSegment(4)); // the end of the scan is the end of the rows
        assertEquals(20, grid(4, 5, 0).interval()); // no restarts: one interval of every MCU
        assertEquals(1, grid(4, 5, 65535).segments());
        assertEquals(8, g.rowEnd(5));
        assertEquals(8, g.rowEnd(7));
    }

    @Test
    void mcuRowsAreConvertedOneRowBehindTheDecodingAndTheLastAtOnce() {
        McuGrid g = grid(4, 5, 4);
        assertEquals(-1, g.convertibleThrough(0)); // row 0 needs the first sample row of row 1
        assertEquals(0, g.convertibleThrough(1));
        assertEquals(4, g.convertibleThrough(4)); // the last row has no row below
        assertEquals(0, g.firstNeeded(0));
        assertEquals(1, g.lastNeeded(0));
        assertEquals(2, g.firstNeeded(3));
        assertEquals(4, g.lastNeeded(4));
        assertEquals(64, g.outputStart(4));
        assertEquals(75, g.outputEnd(4)); // clipped to the image height, 16 * 5 - 5
        assertEquals(32, g.outputEnd(1));
    }

    @Test
    void aBadGridIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> grid(0, 4, 4));
        assertThrows(IllegalArgumentException.class, () -> grid(4, 4, -1));
        assertThrows(IllegalArgumentException.class, () -> new McuGrid(4, 4, 4, 0, 10));
    }

    @Test
    void theGridOfAScanFollowsTheFrame() {
        // 100x50 4:2:0: 7 x 4 MCUs of 16 rows; the Cb component alone: 7 x 4 blocks of 8 rows (ratio 2)
        FrameHeader.Component[] c = {
            new FrameHeader.Component(1, 2, 2, 0), new FrameHeader.Component(2, 1, 1, 1),
            new FrameHeader.Component(3, 1, 1, 1)};
        FrameHeader frame = new FrameHeader(Markers.SOF0, 8, 50, 100, c);
        McuGrid all = McuGrid.forScan(frame, new int[] {0, 1, 2}, 7);
        assertEquals(7, all.mcusPerRow());
        assertEquals(4, all.mcuRows());
        assertEquals(16, all.rowHeight());
        assertEquals(4, all.segments());
        McuGrid luma = McuGrid.forScan(frame, new int[] {0}, 0);
        assertEquals(13, luma.mcusPerRow()); // ceil(100 / 8)
        assertEquals(7, luma.mcuRows()); // ceil(50 / 8)
        assertEquals(8, luma.rowHeight());
        McuGrid cb = McuGrid.forScan(frame, new int[] {1}, 0);
        assertEquals(7, cb.mcusPerRow());
        assertEquals(4, cb.mcuRows());
        assertEquals(16, cb.rowHeight());
    }
}
